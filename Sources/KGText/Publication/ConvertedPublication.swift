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

/// An `<extref doc=... soort=...>`: a link the publisher put on a stretch of text.
public struct ExternalReference: Hashable, Sendable {
    /// The `doc` attribute: an id (`kst-28844-266`, `stb-2015-145`, `h-tk-20222023-84-12`) or a URL.
    public let target: String
    /// The `soort` attribute (`document`, `URL`), empty when absent.
    public let kind: String
    /// The `status` attribute (`actief`), if any.
    public let status: String?
    /// The text bytes the element's content became (empty, at its position, when it had no text).
    public let textRange: Range<Int>
    /// The whole element in the source, `<extref` through `</extref>`.
    public let sourceRange: Range<Int>
    /// The label of the footnote whose text holds it, or nil in the body.
    public let footnote: String?

    /// The target as a Kamerstuk or other canonical id, when it is one or is an officielebekendmakingen
    /// URL of one (`https://zoek.officielebekendmakingen.nl/kst-35300-XIV-67.html`).
    public var canonicalTarget: String? {
        PublicationIdentity.canonicalTarget(of: target)
    }
}

/// A footnote: its marker in the text and its own text.
public struct Footnote: Hashable, Sendable {
    /// The label as printed (`1`, `12`, `*`).
    public let label: String
    /// The `<sup>label</sup>` marker at the point of reference (nil when the footnote was never referred
    /// to, as an old-dialect `<voetnoot>` without a `<voetref>`).
    public let markerRange: Range<Int>?
    /// The footnote's line, `<sup>label</sup> text`, after the `---` below its paragraph.
    public let lineRange: Range<Int>
    /// Its text alone (the line without the marker).
    public let textRange: Range<Int>
    /// The footnote element in the source (`<noot>...</noot>` or `<voetnoot>...</voetnoot>`).
    public let sourceRange: Range<Int>
}

/// Something accepted but worth a look, with the source byte it is about when there is one.
public struct PublicationWarning: Hashable, Sendable, CustomStringConvertible {
    public let offset: Int?
    public let message: String

    public init(offset: Int?, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { (offset.map { "byte \($0): " } ?? "") + message }
}
