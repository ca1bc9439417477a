import KGModel

/// Resolves the text of one citation (or a few), as a user types it for `kg resolve`, to canonical
/// ids with the rule and confidence that found them.
public enum CitationResolver {
    /// The longest text `resolveChecked` accepts (16 MiB: a document at most).
    public static let maxInputBytes = 16 << 20

    /// Every citation in `text`, resolved.
    ///
    /// Two things differ from scanning, because the text is known to be a citation: a text that is
    /// itself a canonical id (`kst-32317-884`, `ah-tk-20232024-2075`, `32014L0041`, `stb-2019-123`)
    /// resolves to that id (rule `canonical`); and a text that starts with a digit and holds no
    /// citation as it stands is read with the keyword "Kamerstuk" before it, so `36200 VI 33` and
    /// `32317-849` resolve (their rule as scanned, confidence 0.05 lower, a note saying so).
    public static func resolve(_ text: String) -> [Resolution] {
        let trimmed = trimmed(text)
        let leading = text.utf8.count - text.utf8.drop(while: { isWhite($0) }).count
        if let canonical = canonical(trimmed) {
            let citation = Citation(range: leading..<leading + trimmed.utf8.count, text: trimmed, ids: [canonical.id],
                                    kind: canonical.kind, rule: "canonical", confidence: 1.0)
            return [Resolution(citation: citation)]
        }
        let found = CitationScanner.scan(text)
        guard found.isEmpty, let first = trimmed.utf8.first, first >= 0x30 && first <= 0x39 else {
            return found.map(Resolution.init(citation:))
        }
        let keyword = "Kamerstuk "
        let shift = keyword.utf8.count
        let bytes = Array(text.utf8)
        return CitationScanner.scan(keyword + text).compactMap { implied in
            guard implied.kind == .kamerstuk || implied.kind == .dossier, implied.range.upperBound > shift else { return nil }
            let range = max(leading, implied.range.lowerBound - shift)..<implied.range.upperBound - shift
            var citation = implied
            citation.range = range
            citation.text = String(decoding: bytes[range], as: UTF8.self)
            citation.confidence = ((implied.confidence - 0.05) * 100).rounded() / 100
            citation.note = ["the keyword \"Kamerstuk\" is implied", implied.note].compactMap { $0 }.joined(separator: "; ")
            return Resolution(citation: citation)
        }
    }

    /// Like `resolve`, but an empty result or an overlong text is an error.
    public static func resolveChecked(_ text: String) throws -> [Resolution] {
        guard text.utf8.count <= maxInputBytes else { throw CitationError.inputTooLong(bytes: text.utf8.count, limit: maxInputBytes) }
        let found = resolve(text)
        guard !found.isEmpty else { throw CitationError.noCitation(text) }
        return found
    }

    /// A canonical id of one of the kinds citations produce.
    static func canonical(_ text: String) -> (id: CanonicalID, kind: Citation.Kind)? {
        guard let id = CanonicalID.parse(text) else { return nil }
        switch id {
        case .kamerstuk: return (id, .kamerstuk)
        case .dossier: return (id, .dossier)
        case .aanhangsel: return (id, .aanhangsel)
        case .handelingen: return (id, .handelingen)
        case .zaak: return (id, .zaak)
        case .staatsblad: return (id, .staatsblad)
        case .celex(let number): return (id, number.hasPrefix("5") ? .comProposal : .euAct)
        default: return nil
        }
    }

    static func isWhite(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func trimmed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        while start < end && isWhite(bytes[start]) { start += 1 }
        while end > start && isWhite(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
