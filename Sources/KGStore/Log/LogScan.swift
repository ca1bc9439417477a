// Finding the committed prefix of a log; see Graph/FORMAT.md §5 (recovery rules).
import KGModel

/// One committed transaction as found in the log.
public struct CommittedTransaction: Sendable, Equatable {
    /// File offset of the commit frame.
    public var commitOffset: UInt64
    /// File offset just past the commit frame.
    public var commitEnd: UInt64
    /// The stored (masked) checksum of the commit frame, which the snapshot uses to recognise it.
    public var commitChecksum: UInt32
    public var commit: CommitRecord
    /// Records of the transaction, the commit excluded.
    public var recordCount: Int
}

/// The result of scanning a log from some offset: the transactions whose commits are intact, where
/// the committed prefix ends, and what lies after it.
public struct LogScan: Sendable {
    public var commits: [CommittedTransaction] = []
    /// Offset just past the last intact commit (or the scan start when there is none).
    public var committedEnd: UInt64
    /// Size of the file when the scan began.
    public var fileSize: UInt64
    /// Why the scan stopped before `fileSize`, when it did (a torn or uncommitted tail).
    public var tailReason: String?
    /// Records scanned, commits included.
    public var recordCount = 0
    /// Records of kinds this version does not know that were skipped.
    public var skippedRecords = 0

    /// Bytes after the committed prefix: an uncommitted transaction or a torn write.
    public var tailBytes: UInt64 { fileSize - committedEnd }
}

/// Scans logs for their committed prefix and tells a torn tail from damage inside committed data.
public enum LogScanner {
    /// Scans `file` from `start` (a frame boundary just after a commit, or the end of the header),
    /// expecting the next commit to carry sequence number `nextSequence`.
    ///
    /// A damaged frame followed, somewhere later, by an intact commit frame is damage inside the
    /// committed prefix and throws `StoreError.corruptRecord`; a damaged frame with nothing committed
    /// after it is a torn tail, reported in the result.
    public static func scan(_ file: StorageFile, from start: UInt64, nextSequence: UInt64, recordIndex: Int = 0,
                            stopAfterSequence: UInt64? = nil) throws -> LogScan {
        let size = try file.size()
        guard start <= size else {
            throw StoreError.changedUnderReader(path: file.path, reason: "it is now \(size) bytes, shorter than the \(start) bytes already read from it")
        }
        var result = LogScan(committedEnd: start, fileSize: size)
        let scanner = FrameScanner(file: file, start: start, end: size)
        var transactionStart = start
        var transactionRecords = 0
        var expected = nextSequence
        var index = recordIndex
        while true {
            switch try scanner.next() {
            case .end:
                if result.committedEnd < size { result.tailReason = "a transaction without its commit record" }
                return result
            case .damaged(let offset, let reason):
                if let now = try? file.size(), now < size {
                    throw StoreError.changedUnderReader(path: file.path, reason: "it shrank from \(size) to \(now) bytes while being read")
                }
                if try FrameScanner.findCommit(in: file, from: offset + 1, end: size) != nil {
                    throw StoreError.corruptRecord(path: file.path, offset: offset, record: index, reason: reason)
                }
                result.tailReason = "\(reason) at byte offset \(offset)"
                return result
            case .frame(let offset, let kind, let payload):
                index += 1
                result.recordCount += 1
                guard let known = RecordKind(rawValue: kind) else {
                    if RecordKind.isSkippable(kind) {
                        result.skippedRecords += 1
                        continue
                    }
                    throw StoreError.unknownRecordKind(path: file.path, offset: offset, kind: kind)
                }
                if known != .commit {
                    transactionRecords += 1
                    continue
                }
                let commit: CommitRecord
                do { commit = try RecordCodec.decodeCommit(payload: payload) } catch {
                    throw StoreError.corruptRecord(path: file.path, offset: offset, record: index - 1, reason: "commit record: \(error)")
                }
                guard commit.sequence == expected else {
                    throw StoreError.corruptRecord(path: file.path, offset: offset, record: index - 1,
                                                   reason: "commit sequence \(commit.sequence) where \(expected) was expected")
                }
                let declaredStart = transactionRecords == 0 ? offset : transactionStart
                guard commit.transactionStart == declaredStart else {
                    throw StoreError.corruptRecord(path: file.path, offset: offset, record: index - 1,
                                                   reason: "commit says its transaction starts at \(commit.transactionStart), but it starts at \(declaredStart)")
                }
                let stored = payload.baseAddress!.loadUnaligned(fromByteOffset: -FileFormat.frameHeaderSize, as: UInt32.self).littleEndian
                result.commits.append(CommittedTransaction(
                    commitOffset: offset, commitEnd: scanner.position, commitChecksum: stored, commit: commit,
                    recordCount: transactionRecords))
                result.committedEnd = scanner.position
                transactionStart = scanner.position
                transactionRecords = 0
                expected += 1
                if let stopAfterSequence, commit.sequence >= stopAfterSequence { return result }
            }
        }
    }
}
