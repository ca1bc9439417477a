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
