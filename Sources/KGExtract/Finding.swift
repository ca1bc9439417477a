/// Something the extractor wants a reader to know about a document without failing it: a mention
/// it could not resolve, a structure that did not add up, a guess it made.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    /// How much a reader should care: `info` (a guess or a note) or `warning` (something missed).
    public enum Severity: String, Sendable { case info, warning }
    public var severity: Severity
    /// 1-based line and byte offset in the source file (0 when not tied to a place).
    public var line: Int
    public var offset: Int
    public var message: String

    public init(_ severity: Severity, line: Int, offset: Int, _ message: String) {
        self.severity = severity
        self.line = line
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(severity.rawValue): line \(line): \(message)" }
}
