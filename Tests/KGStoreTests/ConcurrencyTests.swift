import Dispatch
import Foundation
import KGModel
@testable import KGStore
import KGTestSupport
import Testing

/// Readers and writers at the same time, on real files: readers always see a whole committed prefix
/// while a writer appends; two writers racing get one lock between them and the loser fails at once;
/// a lock left by a killed process does not block; a file replaced under a reader never serves
/// wrong facts.
@Suite(.serialized) struct ConcurrencyTests {
    /// Batch `k` of a growing graph: its own nodes and edges only, so counts after `k` commits are sums.
    static func batch(_ k: Int) -> GraphBatch {
        var batch = GraphBatch()
        let nodes = 5 + k % 7
        for i in 0..<nodes {
            batch.nodes.append(NodeFact(id: Samples.id("t\(k)-\(i)"), labels: [.kamerstuk], properties: ["k": .int(Int64(k)), "i": .int(Int64(i))]))
        }
        for i in 0..<(nodes * 2) {
            batch.edges.append(EdgeFact(from: Samples.id("t\(k)-\(i % nodes)"), type: .cites, to: Samples.id("t\(k)-\((i * 3 + 1) % nodes)"),
                                        properties: ["n": .int(Int64(i))], provenance: [Samples.provenance(i + 1, "t\(k)")]))
        }
        return batch
    }

