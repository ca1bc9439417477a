/// The stable string id of a node, such as `kst-32317-884` or `faction-VVD`.
///
/// Any non-empty text without control characters, at most `Limits.maxIDBytes` bytes, is a valid id;
/// canonical forms are parsed by `CanonicalID`. Ids compare by their UTF-8 bytes.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id text.
    public let rawValue: String

    /// Validates `rawValue` and wraps it; throws `ModelError.invalidID` when it cannot be an id.
    public init(_ rawValue: String) throws {
        if let reason = NodeID.problem(with: rawValue) {
            throw ModelError.invalidID(rawValue, reason: reason)
        }
        self.rawValue = rawValue
    }

    /// Wraps text the caller has already validated (ids built by this package from known parts).
    public init(trusted rawValue: String) {
        self.rawValue = rawValue
    }

    /// Why `text` cannot be an id, or nil when it can.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "an id must not be empty" }
        if text.utf8.count > Limits.maxIDBytes { return "longer than \(Limits.maxIDBytes) bytes" }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                return "contains the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
            }
        }
        return nil
    }

    public var description: String { rawValue }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}
