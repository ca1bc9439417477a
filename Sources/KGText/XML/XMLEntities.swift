import KGModel

/// Entity references in XML character data and attribute values: the five predefined ones
/// (`&amp; &lt; &gt; &quot; &apos;`) and character references (`&#NN;`, `&#xHH;`).
///
/// No DTD is read, so no other entity is ever expanded (nothing to exploit: no external entities, no
/// entity expansion bombs). An unknown or malformed reference is kept as written and reported.
public enum XMLEntities {
    /// The decoded UTF-8 bytes of the reference starting at `start` (`bytes[start] == "&"`) and the
    /// offset just past its `;`, or nil when it is not a reference this decoder accepts (unknown name,
    /// no `;` within `Limits.maxXMLEntityBytes`, a character XML does not allow).
    public static func decode(_ bytes: [UInt8], at start: Int, end limit: Int) -> (bytes: [UInt8], end: Int)? {
        guard start < limit, bytes[start] == 0x26 else { return nil }
        var semicolon = start + 1
        let maxEnd = min(limit, start + Limits.maxXMLEntityBytes)
        while semicolon < maxEnd, bytes[semicolon] != 0x3B { semicolon += 1 }
        guard semicolon < maxEnd, semicolon > start + 1 else { return nil }
        let name = bytes[(start + 1)..<semicolon]
        let end = semicolon + 1
        switch Array(name) {
        case Array("amp".utf8): return ([0x26], end)
        case Array("lt".utf8): return ([0x3C], end)
        case Array("gt".utf8): return ([0x3E], end)
        case Array("quot".utf8): return ([0x22], end)
        case Array("apos".utf8): return ([0x27], end)
        default: break
        }
        guard name.first == 0x23 else { return nil }  // '#'
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if digits.first == 0x78 { radix = 16; digits = digits.dropFirst() }  // 'x'
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
            case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
            default: return nil
            }
            value = value * radix + digit
        }
        // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
        let allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
        guard allowed, let scalar = Unicode.Scalar(value) else { return nil }
        return (Array(String(Character(scalar)).utf8), end)
    }

    /// `bytes[range]` with every reference decoded (unknown ones kept as written), as a String.
    public static func decodeText(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: decodedBytes(bytes, range), as: UTF8.self)
    }

    /// `bytes[range]` with every reference decoded (unknown ones kept as written).
    public static func decodedBytes(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x26, let (decoded, end) = decode(bytes, at: index, end: range.upperBound) {
                out.append(contentsOf: decoded)
                index = end
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
