/// Errors of the citation module. Scanning itself never fails (what it cannot read it leaves out,
/// or reports as a citation without ids); these are for callers that need an answer.
public enum CitationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text holds no citation the scanner recognises.
    case noCitation(String)
    /// The text is longer than a single resolution accepts.
    case inputTooLong(bytes: Int, limit: Int)

    /// The message `kg` prints after `kg: error: `.
    public var description: String {
        switch self {
        case .noCitation(let text):
            return "no citation found in " + Citation.quoted(text.count > 200 ? String(text.prefix(200)) + "…" : text)
        case .inputTooLong(let bytes, let limit):
            return "the text is \(bytes) bytes long; kg resolve takes at most \(limit)"
        }
    }
}
