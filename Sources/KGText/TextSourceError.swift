import KGModel

/// Why a source file could not be turned into text. Every case names where: the file, the byte
/// offset, the tool.
public enum TextSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The XML is not well formed (or is truncated, or is binary): `offset` is the 0-based byte where
    /// the problem was found.
    case malformedXML(offset: Int, reason: String)
    /// The file is not UTF-8 text: NUL bytes, invalid UTF-8, empty, or a line too long to be text.
    case notText(file: String, offset: Int, reason: String)
    /// An external program the format needs is not on `PATH`.
    case toolMissing(String, hint: String)
    /// An external program ran and failed.
    case toolFailed(String, status: Int32, message: String)
    /// The file's extension names no format this module reads, or its content is not that format.
    case unsupportedFormat(file: String, reason: String)
    /// The file could not be read at all (missing, a directory, no permission).
    case unreadable(file: String, reason: String)
    /// An error from reading `file`, at `line` (1-based) when known.
    indirect case inFile(String, line: Int?, TextSourceError)

    public var description: String {
        switch self {
        case .malformedXML(let offset, let reason):
            return "malformed XML at byte \(offset): \(reason)"
        case .notText(let file, let offset, let reason):
            return "\(file): not text (at byte \(offset)): \(reason)"
        case .toolMissing(let tool, let hint):
            return "\(tool) is not installed (not found on PATH): \(hint)"
        case .toolFailed(let tool, let status, let message):
            return "\(tool) failed with exit status \(status)" + (message.isEmpty ? "" : ": " + message)
        case .unsupportedFormat(let file, let reason):
            return "\(file): \(reason)"
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .inFile(let file, let line, let error):
            return file + (line.map { ":\($0)" } ?? "") + ": " + error.description
        }
    }

    /// The error without the `inFile` wrappers.
    public var underlying: TextSourceError {
        if case .inFile(_, _, let error) = self { return error.underlying }
        return self
    }
}
