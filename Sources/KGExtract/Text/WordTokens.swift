/// The words of a clean text, each with its clean byte range, for dictionary matching (countries,
/// aliases, offices) and for the rule scanners. The ASCII-lower-cased form of every word is a slice
/// of one lower-cased copy of the text (`lower(i)`), so tokenising a paragraph allocates two arrays,
/// not one per word.
struct WordTokens {
    struct Token {
        /// Clean-text byte range (also the range of the word in `lowered`).
        var range: Range<Int>
        /// Whether the original starts with an upper-case letter.
        var capitalized: Bool
        var isNumber: Bool
        /// FNV-1a of the lower-cased bytes, for dictionary lookups.
        var hash: UInt64
    }

    private(set) var tokens: [Token] = []
    /// The text with ASCII letters folded to lower case (other bytes kept), byte for byte.
    private(set) var lowered: [UInt8]

    /// Splits on spaces and punctuation. Hyphens and apostrophes inside a word stay in it; a
    /// trailing hyphen ("Asiel- en Migratiepact") stays too.
    init(_ text: [UInt8]) {
        var lowered = text
        lowered.withUnsafeMutableBufferPointer { bytes in
            for i in bytes.indices { bytes[i] = Bytes.lower(bytes[i]) }
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 6 + 1)
        text.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                guard Bytes.isWordByte(bytes[i]) else { i += 1; continue }
                let start = i
                var allDigits = true
                // The hash of the lower-cased bytes taken into the word, computed as they are taken.
                var hash: UInt64 = WordTokens.fnvBasis
                while i < n {
                    let c = bytes[i]
                    if Bytes.isWordByte(c) {
                        if !Bytes.isDigit(c) { allDigits = false }
                        // Curly quotes and dashes are multi-byte sequences starting with 0xE2: not letters.
                        if c == 0xE2 { break }
                    } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")) && i + 1 < n && Bytes.isWordByte(bytes[i + 1]) && bytes[i + 1] != 0xE2 {
                        allDigits = false
                    } else if c == UInt8(ascii: "-") && (i + 1 == n || bytes[i + 1] == 0x20) {
                        // A trailing hyphen ends the word and belongs to it.
                        hash = (hash ^ UInt64(c)) &* WordTokens.fnvPrime
                        i += 1
                        allDigits = false
                        break
                    } else {
                        break
                    }
                    hash = (hash ^ UInt64(Bytes.lower(c))) &* WordTokens.fnvPrime
                    i += 1
                }
                if i == start { i += 1; continue }
                tokens.append(Token(range: start..<i, capitalized: Bytes.isUpper(bytes[start]) || bytes[start] >= 0xC3,
                                    isNumber: allDigits, hash: hash))
            }
        }
        self.tokens = tokens
        self.lowered = lowered
    }

    var count: Int { tokens.count }
    subscript(i: Int) -> Token { tokens[i] }

    /// The lower-cased bytes of token `i` (a slice: its indices are the token's clean range).
    func lower(_ i: Int) -> ArraySlice<UInt8> { lowered[tokens[i].range] }

    /// Whether token `i` equals `word` (lower-case ASCII).
    func `is`(_ i: Int, _ word: String) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let range = tokens[i].range
        let utf8 = word.utf8
        guard range.count == utf8.count else { return false }
        return utf8.withContiguousStorageIfAvailable { word in
            lowered.withUnsafeBufferPointer { lowered in
                var k = 0
                while k < word.count {
                    if lowered[range.lowerBound + k] != word[k] { return false }
                    k += 1
                }
                return true
            }
        } ?? lowered[range].elementsEqual(utf8)
    }

    /// Whether token `i` equals `word` (lower-case bytes).
    func `is`(_ i: Int, bytes word: [UInt8]) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let range = tokens[i].range
        guard range.count == word.count else { return false }
        var k = 0
        while k < word.count {
            if lowered[range.lowerBound + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of a word's bytes, as `Token.hash` computes it.
    static func hash<C: Sequence>(_ word: C) -> UInt64 where C.Element == UInt8 {
        var hash = fnvBasis
        for b in word { hash = (hash ^ UInt64(b)) &* fnvPrime }
        return hash
    }

    /// Whether token `i` is one of `words`.
    func isAny(_ i: Int, _ words: [String]) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        return words.contains { self.is(i, $0) }
    }
}
