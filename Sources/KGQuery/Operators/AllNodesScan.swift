/// Binds a node slot to every existing node, in node-index order.
final class AllNodesScan: Operator {
    let step: AnchorStep

    init(_ context: ExecutionContext, step: AnchorStep, next: Operator) {
        self.step = step
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        let graph = context.graph
        for node in 0..<graph.nodeCount where graph.isAlive(node) {
            try context.tick()
            guard context.passes(node, step.check) else { continue }
            row[step.slot] = .node(node)
            if !(try emit(&row)) { return false }
        }
        return true
    }
}
