import KGModel

/// One hop from a bound node along the CSR adjacency (per type when types are given), binding the
/// relationship and the far node; or, when the far node is bound too (ExpandInto), checking that an
/// edge joins them (a binary search per type when the types are known).
final class Expand: Operator {
    let step: ExpandStep

    init(_ context: ExecutionContext, step: ExpandStep, next: Operator) {
        self.step = step
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        guard !step.impossible, case .node(let from) = row[step.from] else { return true }
        var target: Int?
        if step.toBound {
            guard case .node(let bound) = row[step.to] else { return true }
            target = bound
        }
        var required: Int?
        if step.relationshipBound {
            guard case .relationship(let edge) = row[step.relationship] else { return true }
            required = edge
        }
        let adjacency = context.adjacency
        if let target, required == nil, let types = step.types, step.direction != .both {
            // Both ends known: look the edge up instead of scanning.
            for type in types {
                try context.tick()
                let edge = step.direction == .outgoing
                    ? adjacency.edge(from: from, type: type, to: target) : adjacency.edge(from: target, type: type, to: from)
                guard let edge, isUnique(edge, against: step.uniqueAgainst, in: row) else { continue }
                row[step.relationship] = .relationship(edge)
                if !(try emit(&row)) { return false }
            }
            return true
        }
        var cursor = EdgeCursor(node: from, direction: step.direction, types: step.types, adjacency: adjacency)
        while let (edge, other) = cursor.next(adjacency) {
            try context.tick()
            if let target, other != target { continue }
            if let required, edge != required { continue }
            if !step.check.isTrivial && !context.passes(other, step.check) { continue }
            if !step.uniqueAgainst.isEmpty && !isUnique(edge, against: step.uniqueAgainst, in: row) { continue }
            if required == nil { row[step.relationship] = .relationship(edge) }
            if target == nil { row[step.to] = .node(other) }
            if !(try emit(&row)) { return false }
        }
        return true
    }
}
