/// Finds council meetings: "de JBZ-Raad van 19 en 20 oktober 2023", "de informele JBZ-Raad van 22
/// en 23 juli 2024", "Raad Justitie en Binnenlandse Zaken (JBZ-Raad) op 13 en 14 juni 2024",
/// "Geannoteerde agenda JBZ-Raad 19 en 20 oktober 2023", "de Europese Raad op 27-28 juni 2024",
/// "COREPER van 19 juni jl.", "de JBZ-Raad van juni jl.". A meeting needs a date (or a month with a
/// qualifier); generic mentions ("in de JBZ-Raad") are not meetings.
enum MeetingFinder {
    struct Body {
        var words: [String]
        var code: String
        var name: String
    }

    static let bodies: [Body] = [
        Body(words: ["raad", "justitie", "en", "binnenlandse", "zaken"], code: "jbz", name: "JBZ-Raad"),
        Body(words: ["jbz-raad"], code: "jbz", name: "JBZ-Raad"),
        Body(words: ["jbz", "raad"], code: "jbz", name: "JBZ-Raad"),
        Body(words: ["jbz-"], code: "jbz", name: "JBZ-Raad"),  // "JBZ- Raad" (a stray space)
        Body(words: ["europese", "raad"], code: "euco", name: "Europese Raad"),
        Body(words: ["raad", "algemene", "zaken"], code: "raz", name: "Raad Algemene Zaken"),
        Body(words: ["raad", "buitenlandse", "zaken"], code: "rbz", name: "Raad Buitenlandse Zaken"),
        Body(words: ["coreper"], code: "coreper", name: "COREPER"),
        Body(words: ["comité", "van", "permanente", "vertegenwoordigers"], code: "coreper", name: "COREPER"),
        Body(words: ["raad", "van", "sociale", "zaken", "en", "werkgelegenheid"], code: "epsco", name: "Raad WSBVC"),
    ]

    /// Hashes of the first words of the bodies: a quick filter before matching.
    static let firstWords: WordHashIndex = {
        var index = WordHashIndex()
        for body in bodies { index.set(WordTokens.hash(body.words[0].utf8), 0) }
        return index
    }()

    static func find(_ words: WordTokens, _ clean: [UInt8]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < words.count {
            guard firstWords.contains(words[i].hash), let body = bodies.first(where: { matches($0.words, words, at: i) }) else { i += 1; continue }
            // "Commissiedebat JBZ-Raad": a committee debate of the Kamer about the council, not the council.
            if i > 0 && words.isAny(i - 1, ["commissiedebat", "notaoverleg", "schriftelijk", "algemeen"]) && body.code == "jbz" {
                i += body.words.count
                continue
            }
            var j = i + body.words.count
            if body.words == ["jbz-"] {
                guard words.is(j, "raad") else { i += 1; continue }
                j += 1
            }
            // "(JBZ-Raad)" after the long name.
            if words.is(j, "jbz-raad") { j += 1 }
            if words.is(j, "jbz") && words.is(j + 1, "raad") { j += 2 }
            // Optional "algemeen" ("de JBZ-Raad algemeen van ..."), "van"/"op"/"d.d.", twice by typo.
            if words.is(j, "algemeen") { j += 1 }
            var prepositions = 0
            while prepositions < 2 && words.isAny(j, ["van", "op", "d", "dd"]) {
                j += words.is(j, "d") && words.is(j + 1, "d") ? 2 : 1
                prepositions += 1
            }
            // "de Informele JBZ-Raad te Stockholm van 25, 26 en 27 januari 2023": the place first.
            var place: String?
            if words.isAny(j, ["te", "in"]), j + 1 < words.count, words[j + 1].capitalized, words.isAny(j + 2, ["van", "op"]),
               DutchDate.parse(words, clean, at: j + 3) != nil {
                place = String(decoding: clean[words[j + 1].range], as: UTF8.self)
                j += 3
            }
            guard let date = DutchDate.parse(words, clean, at: j) ?? dateBefore(words, clean, body: i) else { i += 1; continue }
            let dateBeforeBody = date.tokens.upperBound <= i
            var end = dateBeforeBody ? i + body.words.count : date.tokens.upperBound
            if place == nil, words.isAny(end, ["te", "in"]), end + 1 < words.count, words[end + 1].capitalized,
               ["luxemburg", "brussel", "stockholm", "boedapest", "madrid", "gent"].contains(String(decoding: words.lower(end + 1), as: UTF8.self)) {
                place = String(decoding: clean[words[end + 1].range], as: UTF8.self)
                end += 2
            }
            // Modifiers before the body: informele, formele, extra ingelaste, geannoteerde agenda, verslag.
            var start = i
            var informal = false, extra = false
            var paper: String?
            var k = i - 1
            var steps = 0
            while k >= 0 && steps < 5 {
                if words.is(k, "informele") { informal = true; start = k }
                else if words.is(k, "ingelaste") { extra = true; start = k }
                else if words.is(k, "extra") && extra { start = k }
                else if words.is(k, "agenda") && words.is(k - 1, "geannoteerde") { paper = "agenda"; start = k - 1; k -= 1 }
                else if words.is(k, "verslag") { paper = "verslag"; start = k }
                else if !words.isAny(k, ["de", "van", "voor", "het", "formele"]) { break }
                k -= 1
                steps += 1
            }
            let ref = MeetingRef(body: body.code, bodyName: body.name, date: date, informal: informal, extra: extra, paper: paper, place: place)
            if dateBeforeBody { start = date.tokens.lowerBound }
            let range = words[start].range.lowerBound..<words[end - 1].range.upperBound
            found.append(Mention(target: .meeting(ref), range: range, rule: "meeting.\(body.code)", confidence: date.days.isEmpty ? 0.6 : 0.95))
            i = end
        }
        return found
    }

    /// "Op 1 februari jl. heeft de Europese Raad besloten": a date just before "heeft de" + body.
    static func dateBefore(_ words: WordTokens, _ clean: [UInt8], body i: Int) -> DutchDate? {
        var k = i - 1
        var skipped = 0
        while k >= 0 && skipped < 3 && words.isAny(k, ["de", "het", "heeft", "hebben", "is", "zal", "vond", "werd"]) {
            k -= 1
            skipped += 1
        }
        guard skipped > 0, k >= 0 else { return nil }
        for start in stride(from: k, through: max(0, k - 6), by: -1) {
            if let date = DutchDate.parse(words, clean, at: start), date.tokens.upperBound == k + 1, !date.days.isEmpty {
                return date
            }
        }
        return nil
    }

    static func matches(_ pattern: [String], _ words: WordTokens, at i: Int) -> Bool {
        guard i + pattern.count <= words.count else { return false }
        for (k, word) in pattern.enumerated() where !words.is(i + k, word) { return false }
        return true
    }
}
