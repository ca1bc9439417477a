import KGModel

/// One citation found in a text by `CitationScanner`: where it stands, what it says, and the
/// canonical ids it names.
///
/// A citation can name several ids (`nrs. 854 en 852` names two Kamerstukken; an Aanhangsel
/// followed by its zaak number names both), or none when the text lacks a part the id needs
/// (`Stb. 132` has no year): then `ids` is empty, `note` says what is missing, and the confidence
/// is low, so the caller can keep the mention visible as unresolved.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    /// What a citation points at.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A numbered parliamentary paper (`kst-32317-884`).
        case kamerstuk
        /// A whole dossier, cited without a document number (`Kamerstukken II 1992/93, 23 134`).
        case dossier
        /// Aanhangsel van de Handelingen: answers to written questions (`ah-tk-20232024-2075`).
        case aanhangsel
        /// Handelingen: the proceedings of a sitting (`h-tk-20222023-84-12`).
        case handelingen
        /// A Tweede Kamer zaak number (`zaak-2024Z08726`).
        case zaak
        /// An EU act cited by its number: directive, regulation, decision (CELEX `32014L0041`).
        case euAct
        /// A Commission proposal, `COM(2023) 755` (CELEX sector 5, `52023PC0755`).
        case comProposal
        /// Staatsblad, the Dutch law gazette (`stb-2019-123`).
        case staatsblad
    }

    /// The byte range of the citation in the scanned input (UTF-8 offsets), so a caller can map it
    /// back to its source offset and line for provenance.
    public var range: Range<Int>
    /// The exact matched text: the input bytes in `range`, line breaks and all.
    public var text: String
    /// The ids named, in text order; the first is the primary one. Empty when unresolved.
    public var ids: [CanonicalID]
    /// Further dossiers of a joint Kamerstuk (`Kamerstukken 26 643 en 34 843, nr. 1069` has
    /// `ids` = [kst-26643-1069] and `jointDossiers` = ["34843"]): the document is filed in both; its
    /// canonical id uses the first dossier, as the official publication does.
    public var jointDossiers: [String]
    /// What the citation points at (for an Aanhangsel with its zaak number: `aanhangsel`).
    public var kind: Kind
    /// The short, stable name of the rule that matched (`kst.kamerstuk-nr`, `kst.hyphen`, ...); see
    /// Sources/KGCitations/README.md for the table of rules.
    public var rule: String
    /// How sure the rule is, 0...1: about 0.95 for the full forms, lower for bare shapes, and below
    /// 0.6 for garbled or incomplete forms.
    public var confidence: Double
    /// What is missing or doubtful, when something is (`"no year: the caller may infer it"`).
    public var note: String?

    /// A citation; the scanner makes them, tests and callers that merge citations may too.
    public init(range: Range<Int>, text: String, ids: [CanonicalID], jointDossiers: [String] = [], kind: Kind,
                rule: String, confidence: Double, note: String? = nil) {
        self.range = range
        self.text = text
        self.ids = ids
        self.jointDossiers = jointDossiers
        self.kind = kind
        self.rule = rule
        self.confidence = confidence
        self.note = note
    }

    /// `[12..<36] kst-32317-884 (kst.kamerstuk-nr 0.98) "Kamerstuk 32317, nr. 884"`.
    public var description: String {
        var line = "[\(range.lowerBound)..<\(range.upperBound)] "
        line += ids.isEmpty ? "(unresolved)" : ids.map(\.description).joined(separator: " ")
        if !jointDossiers.isEmpty { line += " joint " + jointDossiers.joined(separator: " ") }
        line += " (\(rule) \(confidence))"
        if let note { line += " note: " + note }
        return line + " " + Citation.quoted(text)
    }

    /// The text with every run of white space (line breaks, NBSP) collapsed to one space and the
    /// Markdown emphasis markers removed: `"Kamerstuk ⏎32317, nr. 855"` -> `"Kamerstuk 32317, nr. 855"`.
    public var normalisedText: String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var lineBreak = false
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.first {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = true
                if byte == 0x0A { lineBreak = true }
                bytes = bytes.dropFirst()
            } else if byte == 0xC2, bytes.dropFirst().first == 0xA0 {
                pendingSpace = true
                bytes = bytes.dropFirst(2)
            } else if byte == 0x2A {
                bytes = bytes.dropFirst()
            } else {
                // A line break after a hyphen joins the halves of a broken word or year (`2023-⏎2024`).
                if pendingSpace && !out.isEmpty && !(lineBreak && out.last == 0x2D) { out.append(0x20) }
                pendingSpace = false
                lineBreak = false
                out.append(byte)
                bytes = bytes.dropFirst()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text in double quotes, with line breaks, quotes and backslashes escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\n": out += "\\n"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
