/// Finds known phrases (country names, adjectives, aliases of acts, office titles) as whole-word
/// token sequences, longest match first, case-insensitively in ASCII. Built once per reference
/// set; matching is a dictionary lookup per token.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    /// Candidates by the hash of their first word.
    private var byFirst: [UInt64: [(tokens: [[UInt8]], payload: Payload, caseSensitive: String?)]] = [:]

    /// Adds `phrase`; with `caseSensitive`, the original text must match exactly (for short
    /// abbreviations such as "VK" that are also words).
    mutating func add(_ phrase: String, _ payload: Payload, caseSensitive: Bool = false) {
        let words = WordTokens(Array(phrase.utf8)).tokens.map(\.lower)
        guard let first = words.first else { return }
        let key = WordTokens.hash(first)
        byFirst[key, default: []].append((words, payload, caseSensitive ? phrase : nil))
        byFirst[key]!.sort { $0.tokens.count > $1.tokens.count }
    }

    var isEmpty: Bool { byFirst.isEmpty }

    /// Every longest, non-overlapping match in `tokens` of `bytes`: token index range and payload.
    func matches(_ tokens: WordTokens, in bytes: [UInt8]) -> [(tokens: Range<Int>, payload: Payload)] {
        var result: [(Range<Int>, Payload)] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            if let candidates = byFirst[tokens[i].hash] {
                for candidate in candidates where i + candidate.tokens.count <= tokens.count {
                    var ok = true
                    for (k, word) in candidate.tokens.enumerated() where tokens[i + k].lower != word {
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
