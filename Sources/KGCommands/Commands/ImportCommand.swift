import KGInterchange
import KGModel
import KGStore

/// `kg import FILE.jsonl`: appends a JSON Lines graph as one transaction.
enum ImportCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "import", abstract: "Import a graph in JSON Lines form as one transaction.",
        usage: "FILE.jsonl|- [--source NAME] [--no-sync] [--format text|json]",
        discussion: """
        Every line is checked before anything is written: one bad line refuses the whole file.
        The source key (default: the file's absolute path, or "stdin") identifies the file across
        imports: importing the same bytes again adds nothing; importing changed bytes under the same
        source retracts what the earlier import said and states the new content. The graph file is
        created when it does not exist.
        """,
        options: [
            OptionSpec("source", value: "NAME", help: "source key for supersession (default: absolute path)"),
            OptionSpec("no-sync", help: "skip fsync at commit: faster bulk loads, UNSAFE on crash or power loss"),
            OptionSpec("format", value: "FORMAT", help: "output: text (default) or json"),
        ],
        positionals: 1...1,
        run: { arguments, invocation in
            let usage = invocation.usage
            let format = try invocation.format(["text", "json"], usage: usage)
            let path = arguments.positionals[0]
            let context = invocation.context
            // An existing graph is locked first, so a second writer fails at once rather than after
            // parsing a large input; a new one is created only once the input has parsed.
            let existing = context.storage.exists(invocation.graphPath) ? try invocation.openForWriting(create: false) : nil
            defer { existing?.close() }
            let bytes = try invocation.readInput(path)
            let sourceName = path == "-" ? "stdin" : path
            let batch = try JSONLines.decode(bytes, source: sourceName, progress: context.progress("parsing lines"))
            context.endProgress()
            let store = try existing ?? invocation.openForWriting(create: true)
            defer { if existing == nil { store.close() } }
            let source = arguments.value("source") ?? (path == "-" ? "stdin" : FileAccess.absolute(path))
            let hash = SHA256.hex(of: bytes)
            let outcome = try store.commit(batch, source: source, sourceHash: hash, progress: context.progress("writing records"))
            context.endProgress()
            switch outcome {
            case .unchanged(let sequence):
                if format == "json" {
                    context.out(JSONWriter.encode(.object([("status", .string("unchanged")), ("sequence", .integer(Int64(sequence)))])))
                } else {
                    context.out("unchanged: \(sourceName) was imported with the same bytes as transaction \(sequence); nothing added")
                }
            case .committed(let info, let superseded):
                if format == "json" {
                    context.out(JSONWriter.encode(.object([
                        ("status", .string("committed")), ("sequence", .integer(Int64(info.sequence))),
                        ("nodes", .integer(Int64(info.nodeFacts))), ("edges", .integer(Int64(info.edgeFacts))),
                        ("retractions", .integer(Int64(info.retractions))), ("superseded", .bool(superseded)),
                    ])))
                } else {
                    var line = "committed transaction \(info.sequence): \(info.nodeFacts) node facts, \(info.edgeFacts) edge facts"
                    if info.retractions > 0 { line += ", \(info.retractions) retractions" }
                    if superseded { line += " (replaces the earlier import of this source)" }
                    context.out(line)
                }
            }
        }) }
}
