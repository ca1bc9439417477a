// Fuzz target (a): arbitrary bytes as a graph file; the format is Graph/FORMAT.md.
import KGModel
import KGStore

/// Arbitrary bytes as a graph file: open read-only (with and without the snapshot), read every node,
/// edge and transaction, check the graph's invariants, verify, commit a transaction as a writer and
/// reopen, salvage and reopen the salvaged copy.
///
/// The input is the log, optionally followed by a snapshot: the bytes from the first snapshot magic on
/// are written beside the log as `.kg.snapshot`. Each input runs twice: as given, and "repaired" (every
/// frame's and the header's CRC-32C recomputed, the snapshot's section and header checksums too), so that
/// mutations reach the record decoders and the snapshot reader instead of stopping at a checksum.
///
/// Invariants: every failure is one of the project's typed errors (`StoreError`, `GraphError`,
/// `ModelError`, `DecodeError`), never a trap; a graph replayed from the log alone satisfies
/// `checkInvariants()`, also after a commit; a salvaged copy verifies without damage and opens.
public enum GraphFileTarget {
    static let name = FuzzTarget.graphFile.rawValue
    static let logPath = "/fuzz/graph.kg"

    /// Runs the target on `input`.
    public static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let (log, snapshot) = split(input)
        try check(log: log, snapshot: snapshot)
        let repairedLog = repairLog(log)
        let repairedSnapshot = snapshot.map { repairSnapshot($0, log: repairedLog) }
        if repairedLog != log || repairedSnapshot != snapshot {
            try check(log: repairedLog, snapshot: repairedSnapshot)
        }
    }

    /// The log bytes and, when the input holds a snapshot magic after the log's start, the snapshot bytes.
    public static func split(_ input: [UInt8]) -> (log: [UInt8], snapshot: [UInt8]?) {
        let magic = FileFormat.snapshotMagic
        guard input.count >= magic.count else { return (input, nil) }
        var index = 0
        while index + magic.count <= input.count {
            if input[index] == magic[0] && Array(input[index..<(index + magic.count)]) == magic {
                return (Array(input[..<index]), Array(input[index...]))
            }
            index += 1
        }
        return (input, nil)
    }

    static func check(log: [UInt8], snapshot: [UInt8]?) throws(FuzzFailure) {
        let storage = MemoryStorage()
        storage[logPath] = log
        if let snapshot { storage[GraphStore.snapshotPath(for: logPath)] = snapshot }

        // Open as a reader would: snapshot first, then with the log alone.
        var lastSequence: UInt64 = 0
        for useSnapshot in [true, false] where useSnapshot == false || snapshot != nil {
            do {
                let store = try GraphStore.open(at: logPath, storage: storage, options: StoreOptions(useSnapshot: useSnapshot))
                defer { store.close() }
                try readEverything(store.graph, checkLookups: !store.report.snapshotUsed)
                if !useSnapshot {
                    do { try store.graph.checkInvariants() } catch {
                        throw FuzzFailure(target: name, invariant: "log replay breaks the graph invariants", detail: "\(error)")
                    }
                    lastSequence = store.graph.lastSequence
                }
            } catch let failure as FuzzFailure {
                throw failure
            } catch {
                try requireTyped(error, during: useSnapshot ? "open with the snapshot" : "open from the log")
            }
        }
        // An earlier commit, as `--as-of` opens it.
        if lastSequence > 1 {
            do {
                let store = try GraphStore.open(at: logPath, storage: storage, asOf: lastSequence / 2)
                defer { store.close() }
                try readEverything(store.graph, checkLookups: !store.report.snapshotUsed)
            } catch let failure as FuzzFailure {
                throw failure
            } catch {
                try requireTyped(error, during: "open --as-of \(lastSequence / 2)")
            }
        }
        do { _ = try LogVerifier.verify(path: logPath, storage: storage) } catch {
            try requireTyped(error, during: "verify")
        }
        try writeAndReopen(storage)
        // Salvage: what it keeps must be a healthy graph file.
        let rescued = "/fuzz/rescued.kg"
        do {
            _ = try LogSalvager.salvage(from: logPath, to: rescued, storage: storage)
        } catch {
            try requireTyped(error, during: "salvage")
            return
        }
        do {
            let report = try LogVerifier.verify(path: rescued, storage: storage)
            if let damage = report.damage {
                throw FuzzFailure(target: name, invariant: "salvaged copy is damaged",
                                  detail: "offset \(damage.offset), record \(damage.record): \(damage.reason)")
            }
            if let problem = report.invariantProblem {
                throw FuzzFailure(target: name, invariant: "salvaged copy breaks the graph invariants", detail: problem)
            }
            let store = try GraphStore.open(at: rescued, storage: storage, options: StoreOptions(useSnapshot: false))
            defer { store.close() }
            try readEverything(store.graph)
        } catch let failure as FuzzFailure {
            throw failure
        } catch {
            throw FuzzFailure(target: name, invariant: "salvaged copy does not open", detail: "\(error)")
        }
    }

    /// Opens the file as a writer (which cuts a torn tail), commits a transaction that supersedes the first
    /// source and retracts a node and an edge, and reopens it from the log: the graph must keep its
    /// invariants and gain exactly one commit. Works on a copy, so salvage below sees the original.
    static func writeAndReopen(_ original: MemoryStorage) throws(FuzzFailure) {
        let storage = MemoryStorage()
        storage[logPath] = original[logPath]
        let snapshotPath = GraphStore.snapshotPath(for: logPath)
        if let snapshot = original[snapshotPath] { storage[snapshotPath] = snapshot }
        do {
            let writer = try GraphStore.open(at: logPath, storage: storage, writable: true,
                                             options: StoreOptions(sync: false, snapshotAfterRecords: 0))
            defer { writer.close() }
            let graph = writer.graph
            let before = graph.lastSequence
            var batch = GraphBatch()
            if let node = (0..<graph.nodeCount).first(where: graph.isAlive) { batch.retractions.append(.node(graph.id(of: node))) }
            if graph.edgeCount > 0, let type = try? EdgeType(graph.typeName(graph.type(ofEdge: 0))) {
                batch.retractions.append(.edge(EdgeKey(from: graph.id(of: graph.source(ofEdge: 0)), type: type,
                                                       to: graph.id(of: graph.target(ofEdge: 0)))))
            }
            let added = try NodeID("fuzz-node")
            batch.nodes.append(NodeFact(id: added, labels: [try Label("Fuzz")], properties: ["n": .int(1)]))
            batch.edges.append(EdgeFact(from: added, type: try EdgeType("fuzzes"), to: graph.nodeCount > 0 ? graph.id(of: 0) : added))
            let outcome = try writer.commit(batch, source: graph.transactions.first?.source ?? "fuzz", sourceHash: "fuzz")
            guard case .committed = outcome else { return }  // that source was committed with this hash before
            if !writer.report.snapshotUsed {
                do { try graph.checkInvariants() } catch {
                    throw FuzzFailure(target: name, invariant: "a commit breaks the graph invariants", detail: "\(error)")
                }
            }
            try readEverything(graph, checkLookups: !writer.report.snapshotUsed)
            let reader = try GraphStore.open(at: logPath, storage: storage, options: StoreOptions(useSnapshot: false))
            defer { reader.close() }
            do { try reader.graph.checkInvariants() } catch {
                throw FuzzFailure(target: name, invariant: "the log after a commit breaks the graph invariants", detail: "\(error)")
            }
            guard reader.graph.lastSequence == before + 1 else {
                throw FuzzFailure(target: name, invariant: "a commit did not add one transaction",
                                  detail: "last sequence \(before) then \(reader.graph.lastSequence)")
            }
            try readEverything(reader.graph)
        } catch let failure as FuzzFailure {
            throw failure
        } catch {
            try requireTyped(error, during: "write")
        }
    }

    /// Reads every node, edge, label and transaction of `graph` (facts load from the log); with
    /// `checkLookups`, also that every id looks up to its own node. (A snapshot's id hash table is trusted
    /// as far as its checksums go: checking it means hashing every id at open, which `kg verify` does.)
    static func readEverything(_ graph: Graph, checkLookups: Bool = true) throws {
        for node in 0..<graph.nodeCount {
            let id = graph.id(of: node)
            _ = graph.labels(of: node)
            guard graph.isAlive(node) else { continue }
            _ = try graph.node(node)
            if checkLookups && graph.index(of: id.rawValue) != node {
                throw FuzzFailure(target: name, invariant: "id lookup", detail: "\(id) does not look up to node \(node)")
            }
        }
        for label in 0..<graph.labelNames.count { _ = graph.nodes(withLabel: UInt16(label)) }
        for edge in 0..<graph.edgeCount {
            _ = graph.typeName(graph.type(ofEdge: edge))
            _ = graph.id(of: graph.target(ofEdge: edge))
            _ = try graph.edge(edge)
        }
        _ = graph.transactions.map(\.sequence)
    }

    /// Accepts the project's typed errors; anything else is a failure.
    static func requireTyped(_ error: any Error, during step: String) throws(FuzzFailure) {
        switch error {
        case is StoreError, is GraphError, is ModelError, is DecodeError: return
        default:
            throw FuzzFailure(target: name, invariant: "untyped error", detail: "\(step): \(type(of: error)): \(error)")
        }
    }

    // MARK: - Checksum repair

    /// `log` with the header checksum and every whole frame's checksum recomputed (frames walked by
    /// their stated lengths, stopping at the first that runs past the end).
    public static func repairLog(_ log: [UInt8]) -> [UInt8] {
        var bytes = log
        let headerSize = FileFormat.headerSize
        guard bytes.count >= headerSize else { return bytes }
        store(CRC32C.mask(CRC32C.checksum(Array(bytes[0..<16]))), at: 16, in: &bytes)
        var position = headerSize
        let frameHeader = FileFormat.frameHeaderSize
        while position + frameHeader <= bytes.count {
            let length = Int(load(at: position + 4, in: bytes))
            guard length <= bytes.count - position - frameHeader else { break }
            let end = position + frameHeader + length
            store(CRC32C.mask(CRC32C.checksum(Array(bytes[(position + 4)..<end]))), at: position, in: &bytes)
            position = end
        }
        return bytes
    }

    /// `snapshot` with every section checksum and the header checksum recomputed, and its covered commit
    /// checksum taken from `log` (so a mutated log and snapshot still recognise each other).
    public static func repairSnapshot(_ snapshot: [UInt8], log: [UInt8]) -> [UInt8] {
        var bytes = snapshot
        let fixedHeader = 56, entrySize = 32
        guard bytes.count >= fixedHeader else { return bytes }
        let commitOffset = loadU64(at: 32, in: bytes)
        if commitOffset < UInt64(log.count), Int(commitOffset) + 4 <= log.count {
            store(load(at: Int(commitOffset), in: log), at: 40, in: &bytes)
        }
        let sections = Int(load(at: 52, in: bytes))
        guard sections <= 64, fixedHeader + sections * entrySize + 4 <= bytes.count else { return bytes }
        for index in 0..<sections {
            let entry = fixedHeader + index * entrySize
            let offset = loadU64(at: entry + 8, in: bytes), length = loadU64(at: entry + 16, in: bytes)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            let body = Array(bytes[Int(offset)..<Int(offset + length)])
            store(CRC32C.mask(CRC32C.checksum(body)), at: entry + 24, in: &bytes)
        }
        let tableEnd = fixedHeader + sections * entrySize
        store(CRC32C.mask(CRC32C.checksum(Array(bytes[0..<tableEnd]))), at: tableEnd, in: &bytes)
        return bytes
    }

    static func load(at offset: Int, in bytes: [UInt8]) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    static func loadU64(at offset: Int, in bytes: [UInt8]) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    static func store(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }
}
