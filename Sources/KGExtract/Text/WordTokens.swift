/// The words of a clean text, each with its clean byte range and an ASCII-lower-cased form, for
/// dictionary matching (countries, aliases, offices) and for the rule scanners.
struct WordTokens {
    struct Token {
        /// Clean-text byte range.
        var range: Range<Int>
        /// Lower-cased bytes (ASCII letters folded; accented letters kept).
        var lower: [UInt8]
        /// Whether the original starts with an upper-case letter.
        var capitalized: Bool
        var isNumber: Bool
        /// FNV-1a of `lower`, for dictionary lookups.
        var hash: UInt64
    }

    private(set) var tokens: [Token] = []

    /// Splits on spaces and punctuation. Hyphens and apostrophes inside a word stay in it; a
    /// trailing hyphen ("Asiel- en Migratiepact") stays too.
    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if Bytes.isLetter(b) || Bytes.isDigit(b) {
                let start = i
                var allDigits = true
                while i < n {
                    let c = bytes[i]
                    if Bytes.isLetter(c) || Bytes.isDigit(c) {
                        if !Bytes.isDigit(c) { allDigits = false }
                        // Curly quotes and dashes are multi-byte sequences starting with 0xE2: not letters.
                        if c == 0xE2 { break }
                        i += 1
                    } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")) && i + 1 < n && (Bytes.isLetter(bytes[i + 1]) || Bytes.isDigit(bytes[i + 1])) && bytes[i + 1] != 0xE2 {
                        allDigits = false
                        i += 1
                    } else if c == UInt8(ascii: "-") && (i + 1 == n || bytes[i + 1] == 0x20) {
                        i += 1   // trailing hyphen
                        allDigits = false
                        break
                    } else {
                        break
                    }
                }
                if i == start { i += 1; continue }
                var lower = [UInt8](repeating: 0, count: i - start)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for k in start..<i {
                    let folded = Bytes.lower(bytes[k])
                    lower[k - start] = folded
                    hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01b3
                }
                tokens.append(Token(range: start..<i, lower: lower, capitalized: Bytes.isUpper(bytes[start]) || bytes[start] >= 0xC3,
                                    isNumber: allDigits, hash: hash))
            } else {
                i += 1
            }
        }
    }

    var count: Int { tokens.count }
    subscript(i: Int) -> Token { tokens[i] }

    /// Whether token `i` equals `word` (lower-case ASCII).
    func `is`(_ i: Int, _ word: String) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let lower = tokens[i].lower
        guard lower.count == word.utf8.count, lower.first == word.utf8.first else { return false }
        return lower.elementsEqual(word.utf8)
    }

    /// FNV-1a of a word's bytes, as `Token.hash` computes it.
    static func hash(_ word: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// Whether token `i` is one of `words`.
    func isAny(_ i: Int, _ words: [String]) -> Bool { words.contains { self.is(i, $0) } }
}
