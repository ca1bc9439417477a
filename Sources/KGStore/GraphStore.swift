// The store: opening, appending, snapshots. Format: Graph/FORMAT.md.
import KGModel

/// How a store is opened.
public struct StoreOptions: Sendable {
    /// fsync before and after each commit record. Turning it off (`--no-sync`) is unsafe: a crash or
    /// power loss may then lose or tear transactions that were reported committed.
    public var sync = true
    /// Write a snapshot after a commit once this many records lie beyond the last snapshot
    /// (0 disables automatic snapshots).
    public var snapshotAfterRecords = 200_000
    /// Use the snapshot when opening (turned off by `kg verify` to compare, and by tests).
    public var useSnapshot = true

    public init(sync: Bool = true, snapshotAfterRecords: Int = 200_000, useSnapshot: Bool = true) {
        self.sync = sync
        self.snapshotAfterRecords = snapshotAfterRecords
        self.useSnapshot = useSnapshot
    }
}

/// What happened while opening: things a user should hear about that did not stop the open.
public struct OpenReport: Sendable, Equatable {
    /// Bytes after the last commit (a crashed or running writer's transaction). A writer cuts them.
    public var tailBytes: UInt64 = 0
    /// Why those bytes are not committed.
    public var tailReason: String?
    /// True when this open (a writer) cut the tail away.
    public var droppedTail = false
    /// Whether the snapshot was used, and if not why.
    public var snapshotUsed = false
    public var snapshotProblem: String?
    /// Records replayed from the log (those after the snapshot, or all).
    public var replayedRecords = 0
    /// Unknown skippable records passed over.
    public var skippedRecords = 0
    /// The file's format version.
    public var formatVersion: (UInt16, UInt16) = (0, 0)

    public static func == (a: OpenReport, b: OpenReport) -> Bool {
        a.tailBytes == b.tailBytes && a.tailReason == b.tailReason && a.droppedTail == b.droppedTail
            && a.snapshotUsed == b.snapshotUsed && a.snapshotProblem == b.snapshotProblem
            && a.replayedRecords == b.replayedRecords && a.formatVersion == b.formatVersion
    }
}

/// The outcome of `commit`.
public enum CommitOutcome: Sendable, Equatable {
    /// A new transaction was committed.
    case committed(TransactionInfo, supersededEarlier: Bool)
    /// The same source with the same bytes was committed before, as this sequence number: nothing added.
    case unchanged(sequence: UInt64)
}

/// A graph file opened for reading or writing: the log on disk, the graph in memory, the snapshot
/// beside it. One writer at a time (an exclusive lock); readers take no lock and see exactly the
/// committed prefix as it was when they opened.
public final class GraphStore {
    /// Path of the log file.
    public let path: String
    /// The graph as of the last commit this store has seen (or as of `asOf`).
    public let graph: Graph
    /// Notes from opening.
    public private(set) var report: OpenReport
    public let options: StoreOptions

    let storage: StorageSystem
    let file: StorageFile
    let lock: StorageLock?
    let loader: LogFactLoader
    /// End of the committed prefix this store knows.
    public private(set) var committedLength: UInt64
    /// Records in the committed prefix.
    public private(set) var recordCount: Int
    /// The checksum of the last commit frame (for the snapshot header).
    var lastCommitOffset: UInt64
    var lastCommitChecksum: UInt32
    /// Records since the last snapshot (or since the start).
    var recordsSinceSnapshot: Int
    /// Set after a failed write: the file and the graph in memory may disagree.
    var failure: String?
    let readOnly: Bool

    /// The snapshot path beside a log path.
    public static func snapshotPath(for path: String) -> String { path + ".snapshot" }
    /// The lock file path beside a log path.
    public static func lockPath(for path: String) -> String { path + ".lock" }

    // MARK: - Creating and opening

    /// Creates a new, empty graph file at `path` (header only, synced).
    @discardableResult
    public static func create(at path: String, storage: StorageSystem = POSIXStorage(), options: StoreOptions = StoreOptions()) throws -> GraphStore {
        let file = try storage.create(path)
        do {
            try file.append(Frame.header())
            try file.sync()
        } catch {
            file.close()
            try? storage.remove(path)
            throw error
        }
        file.close()
        return try open(at: path, storage: storage, writable: true, options: options)
    }

    /// Opens the graph file at `path`. A writer takes the lock (failing at once if another process holds
    /// it) and cuts away a torn tail; `asOf` opens the graph as it was after that commit (read-only).
    public static func open(at path: String, storage: StorageSystem = POSIXStorage(), writable: Bool = false,
                            asOf: UInt64? = nil, options: StoreOptions = StoreOptions(),
                            progress: ((Int) -> Void)? = nil) throws -> GraphStore {
        precondition(!(writable && asOf != nil), "a store opened as of an earlier commit cannot be written")
        var lock: StorageLock?
        if writable {
            lock = try storage.lock(lockPath(for: path), holder: "pid \(POSIXStorage.processID) on \(POSIXStorage.hostName)")
        }
        do {
            return try GraphStore(path: path, storage: storage, lock: lock, asOf: asOf, options: options, progress: progress)
        } catch {
            lock?.release()
            throw error
        }
    }

