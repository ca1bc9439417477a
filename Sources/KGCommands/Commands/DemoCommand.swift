import Foundation
import KGExtract
import KGInterchange
import KGModel
import KGStore

/// `kg demo`: the main job on a fresh clone. Builds the graph from the bundled corpus when it is not
/// built yet (ingesting only what is new), answers the flagship question (how a motion travels across
/// meetings) with the saved query, and draws the answer as SVG when GraphViz `dot` is installed.
enum DemoCommand {
    static let corpusFolders = ["Graph/corpus", "Graph/corpus-xml"]
    static let flagshipQuery = "Queries/corpus/motion-across-meetings.cypher"
    static let defaultPicture = "out/motion-across-meetings.svg"

    static var spec: CommandSpec { CommandSpec(
        name: "demo", abstract: "Build the graph from the bundled corpus (if not built yet), answer the flagship question and draw it.",
        usage: "[--graph PATH] [-o PICTURE.svg] [--root DIR]",
        discussion: """
        Run from the repository root. Ingests Graph/corpus (five papers on JBZ-Raad meetings) and \
        Graph/corpus-xml (eleven papers in publication XML) into the graph, skipping documents already \
        in it, prints the graph's counts, then answers the flagship question with the saved query \
        \(flagshipQuery): how the motion Kamerstuk 36410-VI, nr. 85 travels across council meetings \
        (the passages citing it, the papers holding them, the meetings those papers are about, by date). \
        The answer is printed as a table and drawn into \(defaultPicture) (or -o PATH) when GraphViz \
        `dot` is installed; without dot it says so and writes the dot text beside it.
        """,
        options: [OptionSpec("output", value: "FILE", short: "o", help: "where to draw the answer (default \(defaultPicture))"),
                  OptionSpec("root", value: "DIR", help: "the Kamergraaf checkout holding Graph/corpus and Queries/ (default: the current folder)")],
        run: { arguments, invocation in
            let context = invocation.context
            let root = arguments.value("root")
            func inRoot(_ path: String) -> String { root.map { ($0 as NSString).appendingPathComponent(path) } ?? path }
            let folders = corpusFolders.map(inRoot).filter { FileManager.default.fileExists(atPath: $0) }
            let flagshipQuery = inRoot(Self.flagshipQuery)
            guard !folders.isEmpty, FileManager.default.fileExists(atPath: flagshipQuery) else {
                throw CommandError.refused("no Graph/corpus or \(Self.flagshipQuery) in \(root ?? "the current folder"); run `kg demo` from the root of a Kamergraaf checkout (or give --root DIR)")
            }
            let graphArguments = ["--graph", invocation.graphPath]
            context.out("== kg ingest \(folders.joined(separator: " "))")
            guard KG.run(graphArguments + ["ingest"] + folders, context: context) == 0 else {
                throw CommandError.refused("ingesting the bundled corpus failed (see above)")
            }
            context.out("")
            context.out("== kg stats")
            _ = KG.run(graphArguments + ["stats"], context: context)

            context.out("")
            context.out("== How does the motion Kamerstuk 36410-VI, nr. 85 travel across meetings?")
            context.out("== kg query -f \(flagshipQuery)")
            guard KG.run(graphArguments + ["query", "-f", flagshipQuery], context: context) == 0 else {
                throw CommandError.refused("the flagship query failed (see above)")
            }

            let picture = arguments.value("output") ?? defaultPicture
            let folder = (picture as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileAccess.createDirectory(folder) }
            context.out("")
            if Drawing.renderedFormat(picture) != nil, Drawing.dotProgram(environment: context.environment) == nil {
                let dotText = (picture as NSString).deletingPathExtension + ".dot"
                _ = KG.run(graphArguments + ["query", "-f", flagshipQuery, "--format", "dot", "-o", dotText], context: context)
                context.out("GraphViz `dot` is not installed, so no picture was drawn (apt-get install graphviz, or brew install graphviz).")
                context.out("The drawing is in \(dotText); render it later with: dot -Tsvg \(dotText) -o \(picture)")
                return
            }
            context.out("== kg query -f \(flagshipQuery) --format dot -o \(picture)")
            guard KG.run(graphArguments + ["query", "-f", flagshipQuery, "--format", "dot", "-o", picture], context: context) == 0 else {
                throw CommandError.refused("drawing the answer into \(picture) failed (see above)")
            }
            context.out("Drew the answer into \(picture): the motion, the passages citing it, their papers and the meetings, with provenance in the tooltips.")
            context.out("Next: kg query -f Queries/corpus/<name>.cypher (see Queries/README.md), kg show ID, kg help.")
        }) }
}
