import Foundation
import KGInterchange
import KGStore

/// `kg export`: writes the whole graph.
enum ExportCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "export", abstract: "Write the whole graph (JSON Lines: the form `kg import` reads).",
        usage: "[--format jsonl] [-o FILE] [--as-of SEQ]",
        options: [
            OptionSpec("format", value: "FORMAT", help: "jsonl (default)"),
            OptionSpec("output", value: "FILE", short: "o", help: "write to FILE instead of stdout"),
            OptionSpec("as-of", value: "SEQ", help: "the graph as it was after commit SEQ"),
        ],
        run: { arguments, invocation in
            let usage = invocation.usage
            _ = try invocation.format(["jsonl"], usage: usage)
            let store = try invocation.openForReading(asOf: try invocation.asOf(usage: usage))
            defer { store.close() }
            if let output = arguments.value("output") {
                var text = ""
                try JSONLines.export(store.graph) { text += $0 }
                try FileAccess.write(text, to: output)
            } else {
                var chunk = ""
                try JSONLines.export(store.graph) { line in
                    chunk += line
                    if chunk.utf8.count > 1 << 16 {
                        invocation.context.writeOut(chunk)
                        chunk = ""
                    }
                }
                invocation.context.writeOut(chunk)
            }
        }) }
}
