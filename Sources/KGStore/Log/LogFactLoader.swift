// Reading single records by offset; see Graph/FORMAT.md §2.
import KGModel

/// Loads facts from the log by their record offset (the `FactRef` of a log-backed graph), checking
/// each frame's checksum: damage found here is reported with its offset, never served.
public final class LogFactLoader: FactLoader {
    let file: StorageFile
    /// Only records before this offset are committed and may be read.
    var limit: UInt64
    /// The last commit frame the reader knows (offset and stored checksum): when a load fails, it tells
    /// a file changed under the reader (truncated, or rewritten in place) from damage in the file.
    var lastCommit: (offset: UInt64, checksum: UInt32)?

    public init(file: StorageFile, limit: UInt64) {
        self.file = file
        self.limit = limit
    }

    public func loadFact(at ref: FactRef) throws -> FactRecord {
        do {
            return try decodeFact(at: ref)
        } catch let error as StoreError {
            if let change = changeSinceOpen() { throw StoreError.changedUnderReader(path: file.path, reason: change) }
            throw error
        }
    }

    public func mismatch(at ref: FactRef, expected: String) -> Error {
        if let change = changeSinceOpen() { return StoreError.changedUnderReader(path: file.path, reason: change) }
        return StoreError.corruptRecord(path: file.path, offset: ref, record: -1, reason: "expected \(expected)")
    }

    /// How the file differs from what this reader opened, or nil when it still holds the committed
    /// prefix (same length at least, same last commit frame).
    func changeSinceOpen() -> String? {
        guard let size = try? file.size() else { return "it can no longer be read" }
        if size < limit { return "it is now \(size) bytes, shorter than the \(limit) committed bytes it held when opened" }
        guard let lastCommit else { return nil }
        guard let head = try? file.read(at: lastCommit.offset, count: 4), head.count == 4,
              head.withUnsafeBytes({ $0.loadUnaligned(as: UInt32.self).littleEndian }) == lastCommit.checksum
        else { return "its last commit at byte offset \(lastCommit.offset) is no longer there" }
        return nil
    }

    private func decodeFact(at ref: FactRef) throws -> FactRecord {
        let (kind, payload) = try readFrame(at: ref)
        guard let known = RecordKind(rawValue: kind), known != .commit else {
            throw StoreError.corruptRecord(path: file.path, offset: ref, record: -1, reason: "expected a fact record, found kind 0x\(String(kind, radix: 16))")
        }
        do {
            return try payload.withUnsafeBytes { try RecordCodec.decodeFact(kind: known, payload: $0) }
        } catch {
            throw StoreError.corruptRecord(path: file.path, offset: ref, record: -1, reason: "\(error)")
        }
    }

    /// The kind and payload of the frame at `offset`, checksum verified.
    func readFrame(at offset: UInt64) throws -> (UInt8, [UInt8]) {
        let guess = 512
        var bytes = try file.read(at: offset, count: Int(min(UInt64(guess), limit > offset ? limit - offset : 0)))
        guard bytes.count >= FileFormat.frameHeaderSize else {
            throw StoreError.corruptRecord(path: file.path, offset: offset, record: -1, reason: "no record header at this offset")
        }
        let length = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian) }
        let total = FileFormat.frameHeaderSize + length
        guard length <= FileFormatLimits.maxRecordBytes, offset + UInt64(total) <= limit else {
            throw StoreError.corruptRecord(path: file.path, offset: offset, record: -1, reason: "record length \(length) runs past the committed data")
        }
        if bytes.count < total { bytes = try file.read(at: offset, count: total) }
        guard bytes.count >= total else {
            throw StoreError.corruptRecord(path: file.path, offset: offset, record: -1, reason: "file ends inside the record")
        }
        let ok = bytes.withUnsafeBytes { raw in
            CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[4..<total])))
                == raw.loadUnaligned(as: UInt32.self).littleEndian
        }
        guard ok else { throw StoreError.corruptRecord(path: file.path, offset: offset, record: -1, reason: "checksum mismatch") }
        return (bytes[8], Array(bytes[FileFormat.frameHeaderSize..<total]))
    }
}