    private init(path: String, storage: StorageSystem, lock: StorageLock?, asOf: UInt64?, options: StoreOptions,
                 progress: ((Int) -> Void)?) throws {
        self.path = path
        self.storage = storage
        self.lock = lock
        self.options = options
        self.readOnly = lock == nil
        let file = try storage.open(path, writable: lock != nil)
        self.file = file
        var report = OpenReport()
        let header = try file.read(at: 0, count: FileFormat.headerSize)
        report.formatVersion = try Frame.checkHeader(header, path: path)
        let headerEnd = UInt64(FileFormat.headerSize)

        // The snapshot, when it is usable and not past `asOf`.
        var restored: (GraphParts, SnapshotCoverage)?
        let snapshotPath = GraphStore.snapshotPath(for: path)
        if options.useSnapshot && storage.exists(snapshotPath) {
            do {
                let candidate = try SnapshotFile.read(snapshotPath, storage: storage)
                try GraphStore.checkSnapshot(candidate.1, against: file, path: path)
                if let asOf, candidate.1.lastSequence > asOf {
                    report.snapshotProblem = "it is newer than --as-of \(asOf)"
                } else {
                    restored = candidate
                }
            } catch {
                report.snapshotProblem = "\(error)"
            }
        }
        let start = restored?.1.logLength ?? headerEnd
        let startIndex = Int(restored?.1.recordCount ?? 0)
        let nextSequence = (restored?.1.lastSequence ?? 0) + 1
        let scan = try LogScanner.scan(file, from: start, nextSequence: nextSequence, recordIndex: startIndex,
                                       stopAfterSequence: asOf)
        let limit = asOf == nil ? scan.committedEnd : (scan.commits.last?.commitEnd ?? start)
        let loader = LogFactLoader(file: file, limit: limit)
        self.loader = loader
        let graph: Graph
        if let (parts, _) = restored {
            do { graph = try Graph(loader: loader, parts: parts) } catch {
                throw StoreError.badSnapshot(path: snapshotPath, reason: "\(error)")
            }
            report.snapshotUsed = true
        } else {
            graph = Graph(loader: loader)
        }
        try LogReplayer.replay(file, from: start, commits: scan.commits, into: graph, recordIndex: startIndex, progress: progress)
        if let asOf, graph.lastSequence != asOf {
            throw StoreError.noSuchSequence(requested: asOf, last: graph.lastSequence)
        }
        self.graph = graph
        let lastCommit = scan.commits.last
        committedLength = limit
        recordCount = startIndex + scan.commits.reduce(0) { $0 + $1.recordCount + 1 }
        recordsSinceSnapshot = restored == nil ? recordCount : recordCount - startIndex
        lastCommitOffset = lastCommit?.commitOffset ?? restored?.1.lastCommitOffset ?? 0
        lastCommitChecksum = lastCommit?.commitChecksum ?? restored?.1.lastCommitChecksum ?? 0
        report.replayedRecords = recordCount - startIndex
        report.skippedRecords = scan.skippedRecords
        if asOf == nil {
            report.tailBytes = scan.tailBytes
            report.tailReason = scan.tailReason
        }
        if lock != nil && scan.tailBytes > 0 {
            try file.truncate(to: scan.committedEnd)
            try file.sync()
            report.droppedTail = true
        }
        if lastCommitOffset > 0 { loader.lastCommit = (lastCommitOffset, lastCommitChecksum) }
        self.report = report
    }

