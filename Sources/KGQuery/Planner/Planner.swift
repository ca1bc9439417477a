import KGModel
import KGQuerySyntax

/// Turns a bound query into a logical plan. For each MATCH it starts from the most selective anchor
/// (an id lookup, else the rarest label, else a full scan; estimated from label counts), grows the
/// pattern greedily along its relationships (cheapest far end first; both ends bound means a check),
/// places each WHERE conjunct right after the step that binds its last variable, and picks the
/// breadth-first distinct-endpoint search for variable-length parts whose paths nobody looks at.
struct Planner {
    let graph: Graph
    let query: BoundQuery

    static func plan(_ query: BoundQuery, graph: Graph) -> LogicalPlan {
        let planner = Planner(graph: graph, query: query)
        var bound = Set<Int>()
        var steps: [PlanStep] = []
        for clause in query.clauses {
            switch clause {
            case .match(let pattern):
                let inner = planner.planPattern(pattern, bound: &bound)
                if pattern.optional {
                    steps.append(.optional(inner, nullSlots: pattern.introduced))
                } else {
                    steps += inner
                }
            case .unwind(let expression, let slot):
                steps.append(.unwind(expression, slot: slot))
                bound.insert(slot)
            case .projection(let projection):
                steps += planner.planProjection(projection, columns: query.columns)
                bound = Set(projection.itemSlots)
            }
        }
        var existsPlans: [[PlanStep]] = []
        for (index, pattern) in query.existsPatterns.enumerated() {
            var outer = query.existsOuterSlots[index]
            existsPlans.append(planner.planPattern(pattern, bound: &outer))
        }
        var plan = LogicalPlan(steps: steps, existsPlans: existsPlans, slotNames: query.slotNames,
                               parameterNames: query.parameterNames, columns: query.columns, propertyKeys: query.propertyKeys)
        plan.labelNames = graph.labelNames.names
        return plan
    }

    // MARK: - Projections

    func planProjection(_ projection: BoundProjection, columns: [(name: String, slot: Int)]) -> [PlanStep] {
        var steps: [PlanStep] = []
        if let aggregation = projection.aggregation {
            steps.append(.aggregate(aggregation))
            if !aggregation.post.isEmpty { steps.append(.project(aggregation.post)) }
        } else if !projection.projections.isEmpty {
            steps.append(.project(projection.projections))
        }
        if projection.distinct { steps.append(.distinct(projection.itemSlots)) }
        if !projection.orderBy.isEmpty {
            steps.append(.sort(projection.orderBy, skip: projection.skip, limit: projection.limit))
        }
        if let skip = projection.skip { steps.append(.skip(skip)) }
        if let limit = projection.limit { steps.append(.limit(limit)) }
        if let predicate = projection.predicate { steps += predicate.conjuncts.map { .filter($0) } }
        if projection.isReturn { steps.append(.produceResults(columns)) }
        return steps
    }

    // MARK: - Estimates

    func labelCount(_ label: UInt16) -> Int { graph.nodes(withLabel: label).count }

    /// Rows an anchor on `node` would produce.
    func estimate(_ node: PatternNode, seek: Bool) -> Double {
        if node.impossible { return 0 }
        if seek { return 1 }
        if let rarest = node.labels.map(labelCount).min() { return Double(rarest) }
        return Double(graph.nodeCount)
    }

    /// Average edges per node of the given types, for the explain estimates.
    func fanOut(_ types: [UInt16]?, impossible: Bool) -> Double {
        if impossible { return 0 }
        let nodes = max(1, graph.nodeCount)
        return Double(graph.edgeCount) / Double(nodes) * (types == nil ? 1 : min(1, Double(types!.count) / Double(max(1, graph.typeNames.count))))
    }

    static func overlaps(_ a: [UInt16]?, _ b: [UInt16]?) -> Bool {
        guard let a, let b else { return true }
        return !Set(a).isDisjoint(with: b)
    }
}
