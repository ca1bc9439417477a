import KGModel

/// A variable-length relationship whose paths nobody reads, feeding only duplicate-insensitive
/// consumers: one row per distinct end node, found by breadth-first search over distinct nodes
/// (`TraversalKernels.distinctEndpoints`) instead of enumerating trails. With the far node bound it is a
/// reachability check with early exit.
final class DistinctEndpoints: Operator {
    let step: VarLengthStep
    var buffer: [UInt32] = []

    init(_ context: ExecutionContext, step: VarLengthStep, next: Operator) {
        self.step = step
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        guard case .node(let start) = row[step.from] else { return true }
        var target: Int?
        if step.toBound {
            guard case .node(let bound) = row[step.to] else { return true }
            target = bound
        }
        var filter: ((Int) throws -> Bool)?
        if !step.edgeProperties.isEmpty {
            var properties: [(String, Value)] = []
            for (key, expression) in step.edgeProperties { properties.append((key, try context.evaluate(expression, row))) }
            let context = self.context
            filter = { edge in try context.edgeMatches(edge, properties) }
        }
        let types: [UInt16]? = step.impossible ? [] : step.types
        let found = try context.kernels.distinctEndpoints(from: start, types: types, direction: step.direction, hops: step.hops,
                                                          edgeFilter: filter, stopAt: target, into: &buffer)
        if let target {
            guard found, context.passes(target, step.check) else { return true }
            return try emit(&row)
        }
        for node in buffer {
            let index = Int(node)
            guard step.check.isTrivial || context.passes(index, step.check) else { continue }
            row[step.to] = .node(index)
            if !(try emit(&row)) { return false }
        }
        return true
    }
}
