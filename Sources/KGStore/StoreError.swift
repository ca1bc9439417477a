/// Errors of the graph file store. Each names the file and, where it applies, the byte offset, the
/// record and what the user can do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32, message: String)
    /// The path does not exist.
    case fileNotFound(path: String)
    /// `init` on a path that already exists.
    case fileExists(path: String)
    /// The file does not start with the graph-file magic.
    case notAGraphFile(path: String, reason: String)
    /// The file's major version is newer than this program's.
    case unsupportedVersion(path: String, major: UInt16, minor: UInt16)
    /// The header's checksum does not match.
    case corruptHeader(path: String)
    /// A record inside the committed prefix is damaged.
    case corruptRecord(path: String, offset: UInt64, record: Int, reason: String)
    /// A record kind this version does not know and may not skip.
    case unknownRecordKind(path: String, offset: UInt64, kind: UInt8)
    /// Another process holds the writer lock.
    case locked(path: String, holder: String)
    /// fsync failed: the transaction being written is not known to be durable.
    case syncFailed(path: String, errno: Int32, message: String)
    /// A write wrote fewer bytes than asked, or none (disk full, quota).
    case writeFailed(path: String, offset: UInt64, errno: Int32, message: String)
    /// `--as-of` named a sequence number the log does not have.
    case noSuchSequence(requested: UInt64, last: UInt64)
    /// A record is larger than the format allows.
    case recordTooLarge(bytes: Int)
    /// The store saw an earlier failure and must be reopened before writing again.
    case unusable(path: String, because: String)
    /// The store was opened read-only or as of an earlier commit and cannot be written.
    case readOnly(path: String)
    /// A snapshot file cannot be used; `reason` says why. (Readers fall back to the log.)
    case badSnapshot(path: String, reason: String)
    /// The file this handle opened was truncated or rewritten in place by another program while the
    /// handle was reading it (a rename over the path is harmless: the handle keeps the old file).
    case changedUnderReader(path: String, reason: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno, let message):
            return "\(path): \(operation) failed: \(message) (errno \(errno))"
        case .fileNotFound(let path):
            return "\(path): no such graph file (create one with `kg init`, or pass --graph PATH)"
        case .fileExists(let path):
            return "\(path): already exists; refusing to overwrite it"
        case .notAGraphFile(let path, let reason):
            return "\(path): not a Kamergraaf graph file (\(reason))"
        case .unsupportedVersion(let path, let major, let minor):
            return "\(path): format version \(major).\(minor) is newer than this kg supports (\(FileFormat.majorVersion).x); upgrade kg to read it"
        case .corruptHeader(let path):
            return "\(path): the file header's checksum does not match: the header is damaged"
        case .corruptRecord(let path, let offset, let record, let reason):
            return "\(path): corrupt record #\(record) at byte offset \(offset): \(reason). Committed data after this point cannot be trusted; run `kg verify` for a report and `kg salvage --output NEW.kg` to copy every transaction before it into a new file"
        case .unknownRecordKind(let path, let offset, let kind):
            return "\(path): record at byte offset \(offset) has kind 0x\(String(kind, radix: 16)), which this version of kg does not know; upgrade kg"
        case .locked(let path, let holder):
            return "\(path): another writer holds the lock (\(holder)); wait for it to finish, readers are not blocked"
        case .syncFailed(let path, let errno, let message):
            return "\(path): fsync failed: \(message) (errno \(errno)). The transaction was not confirmed durable and this process stops writing; run `kg verify` before trusting the file"
        case .writeFailed(let path, let offset, let errno, let message):
            return "\(path): write at byte offset \(offset) failed: \(message) (errno \(errno)); nothing of this transaction is committed"
        case .noSuchSequence(let requested, let last):
            return "no commit with sequence number \(requested): the graph has commits 1...\(last)"
        case .recordTooLarge(let bytes):
            return "a record of \(bytes) bytes exceeds the format's limit of \(FileFormatLimits.maxRecordBytes) bytes"
        case .unusable(let path, let because):
            return "\(path): this graph handle stopped after an earlier failure (\(because)); reopen the file"
        case .readOnly(let path):
            return "\(path): opened for reading only"
        case .badSnapshot(let path, let reason):
            return "\(path): snapshot not used: \(reason)"
        case .changedUnderReader(let path, let reason):
            return "\(path): the file changed under this reader (\(reason)): another program truncated or overwrote it in place. Nothing read from it after the change was served; run the command again to read the file as it is now, and `kg verify` to check it"
        }
    }
}

/// Format limits in one place.
public enum FileFormatLimits {
    /// Largest payload of one record.
    public static let maxRecordBytes = 64 << 20
}
