import KGModel

/// A variable-length relationship enumerated as trails (no edge twice, nodes may repeat) by an
/// iterative depth-first search: one row per trail whose length lies in the hop range, in adjacency
/// order. The search stack and trail buffer are reused across input rows.
final class VarLengthExpand: Operator {
    let step: VarLengthStep
    var cursors: [EdgeCursor] = []
    var trail: [Int] = []

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
        var properties: [(String, Value)] = []
        for (key, expression) in step.edgeProperties { properties.append((key, try context.evaluate(expression, row))) }
        let hops = step.hops
        if hops.lowerBound == 0, target == nil || target == start, context.passes(start, step.check) {
            if !(try emitTrail(end: start, &row)) { return false }
        }
        if step.impossible || hops.upperBound == 0 { return true }
        let adjacency = context.adjacency
        cursors.removeAll(keepingCapacity: true)
        trail.removeAll(keepingCapacity: true)
        cursors.append(EdgeCursor(node: start, direction: step.direction, types: step.types, adjacency: adjacency))
        while !cursors.isEmpty {
            guard let (edge, other) = cursors[cursors.count - 1].next(adjacency) else {
                cursors.removeLast()
                if !trail.isEmpty { trail.removeLast() }
                continue
            }
            try context.tick()
            if trail.contains(edge) { continue }
            if !step.uniqueAgainst.isEmpty && !isUnique(edge, against: step.uniqueAgainst, in: row) { continue }
            if !properties.isEmpty, !(try context.edgeMatches(edge, properties)) { continue }
            trail.append(edge)
            let length = trail.count
            if length >= hops.lowerBound, target == nil || other == target,
               step.check.isTrivial || context.passes(other, step.check) {
                if !(try emitTrail(end: other, &row)) { return false }
            }
            if length < hops.upperBound {
                cursors.append(EdgeCursor(node: other, direction: step.direction, types: step.types, adjacency: adjacency))
            } else {
                trail.removeLast()
            }
        }
        return true
    }

    func emitTrail(end: Int, _ row: inout [Value]) throws -> Bool {
        if !step.toBound { row[step.to] = .node(end) }
        if step.storeRelationships {
            let edges = step.reversed ? trail.reversed() : trail
            row[step.relationship] = .list(edges.map { .relationship($0) })
        }
        return try emit(&row)
    }
}
