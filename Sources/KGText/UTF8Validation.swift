/// Strict UTF-8 validation over bytes (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), so a file is refused with the offset of its first bad byte instead of being repaired.
enum UTF8Validation {
    /// The offset of the first byte that does not begin a valid UTF-8 sequence, or nil if all are valid.
    /// O(n).
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var scalar: UInt32
                let minimum: UInt32
                if lead & 0xE0 == 0xC0 { length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80 }
                else if lead & 0xF0 == 0xE0 { length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800 }
                else if lead & 0xF8 == 0xF0 { length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000 }
                else { return index }
                guard index + length <= count else { return index }
                for k in 1..<length {
                    let byte = buffer[index + k]
                    guard byte & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return index }
                index += length
            }
            return nil
        }
    }

    /// Whether `byte` is one of the whitespace bytes XML and Markdown collapse (space, tab, LF, CR).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// `byte` as a readable hex literal for messages (`0xE9`).
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
}
