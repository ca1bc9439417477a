import Foundation
import KGModel
import KGStore

/// A small deterministic random generator (SplitMix64) so randomized tests repeat exactly.
public struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_EB31
        return z ^ (z >> 31)
    }
}

/// A fresh temporary directory, removed when the value is released.
public final class TemporaryDirectory {
    public let path: String
    public init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/kg-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    public func file(_ name: String) -> String { path + "/" + name }
}

/// Which storage backend a store test runs on.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory, posix
    public var description: String { rawValue }
}

/// A storage system and a graph path on it, kept alive together.
public final class TestStore {
    public let storage: StorageSystem
    public let path: String
    let directory: TemporaryDirectory?

    public init(_ backend: Backend, name: String = "test.kg") {
        switch backend {
        case .memory:
            storage = MemoryStorage()
            directory = nil
            path = "/mem/" + name
        case .posix:
            storage = POSIXStorage()
            let directory = TemporaryDirectory()
            self.directory = directory
            path = directory.file(name)
        }
    }

    /// The raw bytes of the graph file.
    public func bytes(_ which: String? = nil) throws -> [UInt8] {
        let file = try storage.open(which ?? path, writable: false)
        defer { file.close() }
        return try file.read(at: 0, count: Int(try file.size()))
    }

    /// Replaces the graph file's bytes (to damage or cut it).
    public func setBytes(_ bytes: [UInt8], _ which: String? = nil) throws {
        let target = which ?? path
        if let memory = storage as? MemoryStorage {
            memory[target] = bytes
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: target))
        }
    }
}

/// Sample facts for tests.
public enum Samples {
    public static let sha = String(repeating: "ab", count: 32)

    public static func provenance(_ line: Int, _ text: String) -> Provenance {
        Provenance(document: sha, line: line, offset: line * 40, text: text, rule: "test", confidence: 0.9)
    }

    public static func id(_ text: String) -> NodeID { NodeID(trusted: text) }

    /// A small graph: a document citing two Kamerstukken, one with a dossier, a meeting, a faction.
    public static func batch(variant: Int = 0) -> GraphBatch {
        let kamerstuk = try! Label("Kamerstuk"), document = try! Label("Document"), meeting = try! Label("Meeting")
        var batch = GraphBatch()
        batch.nodes = [
            NodeFact(id: id("doc-0000000000000001"), labels: [document], properties: ["title": .string("Verslag \(variant)")],
                     provenance: [provenance(1, "Verslag")]),
            NodeFact(id: id("kst-32317-884"), labels: [kamerstuk], properties: ["dossier": .string("32317"), "number": .int(884)]),
            NodeFact(id: id("kst-32317-882"), labels: [kamerstuk], properties: ["number": .int(882)]),
            NodeFact(id: id("meeting-jbz-2024-07-22"), labels: [meeting],
                     properties: ["date": .date(Day(year: 2024, month: 7, day: 22)!), "informal": .bool(true),
                                  "bodies": .list([.string("JBZ-Raad"), .int(2)]), "weight": .float(0.5)]),
        ]
        batch.edges = [
            EdgeFact(from: id("doc-0000000000000001"), type: .cites, to: id("kst-32317-884"),
                     provenance: [provenance(10, "Kamerstuk 32317, nr. 884")]),
            EdgeFact(from: id("doc-0000000000000001"), type: .cites, to: id("kst-32317-882"),
                     provenance: [provenance(11, "Kamerstuk 32317, nr. 882")]),
            EdgeFact(from: id("doc-0000000000000001"), type: .about, to: id("meeting-jbz-2024-07-22")),
            EdgeFact(from: id("kst-32317-884"), type: .partOf, to: id("dossier-32317")),
            EdgeFact(from: id("faction-VVD"), type: .asks, to: id("q-\(variant)")),
        ]
        return batch
    }

    /// A deterministic random batch of `nodes` nodes and `edges` edges over a few labels and types.
    public static func randomBatch(nodes: Int, edges: Int, seed: UInt64) -> GraphBatch {
        var random = SeededRandom(seed: seed)
        let labels = Label.known
        let types = EdgeType.known
        var batch = GraphBatch()
        for i in 0..<nodes {
            batch.nodes.append(NodeFact(id: id("n\(i)"), labels: [labels[Int(random.next() % UInt64(labels.count))]],
                                        properties: ["i": .int(Int64(i))]))
        }
        for _ in 0..<edges {
            let from = Int(random.next() % UInt64(nodes + 5)), to = Int(random.next() % UInt64(nodes + 5))
            batch.edges.append(EdgeFact(from: id("n\(from)"), type: types[Int(random.next() % UInt64(types.count))], to: id("n\(to)"),
                                        provenance: [provenance(from, "e")]))
        }
        return batch
    }
}

extension Graph {
    /// Everything observable about a graph, in a canonical text form, to compare two graphs.
    public func canonicalDump() throws -> String {
        var lines: [String] = []
        for node in 0..<nodeCount where isAlive(node) {
            let fact = try self.node(node)
            let props = fact.properties.keys.sorted().map { "\($0)=\(fact.properties[$0]!)" }.joined(separator: ",")
            lines.append("N \(fact.id) \(fact.labels.map(\.name).joined(separator: ":")) {\(props)} \(fact.provenance.count)")
        }
        for edge in 0..<edgeCount {
            let fact = try self.edge(edge)
            let props = fact.properties.keys.sorted().map { "\($0)=\(fact.properties[$0]!)" }.joined(separator: ",")
            lines.append("E \(fact.from) \(fact.type) \(fact.to) {\(props)} \(fact.provenance.map { "\($0.line):\($0.text)" })")
        }
        return lines.sorted().joined(separator: "\n")
    }
}

/// Paths inside the repository, found from this source file's location.
public enum RepositoryPaths {
    /// The repository root.
    public static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// A corpus file by its number prefix ("000").
    public static func corpus(_ prefix: String) -> String {
        let directory = root + "/Graph/corpus"
        let name = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.first { $0.hasPrefix(prefix + "_") } ?? prefix
        return directory + "/" + name
    }

    public static func bytes(_ path: String) -> [UInt8] {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { Array($0) } ?? []
    }
}
