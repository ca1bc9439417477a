import KGModel
@testable import KGStore
import KGTestSupport
import Testing

/// Torn pages: random byte ranges of the file overwritten (by zeros, by random bytes, by a copy of
/// other bytes of the file), seeded so every failure repeats. Damage in the uncommitted tail is
/// dropped by the next writer; damage in the committed prefix is reported at the frame holding its
/// first changed byte, and salvage recovers every transaction before that frame.
@Suite struct TornPageTests {
    /// A log of five transactions; returns the file bytes and the offset where each commit ends.
    static func log(_ store: TestStore) throws -> (bytes: [UInt8], ends: [UInt64]) {
        let batches = (1...5).map { Samples.randomBatch(nodes: 12 + $0, edges: 30, seed: UInt64($0)) }
        let ends = try Fixture.build(store, batches)
        return (try store.bytes(), ends)
    }

    /// Overwrites `count` bytes at `start` the way a torn or misdirected write would.
    static func tear(_ bytes: inout [UInt8], at start: Int, count: Int, style: UInt64, random: inout SeededRandom) {
        let end = min(bytes.count, start + count)
        for i in start..<end {
            switch style % 3 {
            case 0: bytes[i] = 0                                              // a page never written
            case 1: bytes[i] = UInt8(truncatingIfNeeded: random.next())       // garbage
            default: bytes[i] = bytes[(i + 4096) % bytes.count]               // another page's bytes
            }
        }
    }

    @Test func tornTailsAreIgnoredByReadersAndDroppedByTheNextWriter() throws {
        var random = SeededRandom(seed: 41)
        let store = TestStore(.memory)
        let (committed, ends) = try Self.log(store)
        let expected = try Fixture.dump(store)
        // An uncommitted transaction after the last commit, as a crash mid-write leaves it.
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        try writer.commit(Samples.randomBatch(nodes: 40, edges: 200, seed: 99), source: "late", sourceHash: "late")
        writer.close()
        let withLate = try store.bytes()
        let lateCommitStart = try Fixture.frameOffsets(store).last!
        let tail = Array(withLate[Int(ends[4])..<Int(lateCommitStart)])   // records of "late", no commit
        for round in 0..<150 {
            var damaged = committed + tail
            let start = Int(ends[4]) + Int(random.next() % UInt64(tail.count))
            let count = 1 + Int(random.next() % 600)
            Self.tear(&damaged, at: start, count: count, style: random.next(), random: &random)
            // Sometimes the crash also cut the file short.
            if random.next() % 3 == 0 { damaged.removeLast(Int(random.next() % UInt64(damaged.count - Int(ends[4])))) }
            try store.setBytes(damaged)

            let reader = try GraphStore.open(at: store.path, storage: store.storage)
            #expect(reader.graph.lastSequence == 5, "round \(round)")
            #expect(try reader.graph.canonicalDump() == expected, "round \(round): a torn tail changed the graph")
            #expect(reader.report.tailBytes == UInt64(damaged.count) - ends[4], "round \(round)")
            reader.close()
            #expect(try store.bytes() == damaged, "readers never change the file")

            let next = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
            #expect(next.report.droppedTail == (damaged.count > Int(ends[4])), "round \(round)")
            #expect(try store.bytes() == committed, "round \(round): the next writer cuts exactly the tail")
            try next.commit(Samples.batch(variant: round), source: "after", sourceHash: "\(round)")
            next.close()
            #expect(try GraphStore.open(at: store.path, storage: store.storage).graph.lastSequence == 6)
        }
    }

    @Test func tornPagesInTheCommittedPrefixAreNamedAndSalvageKeepsWhatCameBefore() throws {
        var random = SeededRandom(seed: 7)
        let store = TestStore(.memory)
        let (committed, ends) = try Self.log(store)
        let frames = try Fixture.frameOffsets(store)
        let dumps = try (1...5).map { try Fixture.dump(store, asOf: UInt64($0)) }
        var checked = 0
        for round in 0..<300 {
            var damaged = committed
            // Damage that starts before the last transaction, so an intact commit follows it.
            let start = FileFormat.headerSize + Int(random.next() % (ends[3] - UInt64(FileFormat.headerSize)))
            let count = 1 + Int(random.next() % 700)
            Self.tear(&damaged, at: start, count: count, style: random.next(), random: &random)
            guard let firstChanged = committed.indices.first(where: { committed[$0] != damaged[$0] }) else { continue }
            guard UInt64(firstChanged) < ends[3] else { continue }
            try store.setBytes(damaged)
            checked += 1
            let frame = frames.last { $0 <= UInt64(firstChanged) }!
            let intact = ends.filter { $0 <= frame }.count

            let report = try LogVerifier.verify(path: store.path, storage: store.storage)
            let damage = try #require(report.damage, "round \(round): damage at \(firstChanged) not found")
            #expect(damage.offset == frame, "round \(round): damage at byte \(firstChanged) named at \(damage.offset), its frame starts at \(frame)")
            #expect(damage.intactTransactions == intact, "round \(round)")
            do {
                _ = try GraphStore.open(at: store.path, storage: store.storage)
                Issue.record("round \(round): opened a file damaged at \(firstChanged)")
            } catch let error as StoreError {
                guard case .corruptRecord(_, let offset, _, _) = error else {
                    Issue.record("round \(round): \(error)")
                    continue
                }
                #expect(offset == frame, "round \(round)")
            }

            let output = store.path + ".salvaged\(round)"
            let salvage = try LogSalvager.salvage(from: store.path, to: output, storage: store.storage)
            #expect(salvage.transactionsKept == intact, "round \(round)")
            #expect(try store.bytes() == damaged, "salvage never edits the original")
            let rescued = try GraphStore.open(at: output, storage: store.storage)
            #expect(rescued.graph.lastSequence == UInt64(intact))
            if intact > 0 { #expect(try rescued.graph.canonicalDump() == dumps[intact - 1], "round \(round)") }
            try store.storage.remove(output)
        }
        #expect(checked > 250, "most rounds change a byte")
    }

    /// The documented limit (Graph/FORMAT.md §9): damage to the last commit frame with nothing after it
    /// cannot be told from a crash mid-write. Readers show the transactions before it; verify says so.
    @Test func damageToTheLastCommitLooksLikeATornTail() throws {
        let store = TestStore(.memory)
        let (committed, ends) = try Self.log(store)
        let lastCommit = try Fixture.frameOffsets(store).last!
        var damaged = committed
        damaged[Int(lastCommit) + 10] ^= 0x01
        try store.setBytes(damaged)
        let reader = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(reader.graph.lastSequence == 4)
        #expect(reader.report.tailBytes == UInt64(committed.count) - ends[3])
        let report = try LogVerifier.verify(path: store.path, storage: store.storage)
        #expect(report.damage == nil)
        #expect(report.tailBytes == UInt64(committed.count) - ends[3])
    }
}
