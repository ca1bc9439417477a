import Foundation
import KGDot
import KGInterchange
import KGStore

/// `kg export`: writes the whole graph in one of the interchange forms.
enum ExportCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "export", abstract: "Write the whole graph: JSON Lines (what `kg import` reads), GraphViz dot, GraphML, or CSV.",
        usage: "[--format jsonl|dot|graphml|csv] [-o FILE|DIR] [--as-of SEQ]",
        discussion: """
        jsonl: one node or edge per line, the form `kg import` reads (export | import round-trips).
        dot: a drawing of the whole graph for GraphViz (`dot -Tsvg`); large graphs draw slowly.
        graphml: for Gephi and yEd. csv: nodes.csv and relationships.csv in the form of Neo4j's bulk
        importer, plus kuzu-schema.cypher to load them into Kuzu; needs -o DIR (a folder).
        """,
        options: [
            OptionSpec("format", value: "FORMAT", help: "jsonl (default), dot, graphml or csv"),
            OptionSpec("output", value: "PATH", short: "o", help: "write to a file (a folder for csv) instead of stdout"),
            OptionSpec("as-of", value: "SEQ", help: "the graph as it was after commit SEQ"),
        ],
        run: { arguments, invocation in
            let usage = invocation.usage
            let format = try invocation.format(["jsonl", "dot", "graphml", "csv"], usage: usage)
            let output = arguments.value("output")
            if format == "csv" && output == nil {
                throw CommandError.usage("--format csv writes two files: give a folder with -o DIR", usage: usage)
            }
            let store = try invocation.openForReading(asOf: try invocation.asOf(usage: usage))
            defer { store.close() }
            let graph = store.graph
            switch format {
            case "csv":
                let files = try CSVExport.export(graph)
                let directory = output!
                do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                    throw CommandError.cannotWrite(path: directory, reason: error.localizedDescription)
                }
                try FileAccess.write(files.nodes, to: directory + "/nodes.csv")
                try FileAccess.write(files.relationships, to: directory + "/relationships.csv")
                try FileAccess.write(files.kuzuSchema, to: directory + "/kuzu-schema.cypher")
                invocation.context.note("wrote \(directory)/nodes.csv, relationships.csv and kuzu-schema.cypher")
            default:
                var text = ""
                var flushed = false
                func emit(_ chunk: String) {
                    text += chunk
                    if output == nil && text.utf8.count > 1 << 16 {
                        invocation.context.writeOut(text)
                        text = ""
                        flushed = true
                    }
                }
                switch format {
                case "dot": emit(try DotExporter(title: "Kamergraaf: \(invocation.graphPath)").render(graph, DotExporter.everything(graph)))
                case "graphml": try GraphMLWriter.write(graph) { emit($0) }
                default: try JSONLines.export(graph) { emit($0) }
                }
                if let output {
                    try FileAccess.write(text, to: output)
                } else {
                    _ = flushed
                    invocation.context.writeOut(text)
                }
            }
        }) }
}
