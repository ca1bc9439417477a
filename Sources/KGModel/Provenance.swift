/// Where a fact came from: the source document's sha256, the line and byte offset, and the exact text.
///
/// Extracted facts also name the `rule` that produced them and a `confidence` in 0...1, so a reader can
/// tell a stated number from an inference.
public struct Provenance: Hashable, Sendable {
    /// Lower-case hex sha256 of the source document's bytes (64 characters), or another source key.
    public var document: String
    /// 1-based line of the span's first byte.
    public var line: Int
    /// 0-based byte offset of the span in the source document.
    public var offset: Int
    /// The exact text of the span.
    public var text: String
    /// The extraction rule that made the fact (e.g. `citation.kamerstuk`), if any.
    public var rule: String?
    /// How sure the rule is, 0...1, if it says.
    public var confidence: Double?

    public init(document: String, line: Int, offset: Int, text: String, rule: String? = nil, confidence: Double? = nil) {
        self.document = document
        self.line = line
        self.offset = offset
        self.text = text
        self.rule = rule
        self.confidence = confidence
    }
}
