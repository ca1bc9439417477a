import KGModel

/// Readable node labels and links for drawings: a document's title and date, a meeting's name and
/// date, a person's name, the start of a question, a Kamerstuk's number and title, not raw ids.
public enum NodeLabeler {
    public static func label(id: String, labels: [String], properties: Properties) -> String {
        func text(_ key: String) -> String? {
            if case .string(let value)? = properties[key], !value.isEmpty { return value }
            return nil
        }
        let date = properties["date"].map { $0.description }
        let label: String
        switch NodeStyle.style(for: labels).label {
        case "Document":
            label = DotEscaping.short(text("title") ?? id, 60) + (date.map { "\n" + $0 } ?? "") + (text("kamerstuk").map { "\n" + $0 } ?? "")
        case "Meeting":
            let end = properties["endDate"].map { "–" + $0.description } ?? ""
            label = (text("name") ?? "meeting") + (date.map { "\n" + $0 + end } ?? "") + (text("place").map { ", " + $0 } ?? "")
        case "Motion":
            var members = ""
            if case .list(let names)? = properties["members"] { members = names.map(\.description).joined(separator: ", ") }
            let number = id.hasPrefix("kst-") ? "\n" + id : ""
            label = "motie " + members + number
        case "Kamerstuk":
            label = (kamerstukName(id) ?? id) + (text("title").map { "\n" + DotEscaping.short($0, 50) } ?? "")
        case "Question":
            label = "Q (" + (text("faction") ?? "?") + "): " + DotEscaping.short(text("text") ?? id, 70)
        case "Answer":
            label = "A: " + DotEscaping.short(text("text") ?? id, 70)
        case "Passage":
            label = DotEscaping.short(text("text") ?? id, 70)
        case "Minister", "Member":
            label = text("fullName") ?? text("name") ?? id
        case "Faction":
            label = id.hasPrefix("faction-") ? String(id.dropFirst(8)) : (text("name") ?? id)
        case "Regulation":
            label = DotEscaping.short(text("name") ?? text("title") ?? id, 50) + (id.count <= 11 ? "\n" + id : "")
        case "Country":
            label = text("name") ?? id
        case "Mention":
            label = "? " + DotEscaping.short(text("text") ?? id, 50)
        default:
            label = text("name") ?? text("title") ?? id
        }
        return label.split(separator: "\n", omittingEmptySubsequences: false).map { DotEscaping.wrapped(String($0), width: 28) }
            .joined(separator: "\n")
    }

    /// "Kamerstuk 32317 nr. 884" for `kst-32317-884`.
    static func kamerstukName(_ id: String) -> String? {
        guard case .kamerstuk(let dossier, let suffix, let number)? = CanonicalID.parse(id) else { return nil }
        return "Kamerstuk \(dossier)" + (suffix.map { " " + $0 } ?? "") + " nr. \(number)"
    }

    /// Where the source can be read: the publication of a Kamerstuk, Aanhangsel or Handelingen,
    /// EUR-Lex for CELEX, the Tweede Kamer for a zaak; a document through the Kamerstuk it is.
    public static func url(id: String, properties: Properties) -> String? {
        if let canonical = CanonicalID.parse(id), let url = canonical.url { return url }
        if case .string(let kamerstuk)? = properties["kamerstuk"], let canonical = CanonicalID.parse(kamerstuk) { return canonical.url }
        return nil
    }
}
