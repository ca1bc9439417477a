// kg-bench: benchmarks for the graph store. Run in release mode:
//   swift run -c release kg-bench open   [--nodes N] [--edges M] [--runs R] [--dir DIR]
//   swift run -c release kg-bench import [--edges M] [--runs R] [--dir DIR]
//   swift run -c release kg-bench query  [--nodes N] [--degree D] [--seed S]
// Results are medians over R runs, with a baseline measured in the same run; see Tools/README.md.
import Foundation
import KGCommands
import KGInterchange
import KGModel
import KGStore

struct Options {
    var values: [String: String] = [:]
    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument.hasPrefix("--"), let value = iterator.next() { values[String(argument.dropFirst(2))] = value }
        }
    }
    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } ?? fallback }
    func string(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Peak resident set size of this process, in MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fileSize(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
}

func machine() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
        .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
}

/// A deterministic power-law-ish graph: target = floor(N * u^3) puts most citations on low ids (hubs).
struct SyntheticGraph {
    let nodes: Int
    let edges: Int
    var random = SplitMix(seed: 2024)

    mutating func batches(chunk: Int, _ body: (GraphBatch) throws -> Void) rethrows {
        let labels: [Label] = [.document, .kamerstuk, .question, .answer]
        let types: [EdgeType] = [.cites, .cites, .cites, .refersTo, .contains]
        var batch = GraphBatch()
        for i in 0..<nodes {
            batch.nodes.append(NodeFact(id: NodeID(trusted: "n\(i)"), labels: [labels[i % labels.count]],
                                        properties: ["year": .int(Int64(1990 + i % 35))]))
            if batch.nodes.count == chunk { try body(batch); batch = GraphBatch() }
        }
        var made = 0
        while made < edges {
            let from = Int(random.next() % UInt64(nodes))
            let u = Double(random.next() % 1_000_000) / 1_000_000
            let to = Int(Double(nodes) * u * u * u)
            if from == to { continue }
            batch.edges.append(EdgeFact(from: NodeID(trusted: "n\(from)"), type: types[made % types.count], to: NodeID(trusted: "n\(to)")))
            made += 1
            if batch.edges.count + batch.nodes.count >= chunk { try body(batch); batch = GraphBatch() }
        }
        if !batch.isEmpty { try body(batch) }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_EB31
        return z ^ (z >> 31)
    }
}

func openBenchmark(_ options: Options) throws {
    let nodes = options.int("nodes", 1_000_000), edges = options.int("edges", 10_000_000), runs = options.int("runs", 7)
    let directory = options.string("dir", NSTemporaryDirectory() + "kg-bench")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = "\(directory)/open-\(nodes)-\(edges).kg"
    if !FileManager.default.fileExists(atPath: path) || !FileManager.default.fileExists(atPath: GraphStore.snapshotPath(for: path)) {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: GraphStore.snapshotPath(for: path))
        print("building \(path): \(nodes) nodes, \(edges) edges ...")
        let start = now()
        let store = try GraphStore.create(at: path, options: StoreOptions(sync: false, snapshotAfterRecords: 0))
        var synthetic = SyntheticGraph(nodes: nodes, edges: edges)
        var sequence = 0
        try synthetic.batches(chunk: 1_000_000) { batch in
            sequence += 1
            try store.commit(batch, source: "synthetic-\(sequence)", supersede: false)
        }
        try store.checkpoint()
        store.close()
        print(String(format: "built in %.1f s: log %.0f MiB, snapshot %.0f MiB", now() - start,
                     Double(fileSize(path)) / 1048576, Double(fileSize(GraphStore.snapshotPath(for: path))) / 1048576))
    }
    var snapshotTimes: [Double] = []
    var edgeCount = 0
    var bytesPerEdge = 0.0
    for _ in 0..<runs {
        let start = now()
        let store = try GraphStore.open(at: path)
        precondition(store.report.snapshotUsed, "snapshot not used: \(store.report.snapshotProblem ?? "?")")
        edgeCount = store.graph.edgeCount
        snapshotTimes.append(now() - start)
        bytesPerEdge = Double(store.graph.adjacency.byteCount) / Double(max(1, edgeCount))
        store.close()
    }
    let rssAfterOpen = peakRSSMiB()
    let replayStart = now()
    let replayed = try GraphStore.open(at: path, options: StoreOptions(useSnapshot: false))
    let replayTime = now() - replayStart
    precondition(replayed.graph.edgeCount == edgeCount, "snapshot and replay disagree on the edge count")
    replayed.close()
    let openMedian = median(snapshotTimes)
    print("""

    ## open: \(nodes) nodes, \(edgeCount) edges (\(machine()), \(ISO8601DateFormatter().string(from: Date())))
    | measure | value |
    |---|---|
    | open with snapshot, median of \(runs) | \(String(format: "%.3f s", openMedian)) |
    | open by replaying the log (baseline), 1 run | \(String(format: "%.2f s", replayTime)) |
    | ratio replay / snapshot | \(String(format: "%.1fx", replayTime / openMedian)) |
    | traversal structures | \(String(format: "%.1f bytes per edge", bytesPerEdge)) |
    | peak RSS after the snapshot opens | \(String(format: "%.0f MiB", rssAfterOpen)) |
    | log / snapshot size | \(String(format: "%.0f / %.0f MiB", Double(fileSize(path)) / 1048576, Double(fileSize(GraphStore.snapshotPath(for: path))) / 1048576)) |
    """)
}

