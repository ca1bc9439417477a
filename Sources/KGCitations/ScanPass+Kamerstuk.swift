import KGModel

/// The Kamerstuk rules: `Kamerstuk 32317, nr. 884` and its many variants, the bare
/// `32 317, nr. 884` shape, `kst-32317-884`, and `en nr. 1047` after an earlier citation.
///
/// Grammar (tokens separated by gaps: white space, NBSP, at most one line break, `*`):
///
///     citation  := keyword [chamber [","]] ["vergaderjaar"] [year [","]] [keyword] body
///                | dossier-list [suffix] [","] numbers-part               (no keyword: kst.dossier-nr)
///     keyword   := "Kamerstuk" | "Kamerstukken" (any case) | "KST" | "kst"
///     chamber   := "I" | "II" | "III"
///     year      := YYYY ("/" | "-" | "–" | "—") (YY | YYYY)          consecutive years
///     body      := dossier-list [suffix] [","] numbers-part            kst.kamerstuk-nr
///                | dossier "-" number                                  kst.hyphen
///                | dossier suffix-word number                          kst.dossier-suffix
///                | nr-word dossier number                              kst.garbled-nr-before-dossier
///                | nr-word dossier                                     kst.nr-before-dossier (a dossier)
///                | dossier                    (after a chamber/year)  kst.dossier-only (a dossier)
///                | dossier "," capitals                                kst.letter (Eerste Kamer)
///     dossier-list := dossier (("en" | "/") dossier)*                  joint dossiers
///     dossier   := DDDDD | DD" "DDD
///     suffix    := "-" (roman | capital | D{1,3}) | " " (roman | capital) | "," (roman | capital) ","
///     numbers-part := nr-word number (("en" ["nr."] | "," (plural) | dash | "t/m") number)*
///     nr-word   := "nr" | "nr." | "nrs" | "nrs." (any case)
///     number    := D{1,6} [a-z] | [A-Z]{1,3}
extension ScanPass {
    /// A `K`/`k` trigger: `kst-…` or a Kamerstuk keyword with what follows it.
    mutating func kamerstuk(_ i: Int) -> Citation? {
        if text.at(i) == 0x6B, text.at(i + 1) == 0x73, text.at(i + 2) == 0x74, text.at(i + 3) == 0x2D {
            return canonicalKamerstuk(i)
        }
        guard let keywordEnd = kamerstukKeyword(i) else { return nil }
        var j = text.skipGap(keywordEnd)
        var context = false
        var confidence = 0.98
        if let chamber = text.chamber(j) {
            context = true
            if chamber.count == 3 { confidence = 0.9 } // "Kamerstukken III" (sic)
            j = text.skipGap(chamber.end)
            if text.at(j) == 0x2C { j = text.skipGap(j + 1) }
        }
        if let word = text.word(j, "vergaderjaar") { j = text.skipGap(word) }
        if let year = text.year(j) {
            let after = text.skipGap(year.end)
            if year.second != nil || text.at(after) == 0x2C {
                context = true
                j = text.at(after) == 0x2C ? text.skipGap(after + 1) : after
                // "Kamerstukken II 2023-24, Kamerstuk 32 317, nr. 862": the keyword again.
                if let again = kamerstukKeyword(j) { j = text.skipGap(again) }
            }
        }
        if let citation = kamerstukBody(start: i, at: j, keyword: true, context: context, confidence: confidence) {
            return citation
        }
        if context { pendingPrefix = (i, j) }
        return nil
    }

    /// `Kamerstuk`, `Kamerstukken` (any case), `KST`, `kst` as a word; returns its end.
    func kamerstukKeyword(_ i: Int) -> Int? {
        guard text.startsWord(i) else { return nil }
        if text.matches(i, "kamerstuk") {
            var end = i + 9
            if text.matches(end, "ken") { end += 3 }
            return ByteText.isLetter(text.at(end)) ? nil : end
        }
        if text.matches(i, "kst"), !ByteText.isAlnum(text.at(i + 3)), text.at(i + 3) != 0x2D { return i + 3 }
        return nil
    }

    /// `kst-32317-884`, `kst-36410-VI-85`: the canonical form, parsed by `CanonicalID`.
    func canonicalKamerstuk(_ i: Int) -> Citation? {
        var end = i + 4
        while end - i < 40 && (ByteText.isAlnum(text.at(end)) || (text.at(end) == 0x2D && ByteText.isAlnum(text.at(end + 1)))) {
            end += 1
        }
        guard let id = CanonicalID.parse(text.string(i..<end)), case .kamerstuk = id else { return nil }
        return make(i, end, ids: [id], kind: .kamerstuk, rule: "kst.canonical", confidence: 1.0)
    }

