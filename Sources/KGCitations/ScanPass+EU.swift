import KGModel

/// The EU rules: acts by number (CELEX sector 3) and Commission proposals (CELEX sector 5).
///
///     act-old   := [act-word] YYYY "/" N "/" ("EU" | "EG" | "EEG" | "JBZ")     Richtlijn 2014/41/EU
///                | [act-word] YY "/" N "/" ...                                   richtlijn 83/189/EEG
///     act-new   := act-word ["(" ("EU" | "EG" | "EEG" | "Euratom" | "EU, Euratom") ")"] YYYY "/" N
///                                                                   Verordening (EU) 2024/1689
///     act-nr    := act-word ["(" … ")"] "nr." N "/" (YYYY | YY)        Verordening (EG) nr. 810/2009
///     act-word  := a word ending in richtlijn(en) (L), verordening(en) (R), kaderbesluit (F),
///                  besluit(en) / beschikking (D); also directive, regulation, decision
///     com       := "COM" ["("] YYYY [")"] N ["final"]                   COM(2022) 209 final
///
/// CELEX: sector, year, type letter, number zero-padded to four digits: `32014L0041`, `52022PC0209`.
/// An old-style number whose word stands further back (`richtlijn inzake … (2008/48/EG, …)`) looks
/// back `CitationLimits.actKeywordWindow` bytes; with no word at all it counts as a directive
/// (`eu.number-only`, low confidence).
extension ScanPass {
    /// A digit trigger: an EU act number.
    func euNumber(_ i: Int) -> Citation? {
        let aEnd = text.digitRunEnd(i)
        guard text.at(aEnd) == 0x2F, ByteText.isDigit(text.at(aEnd + 1)) else { return nil }
        let bStart = aEnd + 1
        let bEnd = text.digitRunEnd(bStart)
        let aLength = aEnd - i, bLength = bEnd - bStart
        guard aLength <= 4, bLength <= 4 else { return nil }

        if text.at(bEnd) == 0x2F {
            // Old style: year/number/series.
            let seriesEnd = text.letterRunEnd(bEnd + 1)
            guard text.endsWord(seriesEnd) else { return nil }
            let series = text.string(bEnd + 1..<seriesEnd)
            guard ["EU", "EG", "EEG", "JBZ"].contains(series), let year = ScanPass.actYear(text, i..<aEnd) else { return nil }
            let number = text.integer(bStart..<bEnd)
            if let keyword = immediateActKeyword(before: i) {
                return act(start: max(keyword.start, lastEnd), end: seriesEnd, year: year, type: keyword.type, number: number,
                           confidence: 0.95, note: nil)
            }
            if let type = nearbyActKeyword(before: i) {
                return act(start: i, end: seriesEnd, year: year, type: type, number: number, confidence: 0.85, note: nil)
            }
            let type: UInt8 = series == "JBZ" ? 0x44 : 0x4C // D for a JBZ number, else L
            return act(start: i, end: seriesEnd, year: year, type: type, number: number, confidence: 0.6,
                       note: "no word says what act this is: taken as a \(type == 0x4C ? "directive" : "decision")",
                       rule: "eu.number-only")
        }

        // New style (year/number) or nr.-style (number/year): the word must stand right before.
        guard text.endsWord(bEnd), let keyword = immediateActKeyword(before: i) else { return nil }
        let year: Int, number: Int
        if keyword.hasNumberWord {
            guard let y = ScanPass.actYear(text, bStart..<bEnd) else { return nil }
            year = y
            number = text.integer(i..<aEnd)
        } else if aLength == 4, let y = ScanPass.actYear(text, i..<aEnd) {
            year = y
            number = text.integer(bStart..<bEnd)
        } else if bLength == 4, let y = ScanPass.actYear(text, bStart..<bEnd) {
            year = y
            number = text.integer(i..<aEnd)
        } else {
            return nil
        }
        return act(start: max(keyword.start, lastEnd), end: bEnd, year: year, type: keyword.type, number: number,
                   confidence: keyword.hasMarker || keyword.hasNumberWord ? 0.95 : 0.8, note: nil)
    }

    /// A year in an act number: four digits 1952...2099, or two (`83` -> 1983, `02` -> 2002).
    static func actYear(_ text: ByteText, _ range: Range<Int>) -> Int? {
        let value = text.integer(range)
        switch range.count {
        case 4: return (1952...2099).contains(value) ? value : nil
        case 2: return value >= 52 ? 1900 + value : 2000 + value
        default: return nil
        }
    }

    /// The citation of an act with CELEX `3<year><type><number>`.
    func act(start: Int, end: Int, year: Int, type: UInt8, number: Int, confidence: Double, note: String?,
             rule: String? = nil) -> Citation? {
        guard number >= 1, number <= 9999 else { return nil }
        let celex = "3\(year)" + String(UnicodeScalar(type)) + ScanPass.pad4(number)
        let names: [UInt8: String] = [0x4C: "eu.directive", 0x52: "eu.regulation", 0x44: "eu.decision", 0x46: "eu.framework-decision"]
        return make(start, end, ids: [.celex(celex)], kind: .euAct, rule: rule ?? names[type] ?? "eu.act",
                    confidence: confidence, note: note)
    }

