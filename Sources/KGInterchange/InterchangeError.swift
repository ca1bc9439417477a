/// Errors reading interchange files. Each names the line (1-based) and, where known, the column.
public enum InterchangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line that is not acceptable: bad JSON, a missing or mistyped field, an invalid id.
    case malformedLine(source: String, line: Int, column: Int?, reason: String)
    /// The input is not UTF-8 text (binary, or another encoding).
    case notText(source: String, offset: Int, reason: String)
    /// A line longer than the limit.
    case lineTooLong(source: String, line: Int, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .malformedLine(let source, let line, let column, let reason):
            let place = column.map { "\(source):\(line):\($0)" } ?? "\(source):\(line)"
            return "\(place): \(reason); nothing was imported (fix the line and import again)"
        case .notText(let source, let offset, let reason):
            return "\(source): not a UTF-8 text file (\(reason) at byte offset \(offset)); nothing was imported"
        case .lineTooLong(let source, let line, let bytes, let limit):
            return "\(source):\(line): line of \(bytes) bytes exceeds the limit of \(limit) bytes; nothing was imported"
        }
    }
}
