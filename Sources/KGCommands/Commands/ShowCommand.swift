import KGInterchange
import KGModel
import KGStore

/// `kg show ID`: one node with its labels, properties, provenance and edges.
enum ShowCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "show", abstract: "Show one node: labels, properties, where it was stated, and its edges.",
        usage: "ID [--format text|json] [--as-of SEQ]",
        options: [
            OptionSpec("format", value: "FORMAT", help: "text (default) or json"),
            OptionSpec("as-of", value: "SEQ", help: "the graph as it was after commit SEQ"),
        ],
        positionals: 1...1,
        run: { arguments, invocation in
            let usage = invocation.usage
            let format = try invocation.format(["text", "json"], usage: usage)
            let store = try invocation.openForReading(asOf: try invocation.asOf(usage: usage))
            defer { store.close() }
            let graph = store.graph
            let id = arguments.positionals[0]
            guard let node = graph.index(of: id) else {
                throw CommandError.refused("no node with id \(Escaping.quoted(id)) in \(invocation.graphPath)")
            }
            let fact = try graph.node(node)
            let adjacency = graph.adjacency
            let outgoing = try adjacency.outRange(node).map { try graph.edge($0) }
            let incoming = try adjacency.inRange(node).map { try graph.edge(Int(adjacency.inEdges[$0])) }
            if format == "json" {
                invocation.context.out(JSONWriter.encode(.object([
                    ("node", ModelJSON.json(fact)),
                    ("out", .array(outgoing.map(ModelJSON.json))),
                    ("in", .array(incoming.map(ModelJSON.json))),
                ])))
                return
            }
            let out = invocation.context.out
            out("\(fact.id)  :\(fact.labels.map(\.name).joined(separator: ":"))")
            for key in fact.properties.keys.sorted() { out("  \(key) = \(fact.properties[key]!)") }
            for source in fact.provenance { out("  stated in " + describe(source)) }
            if !outgoing.isEmpty {
                out("")
                out("outgoing (\(outgoing.count))")
                for edge in outgoing { printEdge(edge, arrow: "-[:\(edge.type)]->", other: edge.to, out: out) }
            }
            if !incoming.isEmpty {
                out("")
                out("incoming (\(incoming.count))")
                for edge in incoming { printEdge(edge, arrow: "<-[:\(edge.type)]-", other: edge.from, out: out) }
            }
        }) }

    static func printEdge(_ edge: EdgeFact, arrow: String, other: NodeID, out: (String) -> Void) {
        var line = "  \(arrow) \(other)"
        if !edge.properties.isEmpty {
            line += "  {" + edge.properties.keys.sorted().map { "\($0): \(edge.properties[$0]!)" }.joined(separator: ", ") + "}"
        }
        out(line)
        for source in edge.provenance { out("      " + describe(source)) }
    }

    static func describe(_ source: Provenance) -> String {
        var text = "doc \(source.document.prefix(16)) line \(source.line) offset \(source.offset): \(Escaping.quoted(source.text, limit: 100))"
        if let rule = source.rule { text += " [\(rule)" + (source.confidence.map { " \($0)" } ?? "") + "]" }
        return text
    }
}