    /// A digit trigger: the bare `32 317, nr. 884` shape (also after a titled prefix).
    mutating func dossierShape(_ i: Int) -> Citation? {
        guard text.dossier(i) != nil else { return nil }
        // Part of a longer space-grouped number (`1 25 000`)? Then not a dossier.
        if text.at(i - 1) == 0x20 && ByteText.isDigit(text.at(i - 2)) { return nil }
        guard var citation = kamerstukBody(start: i, at: i, keyword: false, context: false, confidence: 0.9) else { return nil }
        if let prefix = pendingPrefix, prefix.end <= i, i - prefix.end <= CitationLimits.titleWindow, prefix.start >= lastEnd,
           !(prefix.end..<i).contains(where: { endsTitle($0) }) {
            citation = make(prefix.start, citation.range.upperBound, ids: citation.ids, joint: citation.jointDossiers,
                            kind: citation.kind, rule: "kst.titled", confidence: 0.85, note: citation.note)
        }
        return citation
    }

    /// Whether the byte at `index` ends the title between a prefix and its dossier: `;`, `(`, `)`, or
    /// a full stop before white space (the end of a sentence).
    func endsTitle(_ index: Int) -> Bool {
        switch text.at(index) {
        case 0x3B, 0x28, 0x29: return true
        case 0x2E: return text.isSpace(index + 1)
        default: return false
        }
    }

    /// What follows the keyword, year and chamber (or, without a keyword, the whole shape).
    func kamerstukBody(start: Int, at j: Int, keyword: Bool, context: Bool, confidence: Double) -> Citation? {
        // "Kamerstukken 2022-2023, nr. 32317 793": nr. before the dossier (garbled), or
        // "kamerstukken II, 1995/1996, nr. 24 280": a dossier with no document number.
        if keyword, let nr = text.numberKeyword(j) {
            guard let dossier = text.dossier(text.skipGap(nr.end)) else { return nil }
            let g = text.skipGap(dossier.end)
            if g > dossier.end, ByteText.isDigit(text.at(g)), let number = text.documentNumber(g), number.isDigits,
               number.end - g <= 4, !text.monthName(text.skipGap(number.end)) {
                return make(start, number.end, ids: [.kamerstuk(dossier: dossier.value, suffix: nil, number: number.value)],
                            kind: .kamerstuk, rule: "kst.garbled-nr-before-dossier", confidence: 0.5,
                            note: "\"nr.\" stands before the dossier number")
            }
            return make(start, dossier.end, ids: [.dossier(number: dossier.value, suffix: nil)], kind: .dossier,
                        rule: "kst.nr-before-dossier", confidence: 0.6, note: "a dossier without a document number")
        }
        guard let first = text.dossier(j) else { return nil }
        var dossiers = [first.value]
        var end = first.end
        while dossiers.count < CitationLimits.maxListItems {
            if text.at(end) == 0x2F, let next = text.dossier(end + 1) {
                dossiers.append(next.value)
                end = next.end
                continue
            }
            let g = text.skipGap(end)
            if g > end, let and = text.word(g, "en") {
                let k = text.skipGap(and)
                if k > and, let next = text.dossier(k) {
                    dossiers.append(next.value)
                    end = next.end
                    continue
                }
            }
            break
        }
        let dossier = dossiers[0]
        let joint = Array(dossiers.dropFirst())

        // The suffix, or the forms that end at the dossier.
        var suffix: String?
        var afterSuffix = end
        if let dashEnd = text.rangeDash(end) {
            if let word = text.suffixWord(dashEnd) {
                suffix = word.value // "36410-VI"
                afterSuffix = word.end
            } else if ByteText.isDigit(text.at(dashEnd)) {
                let digitsEnd = text.digitRunEnd(dashEnd)
                guard !ByteText.isLetter(text.at(digitsEnd)) else { return nil }
                if digitsEnd - dashEnd <= 3, followedByNumberKeyword(digitsEnd) {
                    suffix = text.string(dashEnd..<digitsEnd) // "21 501-31, nr. 751"
                    afterSuffix = digitsEnd
                } else if keyword, joint.isEmpty, digitsEnd - dashEnd <= CitationLimits.maxNumberDigits,
                          text.rangeDash(digitsEnd) == nil {
                    return make(start, digitsEnd, ids: [.kamerstuk(dossier: dossier, suffix: nil, number: text.string(dashEnd..<digitsEnd))],
                                kind: .kamerstuk, rule: "kst.hyphen", confidence: 0.9)
                } else {
                    return nil
                }
            } else {
                return nil
            }
        } else if text.isSpace(end) {
            let g = text.skipGap(end)
            if let word = text.suffixWord(g) {
                if followedByNumberKeyword(word.end) {
                    suffix = word.value // "36 410 VI, nr. 85", "36 410 VI nr. 85"
                    afterSuffix = word.end
                } else if keyword, joint.isEmpty {
                    // "36200 VI 33": no nr.
                    let k = text.skipGap(word.end)
                    if k > word.end, ByteText.isDigit(text.at(k)), let number = text.documentNumber(k), number.isDigits,
                       number.end - k <= 4, !text.monthName(text.skipGap(number.end)) {
                        return make(start, number.end, ids: [.kamerstuk(dossier: dossier, suffix: word.value, number: number.value)],
                                    kind: .kamerstuk, rule: "kst.dossier-suffix", confidence: 0.85, note: "no \"nr.\" before the number")
                    }
                    if context {
                        suffix = word.value // "Kamerstukken II 2023/24, 36 410 VI": a dossier with its suffix
                        afterSuffix = word.end
                    }
                }
            }
        } else if text.at(end) == 0x2C {
            let g = text.skipGap(end + 1)
            if let word = text.suffixWord(g), followedByNumberKeyword(word.end), text.at(text.skipGap(word.end)) == 0x2C {
                suffix = word.value // "Kamerstuk 35300, XIV, nr. 67", "23 400,⏎XI, nr. 25"
                afterSuffix = word.end
            } else if let letters = text.documentNumber(g), !letters.isDigits, joint.count < 1 {
                // "34 843, A": an Eerste Kamer paper numbered by letters.
                let after = text.skipGap(letters.end)
                let terminator = text.at(after)
                if after >= text.count || [0x2E, 0x3B, 0x29, 0x2C, 0x3C].contains(terminator) {
                    return make(start, letters.end, ids: [.kamerstuk(dossier: dossier, suffix: nil, number: letters.value)],
                                kind: .kamerstuk, rule: "kst.letter", confidence: keyword ? 0.9 : 0.7)
                }
            }
        }

        // The number part.
        var k = text.skipGap(afterSuffix)
        let hadComma = text.at(k) == 0x2C
        if hadComma { k = text.skipGap(k + 1) }
        guard let nr = text.numberKeyword(k) else {
            if keyword, context, joint.isEmpty {
                return make(start, afterSuffix, ids: [.dossier(number: dossier, suffix: suffix)], kind: .dossier,
                            rule: "kst.dossier-only", confidence: 0.7, note: "a dossier without a document number")
            }
            return nil
        }
        guard let numbers = documentNumbers(text.skipGap(nr.end), plural: nr.plural) else { return nil }
        let ids = numbers.values.map { CanonicalID.kamerstuk(dossier: dossier, suffix: suffix, number: $0) }
        if let glued = numbers.gluedRule {
            return make(start, numbers.end, ids: ids, joint: joint, kind: .kamerstuk, rule: glued.rule,
                        confidence: glued.confidence, note: numbers.note)
        }
        return make(start, numbers.end, ids: ids, joint: joint, kind: .kamerstuk,
                    rule: keyword ? "kst.kamerstuk-nr" : "kst.dossier-nr",
                    confidence: keyword ? confidence : (hadComma ? 0.9 : 0.85), note: numbers.note)
    }

