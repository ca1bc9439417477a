import KGModel

/// Normalising the identity fields of a publication (Graph/TEXT.md §Identity): ids from metadata URLs,
/// dossier numbers without thousands spaces, vergaderjaren with plain hyphens.
enum PublicationIdentity {
    static let officialHost = "zoek.officielebekendmakingen.nl/"

    /// The id in an `OVERHEIDop.externMetadataRecord` URL: `https://zoek.officielebekendmakingen.nl/
    /// kst-36750-3/metadata.xml` -> `kst-36750-3`.
    static func identifier(fromRecordURL url: String) -> String? {
        var path = Substring(url.trimmingSpaces)
        guard path.hasSuffix("/metadata.xml") else { return nil }
        path = path.dropLast("/metadata.xml".count)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let id = String(path[path.index(after: slash)...])
        return isIDToken(id) ? id : nil
    }

    /// The officielebekendmakingen id an extref points to: the `doc` attribute itself when it is an id
    /// (`kst-28844-266`, `stb-2015-145`), or the id in a `zoek.officielebekendmakingen.nl/<id>.html` URL;
    /// nil for other URLs.
    static func canonicalTarget(of target: String) -> String? {
        let trimmed = target.trimmingSpaces
        if let hostRange = trimmed.firstRange(of: officialHost) {
            var rest = trimmed[hostRange.upperBound...]
            if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
            if rest.hasSuffix(".html") { rest = rest.dropLast(5) } else if rest.hasSuffix(".pdf") { rest = rest.dropLast(4) }
            let id = String(rest)
            return isIDToken(id) && id.contains("-") ? id : nil
        }
        if trimmed.contains("://") { return nil }
        return isIDToken(trimmed) && trimmed.contains("-") ? trimmed : nil
    }

    /// `kst-<dossier>[-<SUFFIX>]-<number>` from structural fields, or nil when a part is missing.
    static func kamerstukID(dossier: String?, suffix: String?, number: String?) -> String? {
        guard let dossier, !dossier.isEmpty, let number, !number.isEmpty else { return nil }
        return "kst-" + dossier + (suffix.map { "-" + $0 } ?? "") + "-" + number
    }

    /// Digits of a dossier number as written (`36 750`, `36 750`), or nil if anything else is in it.
    static func dossierDigits(_ written: String) -> String? {
        let digits = written.unicodeScalars.filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == ".") }
        let text = String(String.UnicodeScalarView(digits))
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return text
    }

    /// `YYYY-YYYY` from any text holding two consecutive years joined by a dash of any kind
    /// (`Vergaderjaar 2019–2020`, `2026‒2027`, `1994-1995`), or nil.
    static func vergaderjaar(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 9 <= scalars.count {
            let first = scalars[index..<(index + 4)], second = scalars[(index + 5)..<(index + 9)]
            let dash = scalars[index + 4]
            let isDash = dash == "-" || dash == "/" || (dash.value >= 0x2010 && dash.value <= 0x2015)
            if isDash, first.allSatisfy(\.isASCIIDigit), second.allSatisfy(\.isASCIIDigit),
               let a = Int(String(String.UnicodeScalarView(first))), let b = Int(String(String.UnicodeScalarView(second))),
               b == a + 1 {
                return "\(a)-\(b)"
            }
            index += 1
        }
        return nil
    }

    /// The chamber named in a text (`Tweede Kamer der Staten-Generaal`, `Eerste Kamer ...`,
    /// `Staten-Generaal`) or by a number attribute (`2`, `1`, `sg`).
    static func chamber(_ text: String) -> Chamber? {
        let lower = text.lowercased()
        if lower.contains("tweede kamer") { return .tweedeKamer }
        if lower.contains("eerste kamer") { return .eersteKamer }
        switch lower.trimmingSpaces {
        case "2": return .tweedeKamer
        case "1": return .eersteKamer
        case "sg", "1/2", "staten-generaal", "verenigde vergadering": return .statenGeneraal
        default: return nil
        }
    }

    /// A day from `YYYY-MM-DD` (a trailing time is ignored), or nil.
    static func day(_ text: String) -> Day? {
        let trimmed = text.trimmingSpaces
        guard trimmed.utf8.count >= 10 else { return nil }
        return try? Day(iso: String(trimmed.prefix(10)))
    }

    /// Letters, digits, `-`, `_` and `.` only (an id that can be shown and compared).
    static func isIDToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 200 && text.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs, newlines and no-break spaces.
    var trimmingSpaces: String {
        let scalars = Array(unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Whitespace runs collapsed to one space, trimmed.
    var collapsingSpaces: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
