import KGModel
@testable import KGStore
import KGTestSupport
import Testing

/// Helpers shared by the store tests.
enum Fixture {
    /// Creates a graph file and commits `batches` (source `s<i>` unless given), returning the file
    /// size after each commit.
    @discardableResult
    static func build(_ store: TestStore, _ batches: [GraphBatch], sources: [String]? = nil,
                      options: StoreOptions = StoreOptions(snapshotAfterRecords: 0)) throws -> [UInt64] {
        let writer = try GraphStore.create(at: store.path, storage: store.storage, options: options)
        defer { writer.close() }
        var ends: [UInt64] = []
        for (i, batch) in batches.enumerated() {
            try writer.commit(batch, source: sources?[i] ?? "s\(i)", sourceHash: "h\(i)")
            try writer.graph.checkInvariants()
            ends.append(writer.committedLength)
        }
        return ends
    }

    static func dump(_ store: TestStore, asOf: UInt64? = nil, useSnapshot: Bool = true) throws -> String {
        let reader = try GraphStore.open(at: store.path, storage: store.storage, asOf: asOf,
                                         options: StoreOptions(useSnapshot: useSnapshot))
        defer { reader.close() }
        try reader.graph.checkInvariants()
        return try reader.graph.canonicalDump()
    }

    /// The offsets of every frame from the header on.
    static func frameOffsets(_ store: TestStore) throws -> [UInt64] {
        let file = try store.storage.open(store.path, writable: false)
        defer { file.close() }
        let scanner = FrameScanner(file: file, start: UInt64(FileFormat.headerSize), end: try file.size())
        var offsets: [UInt64] = []
        while case .frame(let offset, _, _) = try scanner.next() { offsets.append(offset) }
        return offsets
    }
}

@Suite struct StoreTests {
    @Test(arguments: Backend.allCases)
    func committedGraphReadsBackTheSame(backend: Backend) throws {
        let store = TestStore(backend)
        let batches = [Samples.batch(variant: 1), Samples.randomBatch(nodes: 40, edges: 120, seed: 5)]
        try Fixture.build(store, batches)
        // The same facts applied in memory give the same graph.
        let log = MemoryFactLog()
        let expected = Graph(loader: log)
        for (i, batch) in batches.enumerated() {
            expected.beginTransaction(TransactionInfo(sequence: UInt64(i + 1), timeMillis: 0, source: "", sourceHash: "", firstRef: 0, endRef: 0, nodeFacts: 0, edgeFacts: 0, retractions: 0))
            for node in batch.nodes { try expected.apply(.node(node), ref: log.append(.node(node))) }
            for edge in batch.edges { try expected.apply(.edge(edge), ref: log.append(.edge(edge))) }
            expected.commitTransaction(TransactionInfo(sequence: UInt64(i + 1), timeMillis: 0, source: "", sourceHash: "", firstRef: 0, endRef: 0, nodeFacts: 0, edgeFacts: 0, retractions: 0))
        }
        #expect(try Fixture.dump(store) == expected.canonicalDump())
        let reader = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(reader.graph.transactions.map(\.sequence) == [1, 2])
        #expect(reader.report.tailBytes == 0)
        let node = try #require(reader.graph.index(of: "meeting-jbz-2024-07-22"))
        let properties = try reader.graph.properties(ofNode: node)
        #expect(properties["date"] == .date(Day(year: 2024, month: 7, day: 22)!))
        #expect(properties["bodies"] == .list([.string("JBZ-Raad"), .int(2)]))
        let doc = try #require(reader.graph.index(of: "doc-0000000000000001"))
        let cites = try #require(reader.graph.typeNames.id(of: "cites"))
        let cited = try #require(reader.graph.index(of: "kst-32317-884"))
        let edge = try #require(reader.graph.edge(from: doc, type: cites, to: cited))
        let provenance = try reader.graph.edge(edge).provenance
        #expect(provenance == [Samples.provenance(10, "Kamerstuk 32317, nr. 884")])
    }