    /// Whether `nr.` (after an optional comma) follows `index`.
    func followedByNumberKeyword(_ index: Int) -> Bool {
        var k = text.skipGap(index)
        if text.at(k) == 0x2C { k = text.skipGap(k + 1) }
        return text.numberKeyword(k) != nil
    }

    /// The numbers after `nr.`/`nrs.`.
    struct NumberList {
        var values: [String]
        var end: Int
        var note: String?
        /// Set when the number ran into the day of a date (`Nr. 29554 november 2020`).
        var gluedRule: (rule: String, confidence: Double)?
    }

    /// `884`, `854 en 852`, `2–3`, `A`, `1022, 1043`, after `nr.`/`nrs.` at `k`.
    func documentNumbers(_ k: Int, plural: Bool) -> NumberList? {
        guard let first = text.documentNumber(k) else { return nil }
        if first.isDigits {
            let g = text.skipGap(first.end)
            if g > first.end, text.monthName(g) {
                // "Nr. ⏎29554 november 2020": the number ran into the day of "4 november".
                guard let split = ScanPass.splitGluedDay(first.value) else { return nil }
                let note = "the number runs into the day of a date: read as nr. \(split.number), \(split.day) "
                    + (split.ambiguous ? "(ambiguous: \(split.alternative ?? "?") also fits)" : "(the only reading with a valid day)")
                return NumberList(values: [split.number], end: first.end, note: note,
                                  gluedRule: ("kst.garbled-nr-glued-day", split.ambiguous ? 0.3 : 0.4))
            }
        }
        var values = [first.value]
        var end = first.end
        var note: String?
        while values.count < CitationLimits.maxListItems {
            let g = text.skipGap(end)
            var next: Int?
            var isRange = false
            var viaAnd = false
            if let dash = text.rangeDash(end) ?? text.rangeDash(g) {
                next = text.skipGap(dash)
                isRange = true
            } else if g > end, let and = text.word(g, "en") {
                var m = text.skipGap(and)
                if let nr = text.numberKeyword(m) { m = text.skipGap(nr.end) }
                next = m
                viaAnd = true
            } else if text.at(g) == 0x74, text.at(g + 1) == 0x2F, text.at(g + 2) == 0x6D { // "t/m"
                next = text.skipGap(g + 3)
                isRange = true
            } else if plural, text.at(g) == 0x2C {
                next = text.skipGap(g + 1)
            }
            guard let start = next, let number = text.documentNumber(start), number.isDigits == first.isDigits else { break }
            if number.isDigits && text.dossier(start) != nil { break } // "nr. 867 en 32 317, nr. 869": a new citation
            let after = text.skipGap(number.end)
            if number.isDigits && text.monthName(after) { break } // "nr. 2957, 5 november"
            if viaAnd && ByteText.isLower(text.at(after)) && text.word(after, "en") == nil { break } // "nr. 884 en 2 andere"
            if isRange, first.isDigits, let low = Int(values[values.count - 1]), let high = Int(number.value), high > low {
                if high - low <= CitationLimits.maxRangeExpansion {
                    values += (low + 1...high).map(String.init)
                } else {
                    values.append(number.value)
                    note = "a range of \(high - low + 1) numbers: only its ends are listed"
                }
            } else {
                values.append(number.value)
            }
            end = number.end
        }
        return NumberList(values: values, end: end, note: note, gluedRule: nil)
    }

