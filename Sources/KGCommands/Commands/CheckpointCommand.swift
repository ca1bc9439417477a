import KGStore

/// `kg checkpoint`: writes the snapshot beside the log now.
enum CheckpointCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "checkpoint", abstract: "Write the snapshot beside the log so the next open is fast.",
        usage: "",
        discussion: "The snapshot is derived data: deleting it loses nothing (the log is replayed instead).",
        run: { _, invocation in
            let store = try invocation.openForWriting(create: false)
            defer { store.close() }
            try store.checkpoint()
            invocation.context.out("wrote \(GraphStore.snapshotPath(for: invocation.graphPath)) (commit \(store.graph.lastSequence))")
        }) }
}
