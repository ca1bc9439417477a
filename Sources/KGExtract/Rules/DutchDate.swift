import KGModel

/// A date expression as Dutch papers write it: "19 en 20 oktober 2023", "22-23 juli 2024",
/// "25, 26 en 27 januari 2023", "13 juni jl.", "4 en 5 maart", "juni jl.", "18 oktober".
struct DutchDate: Equatable {
    /// Days named, first to last (empty when only a month is given).
    var days: [Int]
    var month: Int
    /// The year when written.
    var year: Int?
    /// "jl." (just past) or "aanstaande"/"a.s." (coming), when written.
    var qualifier: Qualifier?
    /// Token range of the whole expression.
    var tokens: Range<Int>

    enum Qualifier: Equatable { case past, coming }

    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                         "oktober", "november", "december"]

    /// The month number of a token, or nil.
    static func month<C: Collection>(_ token: C) -> Int? where C.Element == UInt8 {
        for (i, name) in months.enumerated() where token.elementsEqual(name.utf8) { return i + 1 }
        return nil
    }

    /// Parses a date expression starting at token `start`, or nil.
    static func parse(_ words: WordTokens, _ clean: [UInt8], at start: Int) -> DutchDate? {
        var i = start
        var days: [Int] = []
        // Days: N ("," N)* ("en" N)? or "N-M" as one token or two.
        while i < words.count {
            let token = words[i]
            if token.isNumber, token.range.count <= 2, let day = Bytes.number(clean, token.range), (1...31).contains(day) {
                days.append(day)
                i += 1
                if words.is(i, "en") { i += 1; continue }
                // "22-23": the scanner keeps "22-23" as one token (not a number); handled below.
                continue
            }
            if let pair = dayRange(token, clean) {
                days += pair
                i += 1
                continue
            }
            break
        }
        guard i < words.count, let month = month(words.lower(i)) else { return nil }
        // A month alone must have a qualifier or year to count ("juni jl.", "juni 2024").
        var result = DutchDate(days: days, month: month, year: nil, qualifier: nil, tokens: start..<(i + 1))
        i += 1
        if i < words.count, words[i].isNumber, words[i].range.count == 4, let year = Bytes.number(clean, words[i].range),
           (1900...2100).contains(year) {
            result.year = year
            i += 1
        }
        if words.is(i, "jl") {
            result.qualifier = .past
            i += 1
        } else if words.is(i, "aanstaande") || (words.is(i, "a") && words.is(i + 1, "s")) {
            result.qualifier = .coming
            i += words.is(i, "a") ? 2 : 1
        }
        result.tokens = start..<i
        if days.isEmpty && result.year == nil && result.qualifier == nil { return nil }
        guard days.allSatisfy({ $0 <= Day.daysInMonth(year: result.year ?? 2024, month: month) }) else { return nil }
        return result
    }

    /// "22-23" or "20-21" as one token.
    private static func dayRange(_ token: WordTokens.Token, _ clean: [UInt8]) -> [Int]? {
        let bytes = clean[token.range]
        guard let dash = bytes.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        guard let first = Bytes.number(clean, token.range.lowerBound..<dash),
              let second = Bytes.number(clean, (dash + 1)..<token.range.upperBound),
              (1...31).contains(first), (1...31).contains(second), second > first, dash - token.range.lowerBound <= 2
        else { return nil }
        return Array(first...second)
    }

    /// The first day, with the year filled in from the document date when not written: "jl." puts it
    /// on or before the document date, "aanstaande" after, otherwise the year that brings it closest.
    func firstDay(relativeTo documentDate: Day?) -> Day? {
        guard let day = days.first else { return nil }
        return resolve(day: day, relativeTo: documentDate)
    }

    func lastDay(relativeTo documentDate: Day?) -> Day? {
        guard let day = days.last else { return nil }
        return resolve(day: day, relativeTo: documentDate)
    }

    /// The year this expression lands in.
    func resolvedYear(relativeTo documentDate: Day?) -> Int? {
        if let year { return year }
        guard let documentDate else { return nil }
        let reference = documentDate.components
        let day = days.first ?? 15
        let candidates = [reference.year - 1, reference.year, reference.year + 1].compactMap { year in
            Day(year: year, month: month, day: min(day, Day.daysInMonth(year: year, month: month))).map { (year, $0) }
        }
        let allowed = candidates.filter { _, date in
            switch qualifier {
            case .past?: return date <= documentDate
            case .coming?: return date >= documentDate
            case nil: return true
            }
        }
        return allowed.min { abs($0.1.daysSinceEpoch - documentDate.daysSinceEpoch) < abs($1.1.daysSinceEpoch - documentDate.daysSinceEpoch) }?.0
    }

    private func resolve(day: Int, relativeTo documentDate: Day?) -> Day? {
        guard let year = resolvedYear(relativeTo: documentDate) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
