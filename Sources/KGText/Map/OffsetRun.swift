/// One stretch of the offset map from text bytes to source bytes (see `SourceText`).
///
/// A verbatim run says "text bytes `textStart ..< textStart + textLength` are copies of source bytes
/// `sourceStart ..< sourceStart + sourceLength`, one for one" (the lengths are equal). A synthetic run
/// says "these text bytes stand for the source construct `sourceStart ..< sourceStart + sourceLength`"
/// (a decoded entity, a collapsed run of whitespace, a `## ` or `<sup>` inserted for an element): each
/// of its text bytes maps to `sourceStart`.
public struct OffsetRun: Hashable, Sendable, CustomStringConvertible {
    /// First text byte of the run.
    public var textStart: Int
    /// Number of text bytes in the run (at least 1).
    public var textLength: Int
    /// First source byte the run stands for.
    public var sourceStart: Int
    /// Number of source bytes the run stands for (0 for a construct with no extent of its own).
    public var sourceLength: Int
    /// Whether the text bytes are copies of the source bytes.
    public var isVerbatim: Bool

    public init(textStart: Int, textLength: Int, sourceStart: Int, sourceLength: Int, isVerbatim: Bool) {
        self.textStart = textStart
        self.textLength = textLength
        self.sourceStart = sourceStart
        self.sourceLength = sourceLength
        self.isVerbatim = isVerbatim
    }

    /// One past the last text byte.
    public var textEnd: Int { textStart + textLength }
    /// One past the last source byte.
    public var sourceEnd: Int { sourceStart + sourceLength }

    public var description: String {
        "text \(textStart)+\(textLength) -> source \(sourceStart)+\(sourceLength)" + (isVerbatim ? "" : " (synthetic)")
    }
}
