import KGModel

/// One citation resolved for a reader (`kg resolve`): the ids, how they were found, and the
/// citation's text normalised (white space collapsed, emphasis removed).
public struct Resolution: Hashable, Sendable, CustomStringConvertible {
    /// The citation as the scanner found it (range, exact text, ids, rule, confidence, note).
    public var citation: Citation
    /// `citation.text` with white space collapsed and `*` removed: `Kamerstuk 32317, nr. 855`.
    public var normalised: String

    /// The resolution of a scanned citation.
    public init(citation: Citation) {
        self.citation = citation
        self.normalised = citation.normalisedText
    }

    /// The ids the citation names (empty when unresolved).
    public var ids: [CanonicalID] { citation.ids }
    /// The rule that matched.
    public var rule: String { citation.rule }
    /// How sure the rule is, 0...1.
    public var confidence: Double { citation.confidence }

    /// `kst-32317-854 kst-32317-852  kamerstuk  kst.kamerstuk-nr 0.98  "Kamerstuk 32317, nr.854 en 852"`.
    public var description: String {
        var line = ids.isEmpty ? "(unresolved)" : ids.map(\.description).joined(separator: " ")
        if !citation.jointDossiers.isEmpty { line += " (joint dossier " + citation.jointDossiers.joined(separator: ", ") + ")" }
        line += "  \(citation.kind.rawValue)  \(rule) \(confidence)  " + Citation.quoted(normalised)
        if let note = citation.note { line += "  note: " + note }
        return line
    }
}