    /// Splits digits that ran into a day (`29554` of `29554 november`) into the number and the day: a
    /// one-digit day (1-9) or a two-digit one (10-31). When both fit, the one-digit day is taken and
    /// the split is ambiguous.
    static func splitGluedDay(_ digits: String) -> (number: String, day: Int, ambiguous: Bool, alternative: String?)? {
        let bytes = Array(digits.utf8)
        guard bytes.count >= 2, bytes.allSatisfy(ByteText.isDigit), bytes[0] != 0x30 else { return nil }
        var options: [(number: String, day: Int)] = []
        let one = Int(bytes[bytes.count - 1] - 0x30)
        if one >= 1 { options.append((String(decoding: bytes.dropLast(), as: UTF8.self), one)) }
        if bytes.count >= 3 {
            let two = Int(bytes[bytes.count - 2] - 0x30) * 10 + one
            if two >= 10 && two <= 31 { options.append((String(decoding: bytes.dropLast(2), as: UTF8.self), two)) }
        }
        guard let chosen = options.first else { return nil }
        let alternative = options.count > 1 ? "nr. \(options[1].number), \(options[1].day)" : nil
        return (chosen.number, chosen.day, options.count > 1, alternative)
    }

    /// A digit trigger after `en nr.` / `, nr.`: continues the last Kamerstuk citation
    /// (`(Kamerstuk 26643, nr. 1011) … en nr. 1047`).
    func continuation(_ i: Int) -> Citation? {
        guard let last = lastKamerstuk, i - last.end <= CitationLimits.continuationWindow else { return nil }
        // The number keyword just before the number.
        let keywordEnd = text.skipGapBackward(i)
        var s = keywordEnd
        if text.at(s - 1) == 0x2E { s -= 1 }
        while s > 0 && ByteText.isLetter(text.at(s - 1)) && keywordEnd - s < 5 { s -= 1 }
        guard s >= lastEnd, text.startsWord(s), let nr = text.numberKeyword(s), nr.end == keywordEnd else { return nil }
        // "en" or a comma or semicolon before it.
        let b = text.skipGapBackward(s)
        let joined = text.at(b - 1) == 0x2C || text.at(b - 1) == 0x3B
            || (b < s && text.matches(b - 2, "en") && !ByteText.isLetter(text.at(b - 3)))
        guard joined, let numbers = documentNumbers(i, plural: nr.plural), numbers.gluedRule == nil else { return nil }
        let ids = numbers.values.map { CanonicalID.kamerstuk(dossier: last.dossier, suffix: last.suffix, number: $0) }
        return make(s, numbers.end, ids: ids, kind: .kamerstuk, rule: "kst.continuation", confidence: 0.75,
                    note: "continues the citation of dossier \(last.dossier)\(last.suffix.map { " " + $0 } ?? "")")
    }
}
