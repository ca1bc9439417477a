/// Finds motions: "de motie van het lid Van Ginneken", "de motie van de leden Van der Staaij en
/// Bisschop", "de moties van het Lid Koekkoek", "motie-Brekelmans en Veldkamp", "de moties Koekkoek",
/// "de motie Kuik", "Motie Veldkamp c.s.", and references back ("deze motie", "de aangenomen motie").
enum MotionFinder {
    static let prefixes: Set<String> = ["van", "de", "der", "den", "ter", "te", "het", "'t", "in", "la", "le", "du", "d'"]

    static func find(_ words: WordTokens, _ clean: [UInt8]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < words.count {
            let token = words[i]
            let lower = words.lower(i)
            // Cheap filter: only words starting with "motie".
            guard lower.count >= 5, lower.first == UInt8(ascii: "m"), lower.starts(with: "motie".utf8) else { i += 1; continue }
            let text = String(decoding: lower, as: UTF8.self)
            // "motie-Brekelmans": the name is glued to the word.
            if text.hasPrefix("motie-") || text.hasPrefix("moties-") {
                let glued = String(decoding: clean[token.range].drop(while: { $0 != UInt8(ascii: "-") }).dropFirst(), as: UTF8.self)
                var members = [glued]
                var j = i + 1
                while words.is(j, "en") || words.is(j, "c") {
                    if words.is(j, "c") { j += 2; continue }
                    guard let (name, next) = surname(words, clean, j + 1) else { break }
                    members.append(name)
                    j = next
                }
                found.append(mention(members, plural: text.hasPrefix("moties"), short: true, anaphoric: false,
                                     range: token.range.lowerBound..<words[j - 1].range.upperBound, coSigners: false, rule: "motion.hyphenated"))
                i = j
                continue
            }
            guard text == "motie" || text == "moties" else { i += 1; continue }
            let plural = text == "moties"
            var j = i + 1
            var short = true
            // "van het lid X", "van de leden X en Y", "van het Lid X"
            if words.is(j, "van") && (words.is(j + 1, "het") && words.is(j + 2, "lid") || words.is(j + 1, "de") && words.is(j + 2, "leden")) {
                j += 3
                short = false
            }
            var members: [String] = []
            while let (name, next) = surname(words, clean, j) {
                members.append(name)
                j = next
                if words.is(j, "en"), surname(words, clean, j + 1) != nil { j += 1; continue }
                if words.is(j, "c"), words.is(j + 1, "s") { break }
                if clean.count > words[j - 1].range.upperBound, clean[words[j - 1].range.upperBound] == UInt8(ascii: ","),
                   surname(words, clean, j) != nil { continue }
                break
            }
            var coSigners = false
            if words.is(j, "c") && words.is(j + 1, "s") {
                coSigners = true
                j += 2
            }
            if members.isEmpty {
                // "deze motie", "de aangenomen motie", "de motie" at a sentence's subject: refers back.
                if i > 0 && (words.isAny(i - 1, ["deze", "aangenomen", "genoemde", "voornoemde"]) || words.is(i - 1, "de")) && !plural {
                    found.append(Mention(target: .motion(MotionRef(members: [], plural: false, short: true, anaphoric: true, coSigners: false,
                                                                   phraseEnd: token.range.upperBound)),
                                         range: words[i - 1].range.lowerBound..<token.range.upperBound, rule: "motion.anaphor", confidence: 0.6))
                }
                i += 1
                continue
            }
            var start = i
            if i > 0 && words.isAny(i - 1, ["de", "deze"]) { start = i - 1 }
            found.append(mention(members, plural: plural, short: short, anaphoric: false,
                                 range: words[start].range.lowerBound..<words[j - 1].range.upperBound, coSigners: coSigners,
                                 rule: short ? "motion.short" : "motion.full"))
            i = j
        }
        return found
    }

    private static func mention(_ members: [String], plural: Bool, short: Bool, anaphoric: Bool, range: Range<Int>, coSigners: Bool,
                                rule: String) -> Mention {
        Mention(target: .motion(MotionRef(members: members, plural: plural, short: short, anaphoric: anaphoric, coSigners: coSigners,
                                          phraseEnd: range.upperBound)),
                range: range, rule: rule, confidence: short ? 0.85 : 0.95)
    }

    /// A surname at token `i`: optional prefixes ("Van", "der") then a capitalised word. Returns the
    /// name as written and the next token index.
    static func surname(_ words: WordTokens, _ clean: [UInt8], _ i: Int) -> (String, Int)? {
        var j = i
        var parts: [String] = []
        while j < words.count && prefixes.contains(String(decoding: words.lower(j), as: UTF8.self)) && parts.count < 3 {
            parts.append(String(decoding: clean[words[j].range], as: UTF8.self))
            j += 1
        }
        guard j < words.count, words[j].capitalized, !words[j].isNumber else { return nil }
        let word = String(decoding: clean[words[j].range], as: UTF8.self)
        guard !notNames.contains(word.lowercased()), word.count > 1 else { return nil }
        // A prefix written lower-case must follow a capitalised one ("Van der Burg") or stand first
        // in a capitalised name ("van der Staaij" after "de leden").
        parts.append(word)
        return (parts.joined(separator: " "), j + 1)
    }

    /// Capitalised words after "motie" that are not names.
    static let notNames: Set<String> = ["over", "die", "van", "om", "ter", "tot", "inzake", "waarin", "waarmee", "en", "is", "heeft",
                                        "wordt", "werd", "zal", "kamerstuk", "kamerstukken", "de", "het", "een", "europese", "nederland"]
}
