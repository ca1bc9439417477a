import Foundation
import KGCitations
import KGCommands
import KGInterchange
import KGModel
import KGStore

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
