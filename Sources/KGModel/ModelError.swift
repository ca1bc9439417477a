/// Errors raised when a value does not fit the graph model: a bad id, label, type, date or property.
///
/// Each case carries the offending text so a caller can say exactly what was wrong.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An id was empty, too long, or held a control character.
    case invalidID(String, reason: String)
    /// A label or edge type name was empty, too long, or held characters outside `[A-Za-z0-9_]`.
    case invalidName(String, kind: String, reason: String)
    /// A date was not an ISO 8601 calendar day (`YYYY-MM-DD`).
    case invalidDate(String)
    /// A canonical id did not match any known form.
    case unrecognisedCanonicalID(String)
    /// A list property nested deeper than `Limits.maxValueDepth`.
    case valueTooDeep(depth: Int)

    public var description: String {
        switch self {
        case .invalidID(let id, let reason):
            return "invalid id \(Escaping.quoted(id)): \(reason)"
        case .invalidName(let name, let kind, let reason):
            return "invalid \(kind) \(Escaping.quoted(name)): \(reason)"
        case .invalidDate(let text):
            return "invalid date \(Escaping.quoted(text)): expected an ISO 8601 day such as 2023-10-19"
        case .unrecognisedCanonicalID(let text):
            return "not a canonical id: \(Escaping.quoted(text))"
        case .valueTooDeep(let depth):
            return "property value nested \(depth) levels deep (limit \(Limits.maxValueDepth))"
        }
    }
}
