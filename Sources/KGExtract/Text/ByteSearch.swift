/// Finding a byte or a short pattern in UTF-8 text eight bytes at a time: each 64-bit word is tested
/// for the byte with the has-zero-byte trick (`(x - 0x01…) & ~x & 0x80…` of the word xor the byte
/// repeated), and only a word that may hold it is looked at byte by byte. Line splitting, the
/// shape guess and line tests read every byte of a document, so this is where they spend their time.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The first offset of `byte` in `text[range]`, or nil.
    static func firstIndex(of byte: UInt8, in text: [UInt8], _ range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= text.count, "range within the text")
        return text.withUnsafeBytes { raw -> Int? in
            let repeated = ones &* UInt64(byte)
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ repeated
                if (x &- ones) & ~x & highs != 0 { break }
                i += 8
            }
            while i < range.upperBound {
                if raw[i] == byte { return i }
                i += 1
                // Back to whole words once past the one that may have held the byte.
                if i & 7 == 0 {
                    while i + 8 <= range.upperBound {
                        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ repeated
                        if (x &- ones) & ~x & highs != 0 { break }
                        i += 8
                    }
                }
            }
            return nil
        }
    }

    /// Whether `text[range]` holds `byte`.
    static func contains(_ byte: UInt8, in text: [UInt8], _ range: Range<Int>) -> Bool {
        firstIndex(of: byte, in: text, range) != nil
    }

    /// Whether `text[range]` holds `pattern` (exact bytes).
    static func contains(_ pattern: [UInt8], in text: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = pattern.first else { return true }
        var from = range.lowerBound
        while range.upperBound - from >= pattern.count, let i = firstIndex(of: first, in: text, from..<(range.upperBound - pattern.count + 1)) {
            if text[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
            from = i + 1
        }
        return false
    }

    /// The offsets of every `byte` in `text`.
    static func offsets(of byte: UInt8, in text: [UInt8]) -> [Int] {
        var result: [Int] = []
        var from = 0
        while let i = firstIndex(of: byte, in: text, from..<text.count) {
            result.append(i)
            from = i + 1
        }
        return result
    }
}