    @Test(arguments: Backend.allCases)
    func createRefusesAnExistingFile(backend: Backend) throws {
        let store = TestStore(backend)
        try Fixture.build(store, [])
        #expect(throws: StoreError.fileExists(path: store.path)) { try GraphStore.create(at: store.path, storage: store.storage) }
    }

    @Test func truncatedTailIsIgnoredAtEveryOffsetOfTheLastTransaction() throws {
        let store = TestStore(.memory)
        let ends = try Fixture.build(store, [Samples.batch(variant: 1), Samples.batch(variant: 2)])
        let full = try store.bytes()
        let afterFirst = try Fixture.dump(store, asOf: 1)
        let afterSecond = try Fixture.dump(store)
        for cut in Int(ends[0])...full.count {
            try store.setBytes(Array(full[0..<cut]))
            let reader = try GraphStore.open(at: store.path, storage: store.storage)
            try reader.graph.checkInvariants()
            let dump = try reader.graph.canonicalDump()
            if cut == full.count {
                #expect(dump == afterSecond)
                #expect(reader.report.tailBytes == 0)
            } else {
                #expect(dump == afterFirst, "cut at \(cut) shows part of transaction 2")
                #expect(reader.report.tailBytes == UInt64(cut) - ends[0])
                #expect(reader.graph.lastSequence == 1)
            }
            reader.close()
        }
    }

    @Test(arguments: Backend.allCases)
    func nextWriterCutsATornTailAndSaysHowMuch(backend: Backend) throws {
        let store = TestStore(backend)
        let ends = try Fixture.build(store, [Samples.batch(variant: 1), Samples.batch(variant: 2)])
        let full = try store.bytes()
        let cut = Int(ends[0]) + (Int(ends[1]) - Int(ends[0])) / 2
        try store.setBytes(Array(full[0..<cut]))
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        #expect(writer.report.droppedTail)
        #expect(writer.report.tailBytes == UInt64(cut) - ends[0])
        #expect(try store.bytes().count == Int(ends[0]), "the torn bytes are gone")
        try writer.commit(Samples.batch(variant: 2), source: "s1", sourceHash: "h1")
        writer.close()
        #expect(try store.bytes() == full.prefix(Int(ends[0])) + Array(try store.bytes()[Int(ends[0])...]))
        #expect(try Fixture.dump(store).contains("Verslag 2"))
    }

    @Test func aFlippedBitInTheCommittedPrefixIsFoundWithItsOffset() throws {
        let store = TestStore(.memory)
        let ends = try Fixture.build(store, [Samples.batch(variant: 1), Samples.batch(variant: 2), Samples.batch(variant: 3)])
        let full = try store.bytes()
        let frames = try Fixture.frameOffsets(store)
        // Every byte of transactions 1 and 2: the damage is named at the frame holding that byte.
        for position in FileFormat.headerSize..<Int(ends[1]) {
            var damaged = full
            damaged[position] ^= 0x10
            try store.setBytes(damaged)
            let frame = frames.last { $0 <= UInt64(position) }!
            let report = try LogVerifier.verify(path: store.path, storage: store.storage)
            let damage = try #require(report.damage, "no damage found for a flip at \(position)")
            #expect(damage.offset == frame, "flip at \(position)")
            #expect(!report.isHealthy)
            #expect(throws: StoreError.self) { try GraphStore.open(at: store.path, storage: store.storage) }
        }
    }

    @Test func openingDamagedCommittedDataIsAnErrorNamingTheOffset() throws {
        let store = TestStore(.memory)
        try Fixture.build(store, [Samples.batch(variant: 1), Samples.batch(variant: 2)])
        let frames = try Fixture.frameOffsets(store)
        var damaged = try store.bytes()
        damaged[Int(frames[2]) + 12] ^= 0xFF
        try store.setBytes(damaged)
        do {
            _ = try GraphStore.open(at: store.path, storage: store.storage)
            Issue.record("opened a damaged file")
        } catch let StoreError.corruptRecord(path, offset, record, reason) {
            #expect(path == store.path)
            #expect(offset == frames[2])
            #expect(record == 2)
            #expect(reason == "checksum mismatch")
        }
    }

