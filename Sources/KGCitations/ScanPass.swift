import KGModel

/// One left-to-right pass of `CitationScanner` over a text: the hot loop that jumps over bytes that
/// cannot start a citation, the dispatch to the rules, and the little state the rules share
/// (the last Kamerstuk, for `en nr. 1047`; an unfinished `Kamerstukken II, 2023-2024,` prefix, for a
/// title between prefix and number).
///
/// The rules live in extensions by grammar area: `ScanPass+Kamerstuk.swift`,
/// `ScanPass+Parliament.swift` (Aanhangsel, Handelingen, zaak, Staatsblad), `ScanPass+EU.swift`.
struct ScanPass {
    let text: ByteText
    var found: [Citation] = []
    /// The end of the last citation: no rule reaches back before it.
    var lastEnd = 0
    /// The last Kamerstuk citation, which a later `en nr. N` continues.
    var lastKamerstuk: (dossier: String, suffix: String?, end: Int)?
    /// A Kamerstuk prefix with a chamber or year that no dossier followed at once.
    var pendingPrefix: (start: Int, end: Int)?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        text = ByteText(bytes)
    }

    /// Bytes that can start a citation: digits and the first letters of the keywords
    /// (K/k Kamerstuk, KST, kst-; A Aanhangsel; H Handelingen; C COM; S Stb., Staatsblad). EU act
    /// keywords (Richtlijn, Verordening, ...) are found by looking back from their number.
    static let triggers: (UInt64, UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        func set(_ c: UInt8) { if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) } }
        for c in UInt8(0x30)...UInt8(0x39) { set(c) }
        for c in "KkAHCS".utf8 { set(c) }
        return (low, high)
    }()

    mutating func run() {
        let (low, high) = ScanPass.triggers
        let bytes = text.bytes
        let count = text.count
        var i = 0
        while i < count {
            let c = bytes[i]
            // The fast path: most bytes are not triggers (and every byte >= 128 is not).
            let isTrigger = c < 64 ? (low >> UInt64(c)) & 1 != 0 : (c < 128 && (high >> UInt64(c &- 64)) & 1 != 0)
            if !isTrigger { i += 1; continue }
            if !text.startsWord(i) {
                i = ByteText.isDigit(c) ? text.digitRunEnd(i) : i + 1
                continue
            }
            i = dispatch(i, c)
        }
    }

    /// Tries the rules a trigger byte can start; returns where scanning goes on (after a citation,
    /// or past the token that matched nothing).
    mutating func dispatch(_ i: Int, _ c: UInt8) -> Int {
        var citation: Citation?
        var next = i + 1
        switch c {
        case 0x30...0x39:
            citation = zaak(i) ?? euNumber(i) ?? dossierShape(i) ?? continuation(i)
            next = text.digitRunEnd(i)
        case 0x4B, 0x6B: // K k
            citation = kamerstuk(i)
        case 0x41: // A
            citation = aanhangsel(i)
        case 0x48: // H
            citation = handelingen(i)
        case 0x43: // C
            citation = comProposal(i)
        case 0x53: // S
            citation = staatsblad(i)
        default:
            break
        }
        guard let citation else { return max(next, i + 1) }
        emit(citation)
        return citation.range.upperBound
    }

    /// Records a citation and updates the shared state.
    mutating func emit(_ citation: Citation) {
        found.append(citation)
        lastEnd = citation.range.upperBound
        pendingPrefix = nil
        if citation.kind == .kamerstuk, case .kamerstuk(let dossier, let suffix, _)? = citation.ids.last {
            lastKamerstuk = (dossier, suffix, citation.range.upperBound)
        }
    }

    /// A citation over `start..<end` of this text.
    func make(_ start: Int, _ end: Int, ids: [CanonicalID], joint: [String] = [], kind: Citation.Kind, rule: String,
              confidence: Double, note: String? = nil) -> Citation {
        Citation(range: start..<end, text: text.string(start..<end), ids: ids, jointDossiers: joint, kind: kind, rule: rule,
                 confidence: confidence, note: note)
    }
}
