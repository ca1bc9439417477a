/// Binds a node slot to every node with a label, in node-index order (the graph's label index).
final class NodeByLabelScan: Operator {
    let step: AnchorStep
    let label: UInt16

    init(_ context: ExecutionContext, step: AnchorStep, label: UInt16, next: Operator) {
        self.step = step
        self.label = label
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        for node in context.graph.nodes(withLabel: label) {
            try context.tick()
            let index = Int(node)
            guard context.passes(index, step.check) else { continue }
            row[step.slot] = .node(index)
            if !(try emit(&row)) { return false }
        }
        return true
    }
}