    @Test func aDamagedHeaderIsReportedAndSalvageKeepsTheRecords() throws {
        let store = TestStore(.memory)
        try Fixture.build(store, [Samples.batch(variant: 1)])
        var damaged = try store.bytes()
        damaged[10] ^= 1
        try store.setBytes(damaged)
        #expect(throws: StoreError.corruptHeader(path: store.path)) { try GraphStore.open(at: store.path, storage: store.storage) }
        let report = try LogVerifier.verify(path: store.path, storage: store.storage)
        #expect(report.damage?.offset == 0)
        #expect(report.damage?.intactTransactions == 1)
        let salvaged = try LogSalvager.salvage(from: store.path, to: store.path + ".new", storage: store.storage)
        #expect(salvaged.transactionsKept == 1)
        let reader = try GraphStore.open(at: store.path + ".new", storage: store.storage)
        #expect(reader.graph.lastSequence == 1)
    }

    @Test(arguments: Backend.allCases)
    func salvageCopiesEveryTransactionBeforeTheDamageAndLeavesTheOriginal(backend: Backend) throws {
        let store = TestStore(backend)
        let ends = try Fixture.build(store, (1...4).map { Samples.batch(variant: $0) })
        var damaged = try store.bytes()
        damaged[Int(ends[1]) + 20] ^= 0x01   // inside transaction 3
        try store.setBytes(damaged)
        let output = store.path + ".salvaged"
        let report = try LogSalvager.salvage(from: store.path, to: output, storage: store.storage)
        #expect(report.transactionsKept == 2)
        #expect(report.bytesKept == ends[1])
        #expect(try store.bytes() == damaged, "the original is untouched")
        #expect(try Array(store.bytes(output)) == Array(damaged[0..<Int(ends[1])]))
        let salvaged = try GraphStore.open(at: output, storage: store.storage)
        #expect(salvaged.graph.lastSequence == 2)
        #expect(throws: StoreError.fileExists(path: output)) { try LogSalvager.salvage(from: store.path, to: output, storage: store.storage) }
    }

    @Test(arguments: Backend.allCases)
    func aSecondWriterIsRefusedAtOnceAndNamesTheHolder(backend: Backend) throws {
        let store = TestStore(backend)
        try Fixture.build(store, [Samples.batch()])
        let first = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        do {
            _ = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
            Issue.record("a second writer got the lock")
        } catch let StoreError.locked(_, holder) {
            #expect(holder.contains("pid \(POSIXStorage.processID)"))
        }
        // Readers are not blocked.
        let reader = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(reader.graph.lastSequence == 1)
        first.close()
        let second = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        second.close()
    }

    @Test(arguments: Backend.allCases)
    func readersSeeTheCommittedPrefixWhileAWriterAppends(backend: Backend) throws {
        let store = TestStore(backend)
        try Fixture.build(store, [Samples.batch(variant: 1)])
        let before = try Fixture.dump(store)
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        let early = try GraphStore.open(at: store.path, storage: store.storage)
        // A transaction in progress: records on disk, no commit yet.
        var partial: [UInt8] = []
        for edge in Samples.batch(variant: 2).edges {
            var payload = ByteWriter()
            let kind = RecordCodec.encode(.edge(edge), into: &payload)
            try Frame.append(kind: kind.rawValue, payload: payload.bytes, to: &partial)
        }
        let file = try store.storage.open(store.path, writable: true)
        try file.append(partial + Array(partial[0..<7]))
        let during = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(try during.graph.canonicalDump() == before)
        #expect(during.report.tailBytes == UInt64(partial.count + 7))
        #expect(!during.report.droppedTail, "readers never cut the file")
        try file.truncate(to: writer.committedLength)
        file.close()
        try writer.commit(Samples.batch(variant: 2), source: "second", sourceHash: "x")
        #expect(try early.graph.canonicalDump() == before, "a reader keeps the prefix it opened")
        let after = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(after.graph.lastSequence == 2)
        #expect(try after.graph.canonicalDump().contains("Verslag 2"))
    }

