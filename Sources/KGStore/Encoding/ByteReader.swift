// Primitive decodings of the graph file; see Graph/FORMAT.md §3.

/// Reads the primitive encodings back from a bounded byte range, failing with a `DecodeError` that
/// says what was malformed instead of trapping on hostile bytes.
public struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    /// Position of the next byte to read, relative to the start of `bytes`.
    public private(set) var position = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var remaining: Int { bytes.count - position }
    public var isAtEnd: Bool { position == bytes.count }

    public mutating func u8() throws -> UInt8 {
        guard position < bytes.count else { throw DecodeError.truncated(at: position, wanted: "a byte") }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func u16() throws -> UInt16 {
        guard remaining >= 2 else { throw DecodeError.truncated(at: position, wanted: "a 2-byte integer") }
        defer { position += 2 }
        return UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
    }

    public mutating func u32() throws -> UInt32 {
        guard remaining >= 4 else { throw DecodeError.truncated(at: position, wanted: "a 4-byte integer") }
        defer { position += 4 }
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian
    }

    public mutating func u64() throws -> UInt64 {
        guard remaining >= 8 else { throw DecodeError.truncated(at: position, wanted: "an 8-byte integer") }
        defer { position += 8 }
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self).littleEndian
    }

    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = position
        while true {
            guard position < bytes.count else { throw DecodeError.truncated(at: start, wanted: "a varint") }
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 { throw DecodeError.malformed(at: start, what: "varint longer than 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw DecodeError.malformed(at: start, what: "varint longer than 10 bytes") }
        }
    }

    /// A varint that must fit `limit` (counts and lengths).
    public mutating func count(limit: Int, what: String) throws -> Int {
        let start = position
        let value = try varint()
        guard value <= UInt64(limit) else {
            throw DecodeError.malformed(at: start, what: "\(what) \(value) exceeds \(limit)")
        }
        return Int(value)
    }

    public mutating func signedVarint() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    public mutating func string(limit: Int = Int.max) throws -> String {
        let start = position
        let length = try count(limit: limit, what: "string length")
        guard length <= remaining else { throw DecodeError.truncated(at: start, wanted: "a string of \(length) bytes") }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
        var ascii = true
        for byte in slice where byte >= 0x80 { ascii = false; break }
        let text: String
        if ascii {
            text = String(decoding: slice, as: UTF8.self)
        } else {
            guard let validated = String(validating: slice, as: UTF8.self) else {
                throw DecodeError.malformed(at: start, what: "string is not valid UTF-8")
            }
            text = validated
        }
        position += length
        return text
    }

    public mutating func raw(_ count: Int) throws -> [UInt8] {
        guard remaining >= count else { throw DecodeError.truncated(at: position, wanted: "\(count) bytes") }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    public mutating func f64() throws -> Double { Double(bitPattern: try u64()) }
}

/// Why a record's payload could not be decoded; positions are relative to the payload start.
public enum DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case truncated(at: Int, wanted: String)
    case malformed(at: Int, what: String)

    public var description: String {
        switch self {
        case .truncated(let at, let wanted): return "payload ends at byte \(at) where \(wanted) was expected"
        case .malformed(let at, let what): return "\(what) at payload byte \(at)"
        }
    }
}
