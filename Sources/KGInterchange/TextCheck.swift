/// Tells text from binary before parsing: valid UTF-8 and no NUL bytes.
public enum TextCheck {
    /// The first byte offset where `bytes` stops being UTF-8 text, and why; nil for text.
    public static func firstProblem(_ bytes: UnsafeRawBufferPointer, allowNUL: Bool = false) -> (offset: Int, reason: String)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 && !allowNUL { return (i, "a NUL byte, so this looks like a binary file") }
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return (i, "byte 0x\(String(b, radix: 16)) is not UTF-8 (Latin-1 or Windows-1252 text? convert it to UTF-8)")
            }
            guard i + length <= n else { return (i, "a UTF-8 sequence cut off at the end") }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return (i, "byte 0x\(String(b, radix: 16)) starts no valid UTF-8 sequence (Latin-1 or Windows-1252 text? convert it to UTF-8)") }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                return (i, "invalid UTF-8 sequence")
            }
            i += length
        }
        return nil
    }
}
