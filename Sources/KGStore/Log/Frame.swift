// Record framing; see Graph/FORMAT.md §2.

/// Frames a record: `masked CRC-32C (4) | payload length (4) | kind (1) | payload`, where the CRC
/// covers the length, kind and payload bytes.
public enum Frame {
    /// Appends the framed record to `buffer`.
    public static func append(kind: UInt8, payload: [UInt8], to buffer: inout [UInt8]) throws {
        guard payload.count <= FileFormatLimits.maxRecordBytes else { throw StoreError.recordTooLarge(bytes: payload.count) }
        let start = buffer.count
        buffer.append(contentsOf: [0, 0, 0, 0])
        let length = UInt32(payload.count)
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
        buffer.append(kind)
        buffer.append(contentsOf: payload)
        let crc = buffer.withUnsafeBytes { bytes in
            CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[(start + 4)...])))
        }
        for (i, shift) in stride(from: 0, to: 32, by: 8).enumerated() {
            buffer[start + i] = UInt8(truncatingIfNeeded: crc >> UInt32(shift))
        }
    }

    /// The file header: magic, major and minor version, flags, masked CRC-32C of the first 16 bytes.
    public static func header(major: UInt16 = FileFormat.majorVersion, minor: UInt16 = FileFormat.minorVersion) -> [UInt8] {
        var writer = ByteWriter(capacity: FileFormat.headerSize)
        writer.raw(FileFormat.logMagic)
        writer.u16(major)
        writer.u16(minor)
        writer.u32(0)
        writer.u32(CRC32C.mask(CRC32C.checksum(writer.bytes)))
        return writer.bytes
    }

    /// Checks a file header; returns the (major, minor) version or throws naming what is wrong.
    public static func checkHeader(_ bytes: [UInt8], path: String) throws -> (major: UInt16, minor: UInt16) {
        guard bytes.count >= FileFormat.headerSize else {
            if bytes.isEmpty { throw StoreError.notAGraphFile(path: path, reason: "the file is empty") }
            throw StoreError.notAGraphFile(path: path, reason: "only \(bytes.count) bytes, shorter than the \(FileFormat.headerSize)-byte header")
        }
        guard Array(bytes[0..<8]) == FileFormat.logMagic else {
            throw StoreError.notAGraphFile(path: path, reason: "the first 8 bytes are not the graph-file magic")
        }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 16, as: UInt32.self).littleEndian }
        let actual = bytes.withUnsafeBytes { CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<16]))) }
        guard stored == actual else { throw StoreError.corruptHeader(path: path) }
        let major = UInt16(bytes[8]) | UInt16(bytes[9]) << 8
        let minor = UInt16(bytes[10]) | UInt16(bytes[11]) << 8
        guard major <= FileFormat.majorVersion else { throw StoreError.unsupportedVersion(path: path, major: major, minor: minor) }
        return (major, minor)
    }
}
