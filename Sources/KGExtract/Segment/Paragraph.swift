/// A paragraph of a document: its lines in the document text, what kind of block it is, and its
/// cleaned text (layout removed, mapped back to the text).
struct Paragraph {
    enum Kind: Equatable {
        case text
        /// A heading: a Markdown `#` line, or a short unpunctuated line standing alone in PDF text.
        case heading
        /// A line that is only "Antwoord".
        case answerMarker
        /// A table-of-contents row (tabs, page numbers): not content.
        case tableOfContents
        /// Page furniture: page numbers, `file://` lines, link-only lines.
        case furniture
    }

    var index: Int
    var lines: [Range<Int>]
    var kind: Kind
    /// Markdown: the whole paragraph is bold (`**...**`), the usual form of an answer.
    var bold: Bool
    /// 0 for the letter, 1... for the n-th written-consultation report.
    var report: Int
    var clean: CleanText
    /// A list item ("- ...", "• ..."): in lists of documents, the text before a citation is its title.
    var listItem = false
    /// PDF footnote markers in the paragraph's lines (document-text ranges of the digits).
    var pdfMarkers: [(range: Range<Int>, number: Int)] = []

    /// The document-text range from the first line's start to the last line's end.
    var textRange: Range<Int> { (lines.first?.lowerBound ?? 0)..<(lines.last?.upperBound ?? 0) }
}

/// A footnote's text, found at a page bottom (PDF) or after `---` (Markdown).
struct Footnote {
    var number: Int
    var report: Int
    var lines: [Range<Int>]
    var clean: CleanText
}

/// A footnote marker in running text: which footnote, in which paragraph, at which text offset.
struct FootnoteMarker {
    var number: Int
    var report: Int
    var paragraph: Int
    var textOffset: Int
}
