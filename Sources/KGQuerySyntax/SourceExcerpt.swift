/// The source line of a span with a caret line under it, shared by syntax errors and later stages'
/// errors that point into the query text.
public enum SourceExcerpt {
    /// `line` then a caret line under `span` (tabs kept so carets line up), or nil when the span's line
    /// does not exist in `source`.
    public static func render(_ span: SourceSpan, in source: String) -> String? {
        guard let (line, lineStart) = SyntaxError.line(span.line, of: source) else { return nil }
        var pad = ""
        var column = 1
        for scalar in line.unicodeScalars {
            if column >= span.column { break }
            pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            column += 1
        }
        let lineBytes = line.utf8.count
        let startInLine = max(0, span.offset - lineStart)
        let endInLine = min(lineBytes, startInLine + span.length)
        var width = 1
        if endInLine > startInLine {
            let bytes = Array(line.utf8)[startInLine..<endInLine]
            width = max(1, String(decoding: bytes, as: UTF8.self).unicodeScalars.count)
        }
        return line + "\n" + pad + String(repeating: "^", count: width)
    }
}
