import KGModel
@testable import KGStore
import KGTestSupport
import Testing

/// The snapshot beside the log is derived data: deleting it, damaging any part of it, cutting it
/// short, replacing it with an older one or with another graph's never changes an answer. The reader
/// either uses it (when every checksum and the log's commit agree) or rebuilds from the log and says why.
@Suite struct DerivedDataTests {
    /// A graph of three transactions with a snapshot after the second.
    static func graph(_ store: TestStore) throws -> (answer: String, snapshot: [UInt8]) {
        try Fixture.build(store, [Samples.randomBatch(nodes: 150, edges: 600, seed: 3), Samples.batch(variant: 1)])
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        try writer.checkpoint()
        try writer.commit(Samples.batch(variant: 2), source: "third", sourceHash: "3")
        writer.close()
        return (try Fixture.dump(store, useSnapshot: false), try store.bytes(GraphStore.snapshotPath(for: store.path)))
    }

    @Test func randomDamageToTheSnapshotNeverChangesAnAnswer() throws {
        let store = TestStore(.memory)
        let (answer, snapshot) = try Self.graph(store)
        let snapshotPath = GraphStore.snapshotPath(for: store.path)
        var random = SeededRandom(seed: 11)
        var used = 0, refused = 0
        for round in 0..<300 {
            var damaged = snapshot
            let kind = random.next() % 4
            switch kind {
            case 0:   // flipped bits
                for _ in 0...(random.next() % 4) { damaged[Int(random.next() % UInt64(damaged.count))] ^= UInt8(1 << (random.next() % 8)) }
            case 1:   // a torn range
                let start = Int(random.next() % UInt64(damaged.count))
                for i in start..<min(damaged.count, start + 1 + Int(random.next() % 512)) { damaged[i] = UInt8(truncatingIfNeeded: random.next()) }
            case 2:   // cut short
                damaged.removeLast(1 + Int(random.next() % UInt64(damaged.count)))
            default:  // grown
                damaged += (0..<(1 + random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            }
            try store.setBytes(damaged, snapshotPath)
            let reader = try GraphStore.open(at: store.path, storage: store.storage)
            try reader.graph.checkInvariants()
            #expect(try reader.graph.canonicalDump() == answer, "round \(round): a damaged snapshot changed the answer")
            if reader.report.snapshotUsed { used += 1; Issue.record("round \(round): a snapshot changed by damage of kind \(kind) was used") } else {
                refused += 1
                #expect(reader.report.snapshotProblem != nil, "round \(round): refused without saying why")
            }
            let report = try LogVerifier.verify(path: store.path, storage: store.storage)
            #expect(report.damage == nil, "snapshot damage is not log damage")
            // A snapshot that cannot be used is not damage (readers rebuild from the log), but verify names it.
            if !reader.report.snapshotUsed { #expect(report.snapshot.hasPrefix("not usable"), "round \(round): \(report.snapshot)") }
            reader.close()
        }
        // Every change is caught by a checksum: none of the damaged snapshots may be used.
        #expect(used == 0)
        #expect(refused == 300)
    }

    @Test func deletedOlderOrForeignSnapshotsGiveTheSameAnswers() throws {
        let store = TestStore(.posix)
        let (answer, snapshot) = try Self.graph(store)
        let snapshotPath = GraphStore.snapshotPath(for: store.path)

        try store.storage.remove(snapshotPath)
        #expect(try Fixture.dump(store) == answer)

        // An older snapshot of the same log is used, and the rest replayed.
        try store.setBytes(snapshot, snapshotPath)
        let older = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(older.report.snapshotUsed)
        #expect(try older.graph.canonicalDump() == answer)
        older.close()

        // A snapshot of another graph file, even one of the same length of log, is refused.
        let other = TestStore(.posix, name: "other.kg")
        let (otherAnswer, _) = try Self.graph(other)
        try other.setBytes(snapshot, GraphStore.snapshotPath(for: other.path))
        let foreign = try GraphStore.open(at: other.path, storage: other.storage)
        #expect(try foreign.graph.canonicalDump() == otherAnswer)
        foreign.close()

        // A snapshot newer than the log (the log was replaced by an older copy) is refused.
        let newer = TestStore(.posix, name: "newer.kg")
        try Fixture.build(newer, [Samples.randomBatch(nodes: 150, edges: 600, seed: 3)])
        let shortAnswer = try Fixture.dump(newer)
        try newer.setBytes(snapshot, GraphStore.snapshotPath(for: newer.path))
        let stale = try GraphStore.open(at: newer.path, storage: newer.storage)
        #expect(!stale.report.snapshotUsed)
        #expect(stale.report.snapshotProblem?.contains("covers") == true || stale.report.snapshotProblem?.contains("commit") == true)
        #expect(try stale.graph.canonicalDump() == shortAnswer)
        stale.close()

        // A writer replaces a bad snapshot at its next checkpoint.
        try store.setBytes(Array(snapshot.prefix(100)), snapshotPath)
        let writer = try GraphStore.open(at: store.path, storage: store.storage, writable: true)
        try writer.checkpoint()
        writer.close()
        let rebuilt = try GraphStore.open(at: store.path, storage: store.storage)
        #expect(rebuilt.report.snapshotUsed)
        #expect(rebuilt.report.replayedRecords == 0)
        #expect(try rebuilt.graph.canonicalDump() == answer)
    }
}
