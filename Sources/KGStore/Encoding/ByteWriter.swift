// Primitive encodings of the graph file; see Graph/FORMAT.md §3.
import KGModel

/// Appends the primitive encodings of the graph file to a byte buffer: fixed little-endian integers,
/// LEB128 varints, zigzag signed varints, length-prefixed UTF-8 strings.
public struct ByteWriter {
    public var bytes: [UInt8]

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func u8(_ value: UInt8) { bytes.append(value) }

    public mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    public mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    public mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Unsigned LEB128: 7 bits per byte, high bit set on all but the last.
    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func varint(_ value: Int) { varint(UInt64(max(0, value))) }

    /// Zigzag-encoded signed varint: 0, -1, 1, -2 ... map to 0, 1, 2, 3 ...
    public mutating func signedVarint(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Varint byte count, then the UTF-8 bytes.
    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// Appends the 32 bytes a lower-case 64-digit hex sha256 stands for and returns true; for any
    /// other text appends nothing and returns false.
    mutating func sha256Digest(_ hex: String) -> Bool {
        guard hex.utf8.count == 64 else { return false }
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &digest) { out in
            let decode = { (utf8: UnsafeBufferPointer<UInt8>) -> Bool in
                var invalid: UInt8 = 0
                for i in 0..<32 {
                    let high = ByteWriter.nibble(utf8[2 * i]), low = ByteWriter.nibble(utf8[2 * i + 1])
                    invalid |= (high | low) & 0xF0
                    out[i] = high << 4 | low
                }
                return invalid == 0
            }
            return hex.utf8.withContiguousStorageIfAvailable(decode) ?? Array(hex.utf8).withUnsafeBufferPointer(decode)
        }
        guard valid else { return false }
        withUnsafeBytes(of: digest) { bytes.append(contentsOf: $0) }
        return true
    }

    /// The value of a lower-case hex digit, or 0xFF.
    @inline(__always) private static func nibble(_ b: UInt8) -> UInt8 {
        b &- 0x30 < 10 ? b &- 0x30 : (b &- 0x61 < 6 ? b &- 0x61 &+ 10 : 0xFF)
    }
}

