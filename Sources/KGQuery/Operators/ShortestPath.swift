import KGModel

/// `shortestPath` / `allShortestPaths` between two bound nodes by bidirectional breadth-first search;
/// binds the path variable and the relationship list.
final class ShortestPath: Operator {
    let step: ShortestPathStep

    init(_ context: ExecutionContext, step: ShortestPathStep, next: Operator) {
        self.step = step
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        guard case .node(let from) = row[step.from], case .node(let to) = row[step.to] else { return true }
        if from == to && step.hops.lowerBound > 0 { return true }
        var filter: ((Int) throws -> Bool)?
        if !step.edgeProperties.isEmpty {
            var properties: [(String, Value)] = []
            for (key, expression) in step.edgeProperties { properties.append((key, try context.evaluate(expression, row))) }
            let context = self.context
            filter = { edge in try context.edgeMatches(edge, properties) }
        }
        let types: [UInt16]? = step.impossible ? [] : step.types
        let kernels = context.kernels
        let paths: [PathValue]
        if step.all {
            paths = try kernels.allShortestPaths(from: from, to: to, types: types, direction: step.direction, maxHops: step.hops.upperBound,
                                                 edgeFilter: filter, limit: QueryLimits.maxMaterializedRows)
        } else {
            let found = try kernels.shortestPathSearch(from: from, to: to, types: types, direction: step.direction,
                                                       maxHops: step.hops.upperBound, edgeFilter: filter, buildPath: true)
            paths = found?.path.map { [$0] } ?? []
        }
        for path in paths {
            if let slot = step.path { row[slot] = .path(path) }
            row[step.relationship] = .list(path.relationships.map { .relationship($0) })
            if !(try emit(&row)) { return false }
        }
        return true
    }
}
