// The constants of the graph file format. The format is specified in Graph/FORMAT.md: change both together.

/// Constants of the append-only graph file (`.kg`) and its snapshot (`.kg.snapshot`).
public enum FileFormat {
    /// First 8 bytes of a graph file: a non-ASCII byte, "KGL", CR LF, Ctrl-Z, LF (PNG's trick: any
    /// text-mode or 7-bit mangling of the file breaks the magic).
    public static let logMagic: [UInt8] = [0x89, 0x4B, 0x47, 0x4C, 0x0D, 0x0A, 0x1A, 0x0A]
    /// First 8 bytes of a snapshot file.
    public static let snapshotMagic: [UInt8] = [0x89, 0x4B, 0x47, 0x53, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Major version: a reader refuses files with a larger one.
    public static let majorVersion: UInt16 = 1
    /// Minor version: additions older readers can skip (skippable record kinds).
    public static let minorVersion: UInt16 = 0
    /// Header: magic (8), major (2), minor (2), flags (4), masked CRC-32C of the previous 16 bytes (4).
    public static let headerSize = 20
    /// Frame header: masked CRC-32C (4), payload length (4), kind (1).
    public static let frameHeaderSize = 9
    /// Commit records are small; when searching for one past damage, longer frames are not candidates.
    public static let maxCommitPayload = 4096
}

/// The kind byte of a record. Kinds with the high bit set may be skipped by readers that do not
/// know them; other unknown kinds make the file unreadable for this version.
public enum RecordKind: UInt8, Sendable, CaseIterable {
    case node = 0x01
    case edge = 0x02
    case retraction = 0x03
    case commit = 0x04

    /// Whether a reader that does not know `kind` may skip it.
    public static func isSkippable(_ kind: UInt8) -> Bool { kind & 0x80 != 0 }

    public var name: String {
        switch self {
        case .node: return "node"
        case .edge: return "edge"
        case .retraction: return "retraction"
        case .commit: return "commit"
        }
    }
}
