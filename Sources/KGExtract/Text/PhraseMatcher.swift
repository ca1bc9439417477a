/// Finds known phrases (country names, adjectives, aliases of acts, office titles) as whole-word
/// token sequences, longest match first, case-insensitively in ASCII. Built once per reference
/// set; matching is one hash-table probe per token.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    struct Candidate: Sendable {
        /// The phrase's words, lower-cased.
        var tokens: [[UInt8]]
        var payload: Payload
        /// When set, the original text must match exactly.
        var caseSensitive: String?
        /// The number of words and the hash of the second (0 for one word), held inline: most
        /// candidates are ruled out by these without reading their words.
        var count: Int
        var secondHash: UInt64
    }

    /// Candidates sharing the hash of their first word, longest first; `byFirst` maps the hash to
    /// its list.
    private var lists: [[Candidate]] = []
    private var byFirst = WordHashIndex()

    /// Adds `phrase`; with `caseSensitive`, the original text must match exactly (for short
    /// abbreviations such as "VK" that are also words).
    mutating func add(_ phrase: String, _ payload: Payload, caseSensitive: Bool = false) {
        let tokens = WordTokens(Array(phrase.utf8))
        let words = (0..<tokens.count).map { Array(tokens.lower($0)) }
        guard let first = words.first else { return }
        let key = WordTokens.hash(first)
        let list: Int
        if let existing = byFirst.value(key) {
            list = existing
        } else {
            list = lists.count
            lists.append([])
            byFirst.set(key, list)
        }
        lists[list].append(Candidate(tokens: words, payload: payload, caseSensitive: caseSensitive ? phrase : nil,
                                     count: words.count, secondHash: words.count > 1 ? WordTokens.hash(words[1]) : 0))
        lists[list].sort { $0.tokens.count > $1.tokens.count }
    }

    var isEmpty: Bool { byFirst.isEmpty }

    /// Every longest, non-overlapping match in `tokens` of `bytes`: token index range and payload.
    func matches(_ tokens: WordTokens, in bytes: [UInt8]) -> [(tokens: Range<Int>, payload: Payload)] {
        var result: [(Range<Int>, Payload)] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            if let list = byFirst.value(tokens[i].hash) {
                for candidate in lists[list] where i + candidate.count <= tokens.count {
                    // A second word with another hash is another word.
                    if candidate.count > 1 && tokens[i + 1].hash != candidate.secondHash { continue }
                    var ok = true
                    for (k, word) in candidate.tokens.enumerated() where !tokens.is(i + k, bytes: word) {
                        ok = false
                        break
                    }
                    if ok, let exact = candidate.caseSensitive {
                        let range = tokens[i].range.lowerBound..<tokens[i + candidate.tokens.count - 1].range.upperBound
                        ok = bytes[range].elementsEqual(exact.utf8)
                    }
                    if ok {
                        result.append((i..<(i + candidate.tokens.count), candidate.payload))
                        i += candidate.tokens.count
                        matched = true
                        break
                    }
                }
            }
            if !matched { i += 1 }
        }
        return result
    }
}
