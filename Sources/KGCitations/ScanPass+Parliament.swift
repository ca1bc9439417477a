import KGModel

/// The other parliamentary rules: Aanhangsel Handelingen, Handelingen, zaak numbers, Staatsblad.
///
///     aanhangsel  := [("Tweede" | "Eerste") " Kamer" ","] ["vergaderjaar"] [year ","]      (before)
///                    aanhangsel-word ["van de"] ["Handelingen"] [chamber [","]] ["vergaderjaar"]
///                    [year [","]] nr-word number ["," zaak]
///     aanhangsel-word := "Aanhangsel" | "Aanhangsels" (ah.aanhangsel) | "Aa…angsel(s)" (ah.misspelled)
///     handelingen := "Handelingen" chamber [","] ["vergaderjaar"] year [","] [nr-word] meeting
///                    [","] "item" item                                     h.handelingen
///     zaak        := YYYY "Z" DDDDD                                       zaak.number
///     staatsblad  := ("Stb." | "Staatsblad") YYYY "," number              stb.year-nr
///                  | ("Stb." | "Staatsblad") number                       stb.nr-only (no id)
extension ScanPass {
    /// `2024Z08726`: a year, `Z`, five digits, as a word.
    func zaak(_ i: Int) -> Citation? {
        guard let end = zaakEnd(i) else { return nil }
        return make(i, end, ids: [.zaak(text.string(i..<end))], kind: .zaak, rule: "zaak.number", confidence: 0.95)
    }

    /// The end of a zaak number starting at `i`, or nil.
    func zaakEnd(_ i: Int) -> Int? {
        guard text.digitRunEnd(i) == i + 4, text.at(i + 4) == 0x5A, text.digitRunEnd(i + 5) == i + 10, text.endsWord(i + 10)
        else { return nil }
        let year = text.integer(i..<i + 4)
        return year >= 1990 && year <= 2099 ? i + 10 : nil
    }

