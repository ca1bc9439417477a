/// Errors of the extractor: input it refuses and reference data it cannot read. Uncertain
/// extraction is not an error but a `Finding`.
public enum ExtractError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A reference table is missing, malformed or inconsistent.
    case badReferenceFile(file: String, line: Int, reason: String)
    /// A document cannot be read as text.
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .badReferenceFile(let file, let line, let reason):
            return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
        case .unreadable(let file, let reason):
            return "\(file): \(reason)"
        }
    }
}
