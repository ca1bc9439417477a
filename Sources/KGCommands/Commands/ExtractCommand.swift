import KGExtract
import KGModel

/// `kg extract FILE --dump segments|mentions|graph`: what each extraction stage found, without
/// writing the graph.
enum ExtractCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "extract", abstract: "Show what the extractor finds in a document, stage by stage, without writing the graph.",
        usage: "FILE --dump segments|mentions|graph [--reference DIR]",
        options: [
            OptionSpec("dump", value: "STAGE", help: "segments, mentions or graph (default graph)"),
            OptionSpec("reference", value: "DIR", help: "reference tables (default Graph/reference if present, else built in)"),
        ],
        positionals: 1...1,
        run: { arguments, invocation in
            let stage = arguments.value("dump") ?? "graph"
            guard let dump = ExtractionResult.DumpStage(rawValue: stage) else {
                throw CommandError.usage("--dump expects segments, mentions or graph, got '\(stage)'", usage: invocation.usage)
            }
            let reference = try IngestSupport.reference(arguments.value("reference"), context: invocation.context)
            let path = arguments.positionals[0]
            let input = try IngestSupport.input(path)
            let result = Extractor(reference: reference).extract(input)
            invocation.context.writeOut(result.dump(dump))
        }) }
}
