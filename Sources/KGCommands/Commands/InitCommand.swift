import KGStore

/// `kg init`: creates an empty graph file.
enum InitCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "init", abstract: "Create an empty graph file.", usage: "[--graph PATH]",
        discussion: "Refuses to overwrite an existing file.",
        run: { _, invocation in
            let store = try GraphStore.create(at: invocation.graphPath, storage: invocation.context.storage)
            store.close()
            invocation.context.out("created \(invocation.graphPath)")
        }) }
}