func importBenchmark(_ options: Options) throws {
    let edges = options.int("edges", 1_000_000), runs = options.int("runs", 3)
    let nodes = max(1, edges / 10)
    let directory = options.string("dir", NSTemporaryDirectory() + "kg-bench")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let input = "\(directory)/import-\(edges).jsonl"
    if !FileManager.default.fileExists(atPath: input) {
        var text = ""
        var synthetic = SyntheticGraph(nodes: nodes, edges: edges)
        let sha = String(repeating: "5e", count: 32)
        var line = 0
        synthetic.batches(chunk: 100_000) { batch in
            for node in batch.nodes { text += JSONLines.encode(.node(node)) + "\n" }
            for var edge in batch.edges {
                line += 1
                edge.provenance = [Provenance(document: sha, line: line, offset: line * 60, text: "Kamerstuk 32317, nr. \(line % 1000)")]
                text += JSONLines.encode(.edge(edge)) + "\n"
            }
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
    }
    let bytes = try FileAccess.read(input)
    var parseTimes: [Double] = [], importTimes: [Double] = []
    for run in 0..<runs {
        let parseStart = now()
        let batch = try JSONLines.decode(bytes, source: input)
        parseTimes.append(now() - parseStart)
        precondition(batch.edges.count == edges)
        let graph = "\(directory)/import-\(run).kg"
        for suffix in ["", ".snapshot", ".lock"] { try? FileManager.default.removeItem(atPath: graph + suffix) }
        let start = now()
        let context = CommandContext(writeOut: { _ in }, writeErr: { FileHandle.standardError.write(Data($0.utf8)) })
        let code = KG.run(["--graph", graph, "import", input, "--no-sync"], context: context)
        precondition(code == 0, "import failed")
        importTimes.append(now() - start)
    }
    let megabytes = Double(bytes.count) / 1048576
    print("""

    ## import: \(edges) edges + \(nodes) nodes, \(String(format: "%.0f", megabytes)) MiB of JSON Lines (\(machine()), \(ISO8601DateFormatter().string(from: Date())))
    | measure | median of \(runs) |
    |---|---|
    | parse and validate only (baseline) | \(String(format: "%.2f s (%.0f MiB/s)", median(parseTimes), megabytes / median(parseTimes))) |
    | `kg import --no-sync` (read, parse, encode, write, index, snapshot) | \(String(format: "%.2f s (%.0f edges/s)", median(importTimes), Double(edges) / median(importTimes))) |
    | ratio import / parse | \(String(format: "%.1fx", median(importTimes) / median(parseTimes))) |
    | peak RSS | \(String(format: "%.0f MiB", peakRSSMiB())) |
    """)
}

let arguments = CommandLine.arguments
let options = Options(arguments.dropFirst(2))
do {
    switch arguments.count > 1 ? arguments[1] : "" {
    case "open": try openBenchmark(options)
    case "import": try importBenchmark(options)
    case "query": try queryBenchmark(options)
    case "query-profile": try queryProfile(options)
    default:
        print("usage: kg-bench open [--nodes N] [--edges M] [--runs R] [--dir DIR]\n       kg-bench import [--edges M] [--runs R] [--dir DIR]\n       kg-bench query [--nodes N] [--degree D] [--seed S]\n       kg-bench query-profile [--runs R]")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("kg-bench: error: \(error)\n".utf8))
    exit(1)
}
