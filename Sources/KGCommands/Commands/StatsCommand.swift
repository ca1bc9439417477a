import KGInterchange
import KGModel
import KGStore

/// `kg stats`: counts of nodes, edges, labels, types and transactions.
enum StatsCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "stats", abstract: "Count nodes and edges by label and type.",
        usage: "[--format text|json] [--as-of SEQ]",
        options: [
            OptionSpec("format", value: "FORMAT", help: "text (default) or json"),
            OptionSpec("as-of", value: "SEQ", help: "the graph as it was after commit SEQ"),
        ],
        run: { arguments, invocation in
            let usage = invocation.usage
            let format = try invocation.format(["text", "json"], usage: usage)
            let store = try invocation.openForReading(asOf: try invocation.asOf(usage: usage))
            defer { store.close() }
            let graph = store.graph
            var byLabel: [String: Int] = [:]
            var unlabelled = 0
            for node in 0..<graph.nodeCount where graph.isAlive(node) {
                let labels = graph.labelIDs(of: node)
                if labels.isEmpty { unlabelled += 1 }
                for label in labels { byLabel[graph.labelName(label), default: 0] += 1 }
            }
            var byType: [String: Int] = [:]
            let adjacency = graph.adjacency
            for edge in 0..<adjacency.edgeCount { byType[graph.typeName(adjacency.outTypes[edge]), default: 0] += 1 }
            let nodes = graph.liveNodeCount
            let live = graph.transactions.filter { $0.supersededBy == 0 }.count
            if format == "json" {
                invocation.context.out(JSONWriter.encode(.object([
                    ("graph", .string(invocation.graphPath)), ("nodes", .integer(Int64(nodes))),
                    ("edges", .integer(Int64(adjacency.edgeCount))),
                    ("labels", .object(byLabel.keys.sorted().map { ($0, .integer(Int64(byLabel[$0]!))) })),
                    ("unlabelled", .integer(Int64(unlabelled))),
                    ("types", .object(byType.keys.sorted().map { ($0, .integer(Int64(byType[$0]!))) })),
                    ("transactions", .integer(Int64(graph.transactions.count))),
                    ("liveTransactions", .integer(Int64(live))),
                    ("lastSequence", .integer(Int64(graph.lastSequence))),
                    ("committedBytes", .integer(Int64(store.committedLength))),
                ])))
                return
            }
            let out = invocation.context.out
            out("graph        \(invocation.graphPath)")
            out("nodes        \(nodes)")
            out("edges        \(adjacency.edgeCount)")
            out("transactions \(graph.transactions.count) (\(live) not superseded), last sequence \(graph.lastSequence)")
            out("bytes        \(store.committedLength) committed")
            if !byLabel.isEmpty || unlabelled > 0 {
                out("")
                out("nodes by label")
                for label in byLabel.keys.sorted() { out("  \(label.padding(toLength: 20, withPad: " ", startingAt: 0)) \(byLabel[label]!)") }
                if unlabelled > 0 { out("  (no label)           \(unlabelled)") }
            }
            if !byType.isEmpty {
                out("")
                out("edges by type")
                for type in byType.keys.sorted() { out("  \(type.padding(toLength: 20, withPad: " ", startingAt: 0)) \(byType[type]!)") }
            }
        }) }
}