    @Test func reimportingAChangedSourceSupersedesAndAsOfShowsHistory() throws {
        let store = TestStore(.memory)
        let writer = try GraphStore.create(at: store.path, storage: store.storage)
        let first = try writer.commit(Samples.batch(variant: 1), source: "file.jsonl", sourceHash: "aaa")
        guard case .committed(let info, false) = first else { Issue.record("first import: \(first)"); return }
        #expect(info.sequence == 1)
        #expect(try writer.commit(Samples.batch(variant: 1), source: "file.jsonl", sourceHash: "aaa") == .unchanged(sequence: 1))
        let changed = try writer.commit(Samples.batch(variant: 2), source: "file.jsonl", sourceHash: "bbb")
        guard case .committed(let second, true) = changed else { Issue.record("second import: \(changed)"); return }
        #expect(second.retractions == 1)
        try writer.graph.checkInvariants()
        let now = try writer.graph.canonicalDump()
        #expect(now.contains("Verslag 2") && !now.contains("Verslag 1"))
        #expect(writer.graph.transactions[0].supersededBy == 2)
        writer.close()
        #expect(try Fixture.dump(store) == now)
        #expect(try Fixture.dump(store, asOf: 1).contains("Verslag 1"))
        #expect(throws: StoreError.noSuchSequence(requested: 9, last: 2)) { try Fixture.dump(store, asOf: 9) }
    }

    @Test(arguments: Backend.allCases)
    func snapshotGivesTheSameGraphAndIsRefusedWhenDamagedOrStale(backend: Backend) throws {
        let store = TestStore(backend)
        try Fixture.build(store, [Samples.randomBatch(nodes: 200, edges: 800, seed: 1), Samples.batch()])
        let fromLog = try Fixture.dump(store, useSnapshot: false)
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        try writer.checkpoint()
        try writer.commit(Samples.batch(variant: 7), source: "late", sourceHash: "z")
        writer.close()
        let fullReplay = try Fixture.dump(store, useSnapshot: false)
        #expect(fullReplay != fromLog)

        let withSnapshot = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(withSnapshot.report.snapshotUsed)
        #expect(withSnapshot.report.replayedRecords == Samples.batch().nodes.count + Samples.batch().edges.count + 1)
        try withSnapshot.graph.checkInvariants()
        #expect(try withSnapshot.graph.canonicalDump() == fullReplay)
        #expect(try LogVerifier.verify(path: store.path, storage: store.storage).snapshot.hasPrefix("matches"))
        withSnapshot.close()

        // Damage a byte in the middle of the snapshot: refused, same answers.
        let snapshotPath = GraphStore.snapshotPath(for: store.path)
        let good = try store.bytes(snapshotPath)
        var bad = good
        bad[good.count / 2] ^= 0x40
        try store.setBytes(bad, snapshotPath)
        let damaged = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(!damaged.report.snapshotUsed)
        #expect(damaged.report.snapshotProblem?.contains("checksum") == true)
        #expect(try damaged.graph.canonicalDump() == fullReplay)

        // A snapshot of another log: refused.
        try store.setBytes(good, snapshotPath)
        let other = TestStore(backend, name: "other.kg")
        try Fixture.build(other, [Samples.batch(variant: 3), Samples.batch(variant: 4)])
        try other.setBytes(good, GraphStore.snapshotPath(for: other.path))
        let stale = try GraphStore.open(at: other.path, storage: other.storage)
        #expect(!stale.report.snapshotUsed)
        #expect(try stale.graph.canonicalDump() == Fixture.dump(other, useSnapshot: false))

        // Deleted: nothing changes.
        try store.storage.remove(snapshotPath)
        #expect(try Fixture.dump(store) == fullReplay)
    }

