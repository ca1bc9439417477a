/// The two shapes of text the corpus comes in: Markdown converted from the publication, and plain
/// text extracted from PDF (hard line breaks, page furniture, footnotes at page bottoms).
enum SourceShape: String, Sendable {
    case markdown
    case pdfText = "pdf-text"

    /// Guesses the shape: PDF text has many lines ending in a space and no Markdown markup.
    static func detect(_ text: [UInt8]) -> SourceShape {
        var lines = 0, trailingSpace = 0, markup = 0
        var lineStart = 0
        for i in ByteSearch.offsets(of: 0x0A, in: text) + [text.count] {
            if i > lineStart {
                lines += 1
                if text[i - 1] == 0x20 { trailingSpace += 1 }
                let first = text[lineStart]
                if first == UInt8(ascii: "#") || Bytes.hasPrefix(text, at: lineStart, "**") || Bytes.hasPrefix(text, at: lineStart, "<sup>") {
                    markup += 1
                }
            }
            lineStart = i + 1
        }
        if lines == 0 { return .markdown }
        return markup == 0 && trailingSpace * 3 >= lines ? .pdfText : .markdown
    }
}
