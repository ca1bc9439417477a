// Reading frames back; see Graph/FORMAT.md §2 and §5 (recovery).

/// What the scanner found at one position of the log.
public enum ScannedFrame {
    /// A whole frame with a good checksum. `payload` is valid until the next call to `next()`.
    case frame(offset: UInt64, kind: UInt8, payload: UnsafeRawBufferPointer)
    /// The end of the range was reached exactly at a frame boundary.
    case end
    /// The bytes at `offset` are not a whole, intact frame.
    case damaged(offset: UInt64, reason: String)
}

/// Walks the frames of a log file sequentially through a reusable window buffer, checking each
/// frame's length and checksum. Never trusts a length before checking it against the file.
public final class FrameScanner {
    let file: StorageFile
    let end: UInt64
    /// File offset of the next frame.
    public private(set) var position: UInt64
    private var window: UnsafeMutableRawBufferPointer
    private var windowStart: UInt64 = 0
    private var windowCount = 0

    /// Scans `file` from `start` up to `end` (the size observed when reading began).
    public init(file: StorageFile, start: UInt64, end: UInt64, windowSize: Int = 4 << 20) {
        self.file = file
        self.position = start
        self.end = end
        self.window = UnsafeMutableRawBufferPointer.allocate(byteCount: windowSize, alignment: 8)
    }

    deinit { window.deallocate() }

    /// Makes `count` bytes at `offset` available in the window; returns false if the range passes `end`.
    private func ensure(_ offset: UInt64, _ count: Int) throws -> Bool {
        guard offset + UInt64(count) <= end else { return false }
        if offset >= windowStart && offset + UInt64(count) <= windowStart + UInt64(windowCount) { return true }
        if count > window.count {
            window.deallocate()
            window = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
        }
        let want = Int(min(UInt64(window.count), end - offset))
        windowStart = offset
        windowCount = try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: window[0..<want]))
        return windowCount >= count
    }

    /// The next frame, the end, or the damage that stops the scan.
    public func next() throws -> ScannedFrame {
        let offset = position
        if offset == end { return .end }
        if offset > end {
            // The file is shorter than where reading starts (it shrank after its header was read).
            return .damaged(offset: offset, reason: "the file ends at byte offset \(end), before this record")
        }
        guard try ensure(offset, FileFormat.frameHeaderSize) else {
            if offset + UInt64(FileFormat.frameHeaderSize) <= end {
                return .damaged(offset: offset, reason: "the file ended before the \(end) bytes it had when reading began: it changed while being read")
            }
            return .damaged(offset: offset, reason: "\(end - offset) bytes, too few for a record header")
        }
        let base = Int(offset - windowStart)
        let storedCRC = window.loadUnaligned(fromByteOffset: base, as: UInt32.self).littleEndian
        let length = Int(window.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self).littleEndian)
        let kind = window[base + 8]
        guard length <= FileFormatLimits.maxRecordBytes else {
            return .damaged(offset: offset, reason: "record length \(length) exceeds the limit of \(FileFormatLimits.maxRecordBytes) bytes")
        }
        guard try ensure(offset, FileFormat.frameHeaderSize + length) else {
            if offset + UInt64(FileFormat.frameHeaderSize + length) <= end {
                return .damaged(offset: offset, reason: "the file ended before the \(end) bytes it had when reading began: it changed while being read")
            }
            return .damaged(offset: offset, reason: "record of \(length) bytes runs past the end of the file")
        }
        let start = Int(offset - windowStart)
        let covered = UnsafeRawBufferPointer(rebasing: window[(start + 4)..<(start + FileFormat.frameHeaderSize + length)])
        guard CRC32C.mask(CRC32C.checksum(covered)) == storedCRC else {
            return .damaged(offset: offset, reason: "checksum mismatch")
        }
        position = offset + UInt64(FileFormat.frameHeaderSize + length)
        let payload = UnsafeRawBufferPointer(rebasing: window[(start + FileFormat.frameHeaderSize)..<(start + FileFormat.frameHeaderSize + length)])
        return .frame(offset: offset, kind: kind, payload: payload)
    }

    /// Searches `from ..< end` byte by byte for an intact commit frame (one that could not be mistaken for
    /// a torn write); returns its offset. Used to tell damage inside the committed prefix from a torn tail.
    public static func findCommit(in file: StorageFile, from: UInt64, end: UInt64) throws -> UInt64? {
        let chunk = 1 << 20
        var base = from
        while base < end {
            let count = Int(min(UInt64(chunk + FileFormat.frameHeaderSize + FileFormat.maxCommitPayload), end - base))
            let bytes = try file.read(at: base, count: count)
            let found: Int? = bytes.withUnsafeBytes { raw in
                var i = 0
                while i + FileFormat.frameHeaderSize <= raw.count && i < chunk {
                    if raw[i + 8] == RecordKind.commit.rawValue {
                        let length = Int(raw.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self).littleEndian)
                        if length > 0, length <= FileFormat.maxCommitPayload, i + FileFormat.frameHeaderSize + length <= raw.count {
                            let stored = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian
                            let covered = UnsafeRawBufferPointer(rebasing: raw[(i + 4)..<(i + FileFormat.frameHeaderSize + length)])
                            if CRC32C.mask(CRC32C.checksum(covered)) == stored { return i }
                        }
                    }
                    i += 1
                }
                return nil
            }
            if let found { return base + UInt64(found) }
            base += UInt64(chunk)
        }
        return nil
    }
}
