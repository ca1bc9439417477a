/// Byte-level character classes for UTF-8 Dutch text. Bytes >= 0x80 (parts of accented letters such
/// as ë, é, ï, ş) count as letters, which is what word scanning needs.
enum Bytes {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isASCIILetter(b) || b >= 0x80 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
    /// A byte of a word: a letter (accented letters included) or a digit.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// Whether `bytes[i...]` starts with `prefix` (ASCII, case-insensitive when `ignoringCase`).
    static func hasPrefix(_ bytes: [UInt8], at i: Int, _ prefix: String, ignoringCase: Bool = false) -> Bool {
        var j = i
        for p in prefix.utf8 {
            guard j < bytes.count else { return false }
            if ignoringCase ? lower(bytes[j]) != lower(p) : bytes[j] != p { return false }
            j += 1
        }
        return true
    }

    /// Whether `haystack` contains `needle` (ASCII case folded when `ignoringCase`).
    static func contains<C: Collection>(_ haystack: C, _ needle: String, ignoringCase: Bool = false) -> Bool where C.Element == UInt8, C.Index == Int {
        let pattern = Array(needle.utf8).map { ignoringCase ? lower($0) : $0 }
        guard let first = pattern.first, haystack.count >= pattern.count else { return pattern.isEmpty }
        var i = haystack.startIndex
        let last = haystack.endIndex - pattern.count
        while i <= last {
            let b = ignoringCase ? lower(haystack[i]) : haystack[i]
            if b == first {
                var k = 1
                while k < pattern.count && (ignoringCase ? lower(haystack[i + k]) : haystack[i + k]) == pattern[k] { k += 1 }
                if k == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Where `needle` first starts in `haystack` (ASCII case folded when `ignoringCase`), or nil.
    static func firstIndex(of needle: String, in haystack: [UInt8], ignoringCase: Bool = false) -> Int? {
        guard !needle.isEmpty else { return 0 }
        var i = 0
        while i < haystack.count {
            if hasPrefix(haystack, at: i, needle, ignoringCase: ignoringCase) { return i }
            i += 1
        }
        return nil
    }

    /// `text` lower-cased in ASCII (other bytes unchanged).
    static func lowered(_ text: String) -> [UInt8] { text.utf8.map(lower) }

    /// A number parsed from the digits in `bytes[range]`, or nil.
    static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for i in range {
            guard isDigit(bytes[i]) else { return nil }
            value = value * 10 + Int(bytes[i] - 0x30)
        }
        return value
    }
}