    static func pad4(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The CELEX type letter of an act word: L directive, R regulation, D decision, F framework
    /// decision; nil for other words.
    func actType(_ range: Range<Int>) -> UInt8? {
        if text.hasSuffix(range, "kaderbesluit") { return 0x46 }
        if text.hasSuffix(range, "richtlijn") || text.hasSuffix(range, "richtlijnen") || text.hasSuffix(range, "directive") { return 0x4C }
        if text.hasSuffix(range, "verordening") || text.hasSuffix(range, "verordeningen") || text.hasSuffix(range, "regulation") { return 0x52 }
        if text.hasSuffix(range, "besluit") || text.hasSuffix(range, "besluiten") || text.hasSuffix(range, "beschikking")
            || text.hasSuffix(range, "decision") { return 0x44 }
        return nil
    }

    /// The word (letters and inner hyphens: `AI-verordening`) ending at `end`.
    func wordStart(endingAt end: Int) -> Int {
        var s = end
        while s > 0 && end - s < 40 {
            let c = text.at(s - 1)
            if ByteText.isLetter(c) || (c == 0x2D && ByteText.isLetter(text.at(s - 2))) { s -= 1 } else { break }
        }
        return s
    }

    /// The act word standing right before a number at `i`, across `nr.` and `(EU)`:
    /// `Verordening (EU) nr. 604/2013`, `Richtlijn ⏎2001/55/EG`.
    func immediateActKeyword(before i: Int) -> (type: UInt8, start: Int, hasMarker: Bool, hasNumberWord: Bool)? {
        var e = text.skipGapBackward(i)
        var hasNumberWord = false
        var hasMarker = false
        let nrStart = text.at(e - 1) == 0x2E ? e - 3 : e - 2
        if nrStart >= 0, text.startsWord(nrStart), let nr = text.numberKeyword(nrStart), !nr.plural, nr.end == e {
            hasNumberWord = true
            e = text.skipGapBackward(nrStart)
        }
        if text.at(e - 1) == 0x29 {
            var open = e - 2
            while open > max(0, e - 20) && text.at(open) != 0x28 { open -= 1 }
            guard text.at(open) == 0x28 else { return nil }
            let inner = text.string(open + 1..<e - 1)
            guard ["EU", "EG", "EEG", "Euratom", "EU, Euratom", "EGKS"].contains(inner) else { return nil }
            hasMarker = true
            e = text.skipGapBackward(open)
        }
        let s = wordStart(endingAt: e)
        guard s < e, let type = actType(s..<e) else { return nil }
        return (type, s, hasMarker, hasNumberWord)
    }

    /// The nearest act word within `CitationLimits.actKeywordWindow` bytes before `i` (not past the
    /// last citation or a semicolon): `richtlijn inzake kredietovereenkomsten (2008/48/EG`.
    func nearbyActKeyword(before i: Int) -> UInt8? {
        let floor = max(lastEnd, i - CitationLimits.actKeywordWindow)
        var e = i
        while e > floor {
            let c = text.at(e - 1)
            if c == 0x3B { return nil }
            if ByteText.isLetter(c) {
                let s = max(wordStart(endingAt: e), floor)
                if let type = actType(s..<e) { return type }
                e = s
            } else {
                e -= 1
            }
        }
        return nil
    }

    /// A `C` trigger: `COM(2023) 755`, `COM(2023)755`, `COM (2022) 209 final`.
    func comProposal(_ i: Int) -> Citation? {
        guard text.at(i + 1) == 0x4F, text.at(i + 2) == 0x4D, !ByteText.isAlnum(text.at(i + 3)) else { return nil }
        let j = text.skipGap(i + 3)
        guard text.at(j) == 0x28, text.digitRunEnd(j + 1) == j + 5, text.at(j + 5) == 0x29 else { return nil }
        let year = text.integer(j + 1..<j + 5)
        guard (1958...2099).contains(year) else { return nil }
        let numberStart = text.skipGap(j + 6)
        let numberEnd = text.digitRunEnd(numberStart)
        guard numberEnd > numberStart, numberEnd - numberStart <= 4, text.endsWord(numberEnd),
              !(text.at(numberEnd) == 0x2F && ByteText.isDigit(text.at(numberEnd + 1))) else { return nil }
        var end = numberEnd
        let g = text.skipGap(numberEnd)
        if g > numberEnd, let final = text.word(g, "final") { end = final }
        let celex = "5\(year)PC" + ScanPass.pad4(text.integer(numberStart..<numberEnd))
        return make(i, end, ids: [.celex(celex)], kind: .comProposal, rule: "com.proposal", confidence: 0.95)
    }
}
