import KGInterchange
import KGModel
import KGStore

/// `kg demo`: the main job on a fresh clone. Builds the graph from the bundled data when it is not
/// built yet, then shows what is in it.
enum DemoCommand {
    static let defaultSample = "Graph/sample/jbz-raad-2024-07.jsonl"

    static var spec: CommandSpec { CommandSpec(
        name: "demo", abstract: "Build the graph from the bundled data (if not built yet) and show it.",
        usage: "[--sample FILE.jsonl]",
        discussion: "Run from the repository root. Loads the sample graph drawn from Graph/corpus/000 (a letter on the informal JBZ-Raad of July 2024), then prints the graph's counts and the letter's node with its edges and provenance.",
        options: [OptionSpec("sample", value: "FILE", help: "the sample graph (default \(defaultSample))")],
        run: { arguments, invocation in
            let context = invocation.context
            let sample = arguments.value("sample") ?? defaultSample
            let bytes: [UInt8]
            do { bytes = try FileAccess.read(sample) } catch {
                throw CommandError.refused("\(error); run `kg demo` from the repository root, or pass --sample FILE.jsonl")
            }
            let batch = try JSONLines.decode(bytes, source: sample)
            let store = try invocation.openForWriting(create: true)
            let outcome = try store.commit(batch, source: "sample:" + sample, sourceHash: SHA256.hex(of: bytes))
            switch outcome {
            case .unchanged(let sequence): context.note("\(invocation.graphPath): sample already loaded (transaction \(sequence))")
            case .committed(let info, _): context.note("\(invocation.graphPath): loaded \(sample) as transaction \(info.sequence)")
            }
            store.close()
            context.out("== kg stats")
            _ = KG.run(["--graph", invocation.graphPath, "stats"], context: context)
            guard let document = batch.nodes.first(where: { $0.labels.contains(.document) }) else { return }
            context.out("")
            context.out("== kg show \(document.id)")
            _ = KG.run(["--graph", invocation.graphPath, "show", document.id.rawValue], context: context)
        }) }
}
