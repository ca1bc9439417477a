import Foundation
import KGExtract
import KGInterchange
import KGModel
import KGStore

/// `kg demo`: the main job on a fresh clone. Builds the graph from the bundled corpus when it is not
/// built yet (ingesting only what is new), then shows what is in it.
enum DemoCommand {
    static let corpusFolders = ["Graph/corpus", "Graph/corpus-xml"]

    static var spec: CommandSpec { CommandSpec(
        name: "demo", abstract: "Build the graph from the bundled corpus (if not built yet) and show what it holds.",
        usage: "[--graph PATH]",
        discussion: "Run from the repository root. Ingests Graph/corpus (five papers on JBZ-Raad meetings) and Graph/corpus-xml (eleven papers in publication XML) into the graph, skipping documents already in it, then prints the graph's counts, the documents, and what one paper says with provenance.",
        run: { _, invocation in
            let context = invocation.context
            let folders = corpusFolders.filter { FileManager.default.fileExists(atPath: $0) }
            guard !folders.isEmpty else {
                throw CommandError.refused("no Graph/corpus here; run `kg demo` from the repository root")
            }
            context.out("== kg ingest \(folders.joined(separator: " "))")
            let code = KG.run(["--graph", invocation.graphPath, "ingest"] + folders, context: context)
            guard code == 0 else { throw CommandError.refused("ingesting the bundled corpus failed (see above)") }
            context.out("")
            context.out("== kg stats")
            _ = KG.run(["--graph", invocation.graphPath, "stats"], context: context)
            let store = try invocation.openForReading()
            defer { store.close() }
            let graph = store.graph
            guard let documentLabel = graph.labelNames.id(of: "Document") else { return }
            context.out("")
            context.out("== documents")
            for node in graph.nodes(withLabel: documentLabel) {
                let properties = try graph.properties(ofNode: Int(node))
                let date = properties["date"]?.description ?? "undated"
                let kamerstuk = properties["kamerstuk"].map { " = \($0)" } ?? ""
                let title = properties["title"]?.description ?? ""
                context.out("\(graph.id(of: Int(node)))  \(date)\(kamerstuk)  \(title.count > 70 ? String(title.prefix(70)) + "…" : title)")
            }
            if let motion = graph.index(of: "kst-26643-1011") {
                context.out("")
                context.out("== kg show \(graph.id(of: motion))   (a motion, the papers that refer to it, and where)")
                _ = KG.run(["--graph", invocation.graphPath, "show", "kst-26643-1011"], context: context)
            }
        }) }
}
