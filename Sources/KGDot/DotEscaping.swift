/// Escaping for GraphViz double-quoted strings: any text (quotes, backslashes, newlines, control
/// characters, non-ASCII) becomes a string `dot` reads back as that text.
public enum DotEscaping {
    /// `text` inside double quotes. Backslashes are doubled (dot reads `\\l`, `\\N` as escapes),
    /// quotes escaped, line breaks become `\\n` (centred line), control characters dropped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A label cut to `limit` characters at a word edge, with an ellipsis.
    public static func short(_ text: String, _ limit: Int) -> String {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        var cut = String(collapsed.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 { cut = String(cut[..<space]) }
        return cut + "…"
    }

    /// Wraps `text` into lines of about `width` characters for a node label.
    public static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
