import Foundation
import KGCitations
import KGCommands
import KGInterchange
import KGModel
import KGStore

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
