/// A read-only view of UTF-8 bytes with the small token readers the citation rules share: white
/// space gaps, digit runs, words compared without case, years, dossier numbers, document numbers.
///
/// Every reader takes a byte index and returns the index after what it read (or nil), never reads
/// outside the buffer (`at` returns 0 past either end), and does no allocation unless it builds the
/// string of a value it returns.
struct ByteText {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.count
    }

    /// The byte at `index`, or 0 outside the text.
    @inline(__always) func at(_ index: Int) -> UInt8 {
        index >= 0 && index < count ? bytes[index] : 0
    }

    /// The bytes in `range` as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: - Classes of bytes

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }

    /// Whether a token may start at `index`: the byte before is not an ASCII letter or digit.
    /// (Bytes of multi-byte characters, NBSP, quotes and dashes count as boundaries.)
    @inline(__always) func startsWord(_ index: Int) -> Bool { !ByteText.isAlnum(at(index - 1)) }

    /// Whether a token ending before `index` ends a word: the byte at `index` is not a letter or digit.
    @inline(__always) func endsWord(_ index: Int) -> Bool { !ByteText.isAlnum(at(index)) }

    // MARK: - Gaps

    /// Skips the white space between two tokens of one citation: spaces, tabs, NBSP (U+00A0), at most
    /// one line break, and Markdown emphasis markers (`*`). Gives up (returns where it stopped) after
    /// `CitationLimits.maxGapBytes`.
    func skipGap(_ index: Int) -> Int {
        var i = index
        var newlines = 0
        let limit = min(count, index + CitationLimits.maxGapBytes)
        while i < limit {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x2A {
                i += 1
            } else if c == 0x0A {
                newlines += 1
                if newlines > 1 { break }
                i += 1
            } else if c == 0xC2 && at(i + 1) == 0xA0 {
                i += 2
            } else {
                break
            }
        }
        return i
    }

    /// Whether `index` starts a white-space byte the gap would skip (not emphasis).
    func isSpace(_ index: Int) -> Bool {
        let c = at(index)
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || (c == 0xC2 && at(index + 1) == 0xA0)
    }

    /// Skips a gap backwards from `index` (exclusive end): returns the index just after the last
    /// byte before the gap.
    func skipGapBackward(_ end: Int) -> Int {
        var i = end
        var newlines = 0
        let limit = max(0, end - CitationLimits.maxGapBytes)
        while i > limit {
            let c = bytes[i - 1]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x2A {
                i -= 1
            } else if c == 0x0A {
                newlines += 1
                if newlines > 1 { break }
                i -= 1
            } else if c == 0xA0 && at(i - 2) == 0xC2 {
                i -= 2
            } else {
                break
            }
        }
        return i
    }

    // MARK: - Tokens

    /// The end of the run of ASCII digits starting at `index` (`index` itself when there is none).
    @inline(__always) func digitRunEnd(_ index: Int) -> Int {
        var i = index
        while i < count && ByteText.isDigit(bytes[i]) { i += 1 }
        return i
    }

    /// The end of the run of ASCII letters starting at `index`.
    @inline(__always) func letterRunEnd(_ index: Int) -> Int {
        var i = index
        while i < count && ByteText.isLetter(bytes[i]) { i += 1 }
        return i
    }

    /// The integer value of the digits in `range` (at most 9 of them).
    func integer(_ range: Range<Int>) -> Int {
        var value = 0
        for i in range { value = value * 10 + Int(bytes[i] &- 0x30) }
        return value
    }

    /// Whether the bytes at `index` are `word` (lower-case ASCII), ignoring case.
    func matches(_ index: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index >= 0, index + length <= count else { return false }
        let pointer = word.utf8Start
        for k in 0..<length where ByteText.lower(bytes[index + k]) != pointer[k] { return false }
        return true
    }

    /// The end of `word` at `index` when it stands there as a whole word (ignoring case), else nil.
    func word(_ index: Int, _ word: StaticString) -> Int? {
        guard matches(index, word) else { return nil }
        let end = index + word.utf8CodeUnitCount
        return ByteText.isLetter(at(end)) ? nil : end
    }

    /// Whether the letters in `range` end with `suffix` (lower-case ASCII), ignoring case.
    func hasSuffix(_ range: Range<Int>, _ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard range.count >= length else { return false }
        return matches(range.upperBound - length, suffix)
    }

    /// A dash or slash between two years or two numbers: `-`, `/`, U+2010...U+2015 (hyphen, non-breaking
    /// hyphen, figure dash, en dash, em dash, bar). Returns the index after it.
    func dash(_ index: Int) -> Int? {
        let c = at(index)
        if c == 0x2D || c == 0x2F { return index + 1 }
        if c == 0xE2 && at(index + 1) == 0x80 {
            let d = at(index + 2)
            if d >= 0x90 && d <= 0x95 { return index + 3 }
        }
        return nil
    }

    /// A range dash: `-`, en dash, figure dash, em dash (not the slash).
    func rangeDash(_ index: Int) -> Int? {
        at(index) == 0x2F ? nil : dash(index)
    }

    /// A parliamentary year: `2023/24`, `2023/2024`, `2023-24`, `2023–2024`, `2022 – 2023`, `2023-⏎2024`,
    /// or a lone year. The second year must follow the first. Returns the first year, the second (or
    /// nil) and the end.
    func year(_ index: Int) -> (first: Int, second: Int?, end: Int)? {
        guard ByteText.isDigit(at(index)), digitRunEnd(index) == index + 4, !ByteText.isLetter(at(index + 4)) else { return nil }
        let first = integer(index..<index + 4)
        guard first >= 1800 && first <= 2099 else { return nil }
        let afterFirst = index + 4
        if let dashEnd = dash(skipGap(afterFirst)) {
            let start = skipGap(dashEnd)
            let end = digitRunEnd(start)
            if end - start == 2 && integer(start..<end) == (first + 1) % 100, endsWord(end) {
                return (first, first + 1, end)
            }
            if end - start == 4 && integer(start..<end) == first + 1, endsWord(end) {
                return (first, first + 1, end)
            }
        }
        return (first, nil, afterFirst)
    }

    /// A dossier number: five digits (`32317`), or two and three digits split by a space or NBSP
    /// (`32 317`) when the three are not followed by a further group (`250 000 000` is an amount).
    /// Returns the digits without the space, and the end.
    func dossier(_ index: Int) -> (value: String, end: Int)? {
        let run = digitRunEnd(index) - index
        if run == 5 {
            guard !ByteText.isLetter(at(index + 5)) else { return nil }
            return (string(index..<index + 5), index + 5)
        }
        guard run == 2 else { return nil }
        var second = index + 2
        if at(second) == 0x20 { second += 1 } else if at(second) == 0xC2 && at(second + 1) == 0xA0 { second += 2 } else { return nil }
        guard digitRunEnd(second) == second + 3, !ByteText.isLetter(at(second + 3)) else { return nil }
        let after = second + 3
        // A further thousands group (`12 345 678`) or a decimal part (`12 345,50`) makes it an amount.
        if at(after) == 0x20, digitRunEnd(after + 1) == after + 4 { return nil }
        if (at(after) == 0x2C || at(after) == 0x2E) && ByteText.isDigit(at(after + 1)) { return nil }
        return (string(index..<index + 2) + string(second..<second + 3), after)
    }

    /// `nr`, `nr.`, `nrs`, `nrs.` (any case), as a word: returns whether it is plural, and the end.
    func numberKeyword(_ index: Int) -> (plural: Bool, end: Int)? {
        guard ByteText.lower(at(index)) == 0x6E, ByteText.lower(at(index + 1)) == 0x72 else { return nil }
        var i = index + 2
        var plural = false
        if ByteText.lower(at(i)) == 0x73 { plural = true; i += 1 }
        if ByteText.isLetter(at(i)) { return nil }
        if at(i) == 0x2E { i += 1 }
        return (plural, i)
    }

    /// A document number: digits (`884`, at most `CitationLimits.maxNumberDigits`) with an optional
    /// lower-case letter (`5a`), or one to three capitals (`A`, `C`, `AB`: Eerste Kamer papers). Not a
    /// decimal (`2.0`) or a fraction (`1/2`).
    func documentNumber(_ index: Int) -> (value: String, end: Int, isDigits: Bool)? {
        let c = at(index)
        if ByteText.isDigit(c) {
            let end = digitRunEnd(index)
            guard end - index <= CitationLimits.maxNumberDigits else { return nil }
            let next = at(end)
            if (next == 0x2E || next == 0x2C || next == 0x2F) && ByteText.isDigit(at(end + 1)) { return nil }
            if ByteText.isLower(next) && !ByteText.isAlnum(at(end + 1)) { return (string(index..<end + 1), end + 1, true) }
            guard !ByteText.isAlnum(next) else { return nil }
            return (string(index..<end), end, true)
        }
        if ByteText.isUpper(c) {
            var end = index
            while ByteText.isUpper(at(end)) { end += 1 }
            guard end - index <= 3, !ByteText.isAlnum(at(end)) else { return nil }
            return (string(index..<end), end, false)
        }
        return nil
    }

    /// Whether a Dutch month name (any case) starts at `index` as a word.
    func monthName(_ index: Int) -> Bool {
        switch ByteText.lower(at(index)) {
        case 0x6A: return word(index, "januari") != nil || word(index, "juni") != nil || word(index, "juli") != nil
        case 0x66: return word(index, "februari") != nil
        case 0x6D: return word(index, "maart") != nil || word(index, "mei") != nil
        case 0x61: return word(index, "april") != nil || word(index, "augustus") != nil
        case 0x73: return word(index, "september") != nil
        case 0x6F: return word(index, "oktober") != nil
        case 0x6E: return word(index, "november") != nil
        case 0x64: return word(index, "december") != nil
        default: return false
        }
    }

    /// A chamber after a keyword: `I`, `II` or `III` (sic, in the corpus) as a word. Returns the number of
    /// I's and the end.
    func chamber(_ index: Int) -> (count: Int, end: Int)? {
        var i = index
        while at(i) == 0x49 && i - index < 3 { i += 1 }
        guard i > index, !ByteText.isAlnum(at(i)) else { return nil }
        return (i - index, i)
    }

    /// A dossier suffix written as a word: a Roman numeral (`VI`, `XIV`) or one capital (`M`, `A`).
    func suffixWord(_ index: Int) -> (value: String, end: Int)? {
        var i = index
        while ByteText.isUpper(at(i)) && i - index < 7 { i += 1 }
        guard i > index, !ByteText.isAlnum(at(i)) else { return nil }
        if i - index > 1 {
            for k in index..<i {
                switch bytes[k] {
                case 0x49, 0x56, 0x58, 0x4C, 0x43: continue // I V X L C
                default: return nil
                }
            }
        }
        return (string(index..<i), i)
    }
}
