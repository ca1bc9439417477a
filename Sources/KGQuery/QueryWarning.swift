import KGQuerySyntax

/// Something a query did that is allowed but probably not meant: an unknown label, type or property,
/// a capped variable-length pattern, a date compared with a string. Returned with the result (the CLI
/// prints them to stderr), never silently dropped.
public struct QueryWarning: Hashable, Sendable, CustomStringConvertible {
    /// What happened, without position.
    public var message: String
    /// Where in the query text, when known.
    public var span: SourceSpan?

    /// A warning about `message`, at `span` in the query text if known.
    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }

    public var description: String { span.map { "\($0): " + message } ?? message }
}