    /// Observations gathered from several threads.
    final class Observations: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var problems: [String] = []
        private(set) var sequencesSeen: Set<UInt64> = []
        private(set) var reads = 0
        func saw(_ sequence: UInt64) { lock.withLock { sequencesSeen.insert(sequence); reads += 1 } }
        func problem(_ text: String) { lock.withLock { problems.append(text) } }
    }

    @Test func readersSeeWholeCommitsWhileAWriterAppends() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("busy.kg")
        try GraphStore.create(at: path, options: StoreOptions(snapshotAfterRecords: 0)).close()
        let commits = 60
        var nodesAfter = [0], edgesAfter = [0]
        for k in 1...commits {
            // Edges asserted twice are one edge with two provenances.
            let distinctEdges = Set(Self.batch(k).edges.map { "\($0.from) \($0.to)" }).count
            nodesAfter.append(nodesAfter[k - 1] + Self.batch(k).nodes.count)
            edgesAfter.append(edgesAfter[k - 1] + distinctEdges)
        }
        let expectedNodes = nodesAfter, expectedEdges = edgesAfter
        let observations = Observations()
        final class Flags: @unchecked Sendable {
            let lock = NSLock()
            var writerDone = false
            var isWriterDone: Bool { lock.withLock { writerDone } }
        }
        let flags = Flags()
        let readersStarted = DispatchSemaphore(value: 0), readersFinished = DispatchSemaphore(value: 0)
        let readers = 2
        for _ in 0..<readers {
            let thread = Thread {
                readersStarted.signal()
                var done = false
                while !done {
                    done = flags.isWriterDone   // one more read after the writer finished
                    do {
                        let reader = try GraphStore.open(at: path)
                        let sequence = reader.graph.lastSequence
                        let graph = reader.graph
                        let nodes = (0..<graph.nodeCount).filter { graph.isAlive($0) }.count
                        if nodes != expectedNodes[Int(sequence)] || graph.edgeCount != expectedEdges[Int(sequence)] {
                            observations.problem("after commit \(sequence): \(nodes) nodes, \(graph.edgeCount) edges; a whole prefix has \(expectedNodes[Int(sequence)]), \(expectedEdges[Int(sequence)])")
                        }
                        try graph.checkInvariants()
                        // Facts are read lazily from the log: read those of the last transaction seen.
                        if sequence > 0, let node = graph.index(of: "t\(sequence)-0") {
                            let fact = try graph.node(node)
                            if fact.properties["k"] != .int(Int64(sequence)) { observations.problem("wrong fact for t\(sequence)-0: \(fact)") }
                        }
                        observations.saw(sequence)
                        reader.close()
                    } catch { observations.problem("reader: \(error)") }
                }
                readersFinished.signal()
            }
            thread.start()
        }
        for _ in 0..<readers { readersStarted.wait() }
        do {
            // A snapshot every 150 records, so readers also meet snapshots being replaced.
            let writer = try GraphStore.open(at: path, writable: true, options: StoreOptions(sync: false, snapshotAfterRecords: 150))
            for k in 1...commits {
                try writer.commit(Self.batch(k), source: "batch-\(k)", sourceHash: "\(k)")
                usleep(2_000)   // give the readers a chance to open between commits
            }
            writer.close()
        } catch { observations.problem("writer: \(error)") }
        flags.lock.withLock { flags.writerDone = true }
        for _ in 0..<readers { readersFinished.wait() }
        #expect(observations.problems.isEmpty, "\(observations.problems.prefix(5))")
        #expect(observations.sequencesSeen.contains(UInt64(commits)) || observations.reads > 0)
        // The readers met the file between commits, not only before and after.
        #expect(observations.sequencesSeen.count >= 3, "readers saw only \(observations.sequencesSeen.sorted())")
        let final = try GraphStore.open(at: path)
        #expect(final.graph.lastSequence == UInt64(commits))
    }

    @Test func twoWritersRacingGetOneLockAndTheLoserFailsAtOnce() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("race.kg")
        try GraphStore.create(at: path).close()
        let results = Observations()
        for round in 0..<40 {
            let bothTried = DispatchGroup()
            bothTried.enter(); bothTried.enter()
            final class Outcome: @unchecked Sendable { var wins = 0; var losses = 0; var slowest = 0.0; let lock = NSLock() }
            let outcome = Outcome()
            DispatchQueue.concurrentPerform(iterations: 2) { who in
                let started = DispatchTime.now()
                var held: GraphStore?
                do {
                    held = try GraphStore.open(at: path, writable: true)
                    outcome.lock.withLock { outcome.wins += 1 }
                } catch StoreError.locked(_, let holder) {
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                    outcome.lock.withLock { outcome.losses += 1; outcome.slowest = max(outcome.slowest, seconds) }
                    if !holder.contains("pid \(POSIXStorage.processID)") { results.problem("round \(round): holder says \(holder)") }
                } catch { results.problem("round \(round): \(error)") }
                bothTried.leave()
                bothTried.wait()   // the winner keeps the lock until both have tried
                if let held {
                    do { try held.commit(Self.batch(round + 1), source: "w\(who)-\(round)", sourceHash: "\(round)") } catch { results.problem("\(error)") }
                    held.close()
                }
            }
            #expect(outcome.wins == 1 && outcome.losses == 1, "round \(round): \(outcome.wins) writers got the lock")
            #expect(outcome.slowest < 1.0, "the loser waited \(outcome.slowest) s instead of failing at once")
        }
        #expect(results.problems.isEmpty, "\(results.problems.prefix(3))")
        let reader = try GraphStore.open(at: path)
        #expect(reader.graph.lastSequence == 40, "every round's winner committed")
        #expect(try LogVerifier.verify(path: path).isHealthy)
    }

    @Test func aLockLeftByAKilledProcessDoesNotBlockTheNextWriter() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("stale.kg")
        try GraphStore.create(at: path).close()
        let lockPath = GraphStore.lockPath(for: path)
        // The lock file of a writer that died: its text names a process, but nobody holds the lock.
        try Data("pid 999999 on some-host\n".utf8).write(to: URL(fileURLWithPath: lockPath))
        let writer = try GraphStore.open(at: path, writable: true)
        writer.close()

        // A real process holding the lock, then killed with SIGKILL.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else {
            print("skipped the cross-process part: /usr/bin/flock (util-linux) is not installed")
            return
        }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--no-fork", "--exclusive", lockPath, "sleep", "60"]   // sleep itself holds the lock
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        var blocked = false
        for _ in 0..<200 {
            do {
                let early = try GraphStore.open(at: path, writable: true)
                early.close()
                usleep(10_000)   // the child has not taken the lock yet
            } catch StoreError.locked {
                blocked = true
                break
            }
        }
        #expect(blocked, "the child process never held the lock")
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let next = try GraphStore.open(at: path, writable: true)
        try next.commit(Self.batch(1), source: "after-kill", sourceHash: "1")
        next.close()
        #expect(try GraphStore.open(at: path).graph.lastSequence == 1)
    }

    @Test func aFileRenamedOverTheGraphLeavesOpenReadersOnTheOldFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("g.kg"), replacement = directory.file("new.kg")
        let writer = try GraphStore.create(at: path, options: StoreOptions(snapshotAfterRecords: 0))
        for k in 1...3 { try writer.commit(Self.batch(k), source: "s\(k)", sourceHash: "\(k)") }
        writer.close()
        let reader = try GraphStore.open(at: path)
        let other = try GraphStore.create(at: replacement)
        try other.commit(Self.batch(9), source: "other", sourceHash: "9")
        other.close()
        #expect(rename(replacement, path) == 0)
        // The open reader still reads the file it opened, lazily loaded facts included.
        let node = try #require(reader.graph.index(of: "t2-1"))
        #expect(try reader.graph.node(node).properties["k"] == .int(2))
        #expect(reader.graph.lastSequence == 3)
        let fresh = try GraphStore.open(at: path)
        #expect(fresh.graph.index(of: "t2-1") == nil)
        #expect(fresh.graph.index(of: "t9-1") != nil)
    }

    @Test func aFileTruncatedOrOverwrittenUnderAReaderIsNamedNotServed() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("g.kg")
        let writer = try GraphStore.create(at: path, options: StoreOptions(snapshotAfterRecords: 0))
        for k in 1...4 { try writer.commit(Self.batch(k), source: "s\(k)", sourceHash: "\(k)") }
        writer.close()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))

        // Truncated in place (the same inode, as `: > file` or a crashed copy leaves it).
        let reader = try GraphStore.open(at: path)
        let node = try #require(reader.graph.index(of: "t3-2"))
        #expect(truncate(path, 100) == 0)
        do {
            _ = try reader.graph.node(node)
            Issue.record("a fact was served from a truncated file")
        } catch let StoreError.changedUnderReader(changedPath, reason) {
            #expect(changedPath == path)
            #expect(reason.contains("shorter"))
        }
        reader.close()

        // Overwritten in place with another graph's bytes, longer than the original.
        let otherPath = directory.file("other.kg")
        let other = try GraphStore.create(at: otherPath, options: StoreOptions(snapshotAfterRecords: 0))
        for k in 20...30 { try other.commit(Self.batch(k), source: "o\(k)", sourceHash: "\(k)") }
        other.close()
        let otherBytes = try Data(contentsOf: URL(fileURLWithPath: otherPath))
        #expect(otherBytes.count > original.count)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: original)
        try handle.close()
        let second = try GraphStore.open(at: path)
        let expected = try (0..<second.graph.nodeCount).map { try second.graph.node($0) }
        let overwrite = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try overwrite.write(contentsOf: otherBytes)
        try overwrite.close()
        var refused = 0
        for index in 0..<second.graph.nodeCount {
            do {
                let fact = try second.graph.node(index)
                #expect(fact == expected[index], "a different fact was served for node \(index)")
            } catch StoreError.changedUnderReader {
                refused += 1
            }
        }
        #expect(refused > 0, "the reader should notice the rewrite")
    }

    /// Found by Tools/crash/faults.py (overwrite): a file cut below its header after the header was
    /// read made the scanner subtract past zero and trap. Now a named error.
    @Test func aFileShorterThanWhereScanningStartsIsAnErrorNotATrap() throws {
        let store = TestStore(.memory)
        try Fixture.build(store, [Samples.batch(variant: 1)])
        let file = try store.storage.open(store.path, writable: false)
        defer { file.close() }
        let scanner = FrameScanner(file: file, start: try file.size() + 10, end: try file.size())
        guard case .damaged(_, let reason) = try scanner.next() else {
            Issue.record("a scan past the end found a frame")
            return
        }
        #expect(reason.contains("the file ends at byte offset"))
        #expect(throws: StoreError.changedUnderReader(path: store.path, reason: "it is now \(try file.size()) bytes, shorter than the \(try file.size() + 10) bytes already read from it")) {
            try LogScanner.scan(file, from: try file.size() + 10, nextSequence: 1)
        }
    }
}