    /// An `A` trigger: `Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 2075`, also misspelled,
    /// also with `Tweede Kamer, vergaderjaar 2023–2024,` before the keyword.
    func aanhangsel(_ i: Int) -> Citation? {
        let wordEnd = text.letterRunEnd(i)
        let length = wordEnd - i
        guard length == 10 || length == 11 else { return nil }
        var misspelled = false
        if text.matches(i, "aanhangsel") && (length == 10 || ByteText.lower(text.at(i + 10)) == 0x73) {
            misspelled = false
        } else if text.matches(i, "aa") && (text.hasSuffix(i..<wordEnd, "angsel") || text.hasSuffix(i..<wordEnd, "angsels")) {
            misspelled = true // "Aangangsels" (000, footnote 2)
        } else {
            return nil
        }
        var j = text.skipGap(wordEnd)
        if let van = text.word(j, "van"), let de = text.word(text.skipGap(van), "de") { j = text.skipGap(de) }
        if let handelingen = text.word(j, "handelingen") { j = text.skipGap(handelingen) }
        var chamber: String?
        if let found = text.chamber(j), found.count <= 2 {
            chamber = found.count == 1 ? "ek" : "tk"
            j = text.skipGap(found.end)
            if text.at(j) == 0x2C { j = text.skipGap(j + 1) }
        }
        if text.at(j) == 0x2C { j = text.skipGap(j + 1) }
        if let word = text.word(j, "vergaderjaar") { j = text.skipGap(word) }
        var year: String?
        if let found = text.year(j), let second = found.second {
            year = "\(found.first)\(second)"
            j = text.skipGap(found.end)
            if text.at(j) == 0x2C { j = text.skipGap(j + 1) }
        }
        guard let nr = text.numberKeyword(j) else { return nil }
        let k = text.skipGap(nr.end)
        guard ByteText.isDigit(text.at(k)), let number = text.documentNumber(k), number.isDigits else { return nil }
        var start = i
        if year == nil || chamber == nil, let before = parliamentPrefix(before: i) {
            start = before.start
            chamber = chamber ?? before.chamber
            year = year ?? before.year
        }
        var end = number.end
        var notes: [String] = []
        var confidence = misspelled ? 0.8 : 0.95
        var ids: [CanonicalID] = []
        if chamber == nil {
            notes.append("no chamber: the Tweede Kamer is assumed")
            confidence = misspelled ? 0.7 : 0.85
        }
        if let year {
            ids.append(.aanhangsel(chamber: chamber ?? "tk", year: year, number: number.value))
        } else {
            notes.append("no vergaderjaar: the id needs one")
            confidence = 0.3
        }
        // "…, Aangangsels nr 2133, 2024Z08726": the zaak of the same questions.
        let g = text.skipGap(end)
        if text.at(g) == 0x2C {
            let z = text.skipGap(g + 1)
            if let zaakEnd = zaakEnd(z) {
                ids.append(.zaak(text.string(z..<zaakEnd)))
                end = zaakEnd
            }
        }
        if misspelled { notes.insert("misspelled keyword \"\(text.string(i..<wordEnd))\"", at: 0) }
        return make(start, end, ids: ids, kind: .aanhangsel, rule: misspelled ? "ah.misspelled" : "ah.aanhangsel",
                    confidence: confidence, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// `Tweede Kamer, vergaderjaar 2023–2024,` standing just before an Aanhangsel keyword at `i`:
    /// where it starts, the chamber and the year it gives.
    func parliamentPrefix(before i: Int) -> (start: Int, chamber: String?, year: String?)? {
        var b = text.skipGapBackward(i)
        if text.at(b - 1) == 0x2C { b = text.skipGapBackward(b - 1) }
        var start = i
        var chamber: String?
        var year: String?
        // A year ending at b: digits, a dash, four digits.
        var secondStart = b
        while secondStart > lastEnd && ByteText.isDigit(text.at(secondStart - 1)) { secondStart -= 1 }
        if b - secondStart == 2 || b - secondStart == 4 {
            var d = text.skipGapBackward(secondStart)
            if text.at(d - 1) == 0x2D || text.at(d - 1) == 0x2F {
                d -= 1
            } else if text.at(d - 3) == 0xE2 && text.at(d - 2) == 0x80 && text.at(d - 1) >= 0x90 && text.at(d - 1) <= 0x95 {
                d -= 3
            } else {
                d = -1
            }
            if d >= 0 {
                let firstEnd = text.skipGapBackward(d)
                let firstStart = firstEnd - 4
                if firstStart >= lastEnd, text.startsWord(firstStart), let found = text.year(firstStart), found.end == b,
                   let second = found.second {
                    year = "\(found.first)\(second)"
                    start = firstStart
                }
            }
        }
        var e = text.skipGapBackward(start)
        if start < i, e - 12 >= lastEnd, text.matches(e - 12, "vergaderjaar"), text.startsWord(e - 12) {
            start = e - 12
            e = text.skipGapBackward(start)
        }
        if text.at(e - 1) == 0x2C { e = text.skipGapBackward(e - 1) }
        if e - 12 >= lastEnd, text.startsWord(e - 12) {
            if text.matches(e - 12, "tweede kamer") { chamber = "tk"; start = e - 12 }
            if text.matches(e - 12, "eerste kamer") { chamber = "ek"; start = e - 12 }
        }
        return start < i ? (start, chamber, year) : nil
    }

    /// An `H` trigger: `Handelingen II 2022/23, nr. 84, item 12`.
    func handelingen(_ i: Int) -> Citation? {
        guard let keywordEnd = text.word(i, "handelingen") else { return nil }
        var j = text.skipGap(keywordEnd)
        guard let found = text.chamber(j), found.count <= 2 else { return nil }
        let chamber = found.count == 1 ? "ek" : "tk"
        j = text.skipGap(found.end)
        if text.at(j) == 0x2C { j = text.skipGap(j + 1) }
        if let word = text.word(j, "vergaderjaar") { j = text.skipGap(word) }
        guard let year = text.year(j), let second = year.second else { return nil }
        j = text.skipGap(year.end)
        if text.at(j) == 0x2C { j = text.skipGap(j + 1) }
        if let nr = text.numberKeyword(j) { j = text.skipGap(nr.end) }
        let meetingEnd = text.digitRunEnd(j)
        guard meetingEnd > j, meetingEnd - j <= 4, text.endsWord(meetingEnd) else { return nil }
        let meeting = text.string(j..<meetingEnd)
        var k = text.skipGap(meetingEnd)
        if text.at(k) == 0x2C { k = text.skipGap(k + 1) }
        if let item = text.word(k, "item") {
            let itemStart = text.skipGap(item)
            let itemEnd = text.digitRunEnd(itemStart)
            if itemEnd > itemStart, itemEnd - itemStart <= 4, text.endsWord(itemEnd) {
                return make(i, itemEnd, ids: [.handelingen(chamber: chamber, year: "\(year.first)\(second)", meeting: meeting,
                                                             item: text.string(itemStart..<itemEnd))],
                            kind: .handelingen, rule: "h.handelingen", confidence: 0.95)
            }
        }
        return make(i, meetingEnd, ids: [], kind: .handelingen, rule: "h.no-item", confidence: 0.4,
                    note: "meeting \(meeting) of \(year.first)-\(second) without an item number: the id needs one")
    }

    /// An `S` trigger: `Stb. 2019, 123`, or `Stb. 132` (no year: reported without an id).
    func staatsblad(_ i: Int) -> Citation? {
        var keywordEnd: Int
        if text.at(i + 1) == 0x74, text.at(i + 2) == 0x62, text.at(i + 3) == 0x2E {
            keywordEnd = i + 4
        } else if let end = text.word(i, "staatsblad") {
            keywordEnd = end
        } else {
            return nil
        }
        let j = text.skipGap(keywordEnd)
        guard ByteText.isDigit(text.at(j)) else { return nil }
        let runEnd = text.digitRunEnd(j)
        guard text.endsWord(runEnd) else { return nil }
        if runEnd - j == 4, (1800...2099).contains(text.integer(j..<runEnd)) {
            let g = text.skipGap(runEnd)
            if text.at(g) == 0x2C {
                let numberStart = text.skipGap(g + 1)
                let numberEnd = text.digitRunEnd(numberStart)
                if numberEnd > numberStart, numberEnd - numberStart <= 5, text.endsWord(numberEnd) {
                    return make(i, numberEnd, ids: [.staatsblad(year: text.string(j..<runEnd), number: text.string(numberStart..<numberEnd))],
                                kind: .staatsblad, rule: "stb.year-nr", confidence: 0.95)
                }
            }
            return nil // "Staatsblad 2019": a year's volume, not a number
        }
        guard runEnd - j <= 4 else { return nil }
        return make(i, runEnd, ids: [], kind: .staatsblad, rule: "stb.nr-only", confidence: 0.3,
                    note: "Staatsblad number \(text.string(j..<runEnd)) without a year: the caller may infer it from the date of the act nearby")
    }
}
