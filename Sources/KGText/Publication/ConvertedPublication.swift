/// A publication XML file read: its metadata, the text the extractor reads, its `<extref>`s and
/// footnotes located in that text, and what was odd about it. Spec: Graph/TEXT.md.
public struct ConvertedPublication: Sendable {
    /// Identity, dossier, chamber, dates, titles, signers.
    public var metadata: PublicationMetadata
    /// The Markdown-shaped text with its map back to the XML bytes.
    public var sourceText: SourceText
    /// Every `<extref>`, in source order.
    public var extrefs: [ExternalReference]
    /// Every footnote, in source order.
    public var footnotes: [Footnote]
    /// Things that were accepted but should be looked at (disagreeing identity fields, unknown
    /// entities, an unknown root element).
    public var warnings: [PublicationWarning]
}