    @Test func automaticSnapshotAfterManyRecords() throws {
        let store = TestStore(.memory)
        try Fixture.build(store, [Samples.randomBatch(nodes: 100, edges: 300, seed: 2)], options: StoreOptions(snapshotAfterRecords: 100))
        #expect(store.storage.exists(GraphStore.snapshotPath(for: store.path)))
        let reader = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(reader.report.snapshotUsed)
        #expect(reader.report.replayedRecords == 0)
    }

    @Test func asOfEarlierThanTheSnapshotReplaysTheLog() throws {
        let store = TestStore(.memory)
        try Fixture.build(store, [Samples.batch(variant: 1), Samples.batch(variant: 2)])
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        try writer.checkpoint()
        writer.close()
        let old = try GraphStore.open(at: store.path, storage: store.storage, asOf: 1)
        #expect(!old.report.snapshotUsed)
        #expect(old.graph.lastSequence == 1)
    }

    @Test func unknownSkippableRecordsAreSkippedAndOthersRefused() throws {
        for (kind, skippable) in [(UInt8(0x90), true), (UInt8(0x10), false)] {
            let store = TestStore(.memory)
            try Fixture.build(store, [Samples.batch(variant: 1)])
            // Insert an unknown record at the start of a second transaction.
            var extra: [UInt8] = []
            try Frame.append(kind: kind, payload: [1, 2, 3], to: &extra)
            let start = UInt64(try store.bytes().count)
            var node = ByteWriter()
            let nodeKind = RecordCodec.encode(.node(NodeFact(id: Samples.id("new"))), into: &node)
            let nodeOffset = start + UInt64(extra.count)
            try Frame.append(kind: nodeKind.rawValue, payload: node.bytes, to: &extra)
            var commit = ByteWriter()
            RecordCodec.encode(CommitRecord(sequence: 2, timeMillis: 0, source: "x", sourceHash: "", transactionStart: start,
                                            nodeFacts: 1, edgeFacts: 0, retractions: 0), into: &commit)
            try Frame.append(kind: RecordKind.commit.rawValue, payload: commit.bytes, to: &extra)
            _ = nodeOffset
            try store.setBytes(try store.bytes() + extra)
            if skippable {
                let reader = try GraphStore.open(at: store.path, storage: store.storage)
                #expect(reader.report.skippedRecords == 1)
                #expect(reader.graph.index(of: "new") != nil)
            } else {
                #expect(throws: StoreError.unknownRecordKind(path: store.path, offset: start, kind: kind)) {
                    try GraphStore.open(at: store.path, storage: store.storage)
                }
            }
        }
    }

    @Test func aNewerMajorVersionIsRefusedWithAMessageSayingSo() throws {
        let store = TestStore(.memory)
        try Fixture.build(store, [Samples.batch()])
        var bytes = try store.bytes()
        bytes.replaceSubrange(0..<FileFormat.headerSize, with: Frame.header(major: 2, minor: 3))
        try store.setBytes(bytes)
        do {
            _ = try GraphStore.open(at: store.path, storage: store.storage)
            Issue.record("opened a version 2 file")
        } catch let error as StoreError {
            #expect(error == .unsupportedVersion(path: store.path, major: 2, minor: 3))
            #expect(error.description.contains("newer than this kg supports"))
        }
    }

    @Test func filesThatAreNotGraphFilesAreRefused() throws {
        let store = TestStore(.memory)
        try store.setBytes(Array("{\"kind\":\"node\"}\n".utf8))
        #expect(throws: StoreError.notAGraphFile(path: store.path, reason: "only 16 bytes, shorter than the 20-byte header")) {
            try GraphStore.open(at: store.path, storage: store.storage)
        }
        try store.setBytes(Array(repeating: 0x41, count: 100))
        #expect(throws: StoreError.notAGraphFile(path: store.path, reason: "the first 8 bytes are not the graph-file magic")) {
            try GraphStore.open(at: store.path, storage: store.storage)
        }
        #expect(throws: StoreError.fileNotFound(path: "/mem/none.kg")) { try GraphStore.open(at: "/mem/none.kg", storage: store.storage) }
    }

    @Test func anFsyncFailureIsFatalForTheWriteAndTheHandle() throws {
        let memory = TestStore(.memory)
        try Fixture.build(memory, [Samples.batch(variant: 1)])
        let faulty = FaultyStorage(base: memory.storage)
        let writer = try GraphStore.open(at: memory.path, storage: faulty, writable: true)
        faulty.syncErrno = 5
        #expect(throws: StoreError.syncFailed(path: memory.path, errno: 5, message: "Input/output error")) {
            try writer.commit(Samples.batch(variant: 2), source: "b", sourceHash: "b")
        }
        faulty.syncErrno = nil
        #expect(throws: StoreError.self) { try writer.commit(Samples.batch(variant: 3), source: "c", sourceHash: "c") }
        writer.close()
        // Nothing committed is lost: transaction 1 is intact, the unsynced one was never committed.
        let reader = try GraphStore.open(at: memory.path, storage: memory.storage)
        #expect(reader.graph.lastSequence == 1)
        #expect(try reader.graph.canonicalDump().contains("Verslag 1"))
    }

    @Test func diskFullMidTransactionLosesNothingCommitted() throws {
        let memory = TestStore(.memory)
        let ends = try Fixture.build(memory, [Samples.batch(variant: 1)])
        let before = try Fixture.dump(memory)
        for budget in [0, 1, 9, 100, 300] {
            let faulty = FaultyStorage(base: memory.storage)
            let writer = try GraphStore.open(at: memory.path, storage: faulty, writable: true)
            faulty.bytesUntilDiskFull = budget
            #expect(throws: StoreError.self) {
                try writer.commit(Samples.randomBatch(nodes: 50, edges: 100, seed: UInt64(budget)), source: "big", sourceHash: "\(budget)")
            }
            writer.close()
            #expect(try Fixture.dump(memory) == before)
            // The next writer drops the partial bytes.
            let next = try GraphStore.open(at: memory.path, storage: memory.storage, writable: true)
            #expect(next.committedLength == ends[0])
            next.close()
        }
    }

    @Test func aReadOnlyFileCanBeReadButNotWritten() throws {
        let memory = TestStore(.memory)
        try Fixture.build(memory, [Samples.batch()])
        let faulty = FaultyStorage(base: memory.storage)
        faulty.readOnlyFiles = true
        #expect(throws: StoreError.io(path: memory.path, operation: "open", errno: 13, message: "Permission denied")) {
            try GraphStore.open(at: memory.path, storage: faulty, writable: true)
        }
        let reader = try GraphStore.open(at: memory.path, storage: faulty)
        #expect(reader.graph.lastSequence == 1)
        #expect(throws: StoreError.readOnly(path: memory.path)) { try reader.commit(Samples.batch(), source: "x") }
        // The failed writer released its lock.
        let writer = try GraphStore.open(at: memory.path, storage: memory.storage, writable: true)
        writer.close()
    }

    @Test func bytesOnceWrittenAreNeverRewritten() throws {
        let store = TestStore(.memory)
        let writer = try GraphStore.create(at: store.path, storage: store.storage)
        var previous = try store.bytes()
        for i in 0..<5 {
            try writer.commit(Samples.batch(variant: i), source: "s\(i % 2)", sourceHash: "\(i)")
            let now = try store.bytes()
            #expect(Array(now[0..<previous.count]) == previous)
            previous = now
        }
    }
}