    /// Whether the log still holds the commit a snapshot covers (same offset, same checksum).
    static func checkSnapshot(_ coverage: SnapshotCoverage, against file: StorageFile, path: String) throws {
        let size = try file.size()
        guard coverage.logLength <= size else {
            throw StoreError.badSnapshot(path: path, reason: "it covers \(coverage.logLength) bytes but the log has only \(size)")
        }
        guard coverage.lastSequence > 0 else { return }
        let head = try file.read(at: coverage.lastCommitOffset, count: FileFormat.frameHeaderSize)
        guard head.count == FileFormat.frameHeaderSize, head[8] == RecordKind.commit.rawValue,
              head.withUnsafeBytes({ $0.loadUnaligned(as: UInt32.self).littleEndian }) == coverage.lastCommitChecksum
        else { throw StoreError.badSnapshot(path: path, reason: "the log no longer holds the commit it was made from") }
        let length = head.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian) }
        guard coverage.lastCommitOffset + UInt64(FileFormat.frameHeaderSize + length) == coverage.logLength else {
            throw StoreError.badSnapshot(path: path, reason: "its commit does not end where it says the covered log ends")
        }
    }

    /// Releases the lock and the file.
    public func close() {
        lock?.release()
        file.close()
    }

    deinit { close() }

    // MARK: - Writing

    /// Appends `batch` as one transaction from `source` and commits it.
    ///
    /// With `supersede`, a source committed before with the same `sourceHash` adds nothing
    /// (`.unchanged`), and one committed with other bytes has its earlier facts retracted first.
    /// Records are written, synced, then the commit record is written and synced (unless
    /// `options.sync` is off). Any failure stops this handle: reopen to write again.
    @discardableResult
    public func commit(_ batch: GraphBatch, source: String, sourceHash: String = "", supersede: Bool = true,
                       progress: ((Int) -> Void)? = nil) throws -> CommitOutcome {
        if readOnly { throw StoreError.readOnly(path: path) }
        if let failure { throw StoreError.unusable(path: path, because: failure) }
        try graph.checkCapacity(for: batch)
        var retractions = batch.retractions
        var supersededEarlier = false
        if supersede {
            let earlier = graph.transactions.filter { $0.source == source && $0.supersededBy == 0 }
            if let last = earlier.last, !sourceHash.isEmpty, last.sourceHash == sourceHash {
                return .unchanged(sequence: last.sequence)
            }
            if !earlier.isEmpty {
                retractions.insert(.source(source), at: 0)
                supersededEarlier = true
            }
        }
        do {
            let info = try write(batch, retractions: retractions, source: source, sourceHash: sourceHash, progress: progress)
            if options.snapshotAfterRecords > 0 && recordsSinceSnapshot >= options.snapshotAfterRecords {
                try checkpoint()
            }
            return .committed(info, supersededEarlier: supersededEarlier)
        } catch {
            failure = "\(error)"
            throw error
        }
    }

    private func write(_ batch: GraphBatch, retractions: [Retraction], source: String, sourceHash: String,
                       progress: ((Int) -> Void)?) throws -> TransactionInfo {
        let start = committedLength
        guard try file.size() == start else {
            throw StoreError.unusable(path: path, because: "the file changed size under the writer")
        }
        let sequence = graph.lastSequence + 1
        var provisional = TransactionInfo(
            sequence: sequence, timeMillis: 0, source: source, sourceHash: sourceHash, firstRef: start, endRef: start,
            nodeFacts: batch.nodes.count, edgeFacts: batch.edges.count, retractions: retractions.count)
        graph.beginTransaction(provisional)

        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var flushed = start
        var written = 0
        func emit(_ record: FactRecord) throws {
            var writer = ByteWriter()
            let kind = RecordCodec.encode(record, into: &writer)
            let ref = flushed + UInt64(buffer.count)
            try Frame.append(kind: kind.rawValue, payload: writer.bytes, to: &buffer)
            try graph.apply(record, ref: ref)
            written += 1
            if buffer.count >= 4 << 20 {
                try file.append(buffer)
                flushed += UInt64(buffer.count)
                buffer.removeAll(keepingCapacity: true)
                progress?(written)
            }
        }
        for retraction in retractions { try emit(.retraction(retraction)) }
        for node in batch.nodes { try emit(.node(node)) }
        for edge in batch.edges { try emit(.edge(edge)) }
        if !buffer.isEmpty {
            try file.append(buffer)
            flushed += UInt64(buffer.count)
            buffer.removeAll(keepingCapacity: true)
        }
        if options.sync && written > 0 { try file.sync() }

        let commit = CommitRecord(
            sequence: sequence, timeMillis: Clock.nowMillis(), source: source, sourceHash: sourceHash,
            transactionStart: start, nodeFacts: batch.nodes.count, edgeFacts: batch.edges.count,
            retractions: retractions.count)
        var payload = ByteWriter()
        RecordCodec.encode(commit, into: &payload)
        try Frame.append(kind: RecordKind.commit.rawValue, payload: payload.bytes, to: &buffer)
        let commitOffset = flushed
        try file.append(buffer)
        if options.sync { try file.sync() }
        progress?(written)

        provisional.timeMillis = commit.timeMillis
        provisional.endRef = commitOffset
        graph.commitTransaction(provisional)
        committedLength = commitOffset + UInt64(buffer.count)
        loader.limit = committedLength
        lastCommitOffset = commitOffset
        lastCommitChecksum = buffer.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self).littleEndian }
        loader.lastCommit = (lastCommitOffset, lastCommitChecksum)
        recordCount += written + 1
        recordsSinceSnapshot += written + 1
        return provisional
    }

    /// Writes a snapshot of the graph as of the last commit beside the log (atomically replacing any
    /// older one), so the next open reads arrays instead of replaying the log.
    public func checkpoint() throws {
        if readOnly { throw StoreError.readOnly(path: path) }
        let coverage = SnapshotCoverage(
            logLength: committedLength, lastSequence: graph.lastSequence, lastCommitOffset: lastCommitOffset,
            lastCommitChecksum: lastCommitChecksum, recordCount: UInt64(recordCount))
        try SnapshotFile.write(graph.parts(), coverage: coverage, to: GraphStore.snapshotPath(for: path), storage: storage)
        recordsSinceSnapshot = 0
    }
}
