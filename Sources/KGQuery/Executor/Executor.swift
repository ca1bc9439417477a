import KGModel

/// Builds the operator pipeline of a logical plan and runs it: one empty row in, every result row out
/// through `consume` (return false to stop early).
enum Executor {
    static func run(_ plan: LogicalPlan, context: ExecutionContext, bindings: BoundSubgraph? = nil,
                    consume: @escaping ([Value]) throws -> Bool) throws {
        let width = plan.slotNames.count
        context.existsChains = []
        // The chains' operators hold the context: drop them after the run, or the two keep each other alive.
        defer { context.existsChains = [] }
        for steps in plan.existsPlans {
            let tap = ExistsTap(context, next: nil)
            context.existsChains.append((build(steps, next: tap, context: context, width: width), tap))
        }
        let sink = ProduceResults(context, slots: plan.columns.map(\.slot), consume: consume)
        var steps = plan.steps
        if let bindings, let last = steps.lastIndex(where: { step in
            if case .project = step { return true }
            if case .aggregate = step { return true }
            return false
        }) {
            steps.insert(.tap(bindings), at: last)
        }
        let head = build(steps, next: sink, context: context, width: width)
        var row = [Value](repeating: .null, count: width)
        do {
            _ = try head.push(&row)
            try head.finish()
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError.graph("\(error)")
        }
    }

    /// Operators for `steps`, back to front, ending in `next`; returns the first.
    static func build(_ steps: [PlanStep], next: Operator, context: ExecutionContext, width: Int) -> Operator {
        var current = next
        for step in steps.reversed() {
            switch step {
            case .anchor(let anchor):
                switch anchor.kind {
                case .seek(let expression, let isList):
                    current = NodeByIdSeek(context, step: anchor, expression: expression, isList: isList, next: current)
                case .labelScan(let label):
                    current = NodeByLabelScan(context, step: anchor, label: label, next: current)
                case .allNodes:
                    current = AllNodesScan(context, step: anchor, next: current)
                }
            case .expand(let expand):
                current = Expand(context, step: expand, next: current)
            case .varLength(let varLength):
                current = varLength.mode == .paths
                    ? VarLengthExpand(context, step: varLength, next: current)
                    : DistinctEndpoints(context, step: varLength, next: current)
            case .shortestPath(let shortest):
                current = ShortestPath(context, step: shortest, next: current)
            case .filter(let predicate):
                current = Filter(context, predicate: predicate, next: current)
            case .buildPath(let path):
                current = BuildPath(context, step: path, next: current)
            case .optional(let inner, let nullSlots):
                let optional = OptionalMatch(context, nullSlots: nullSlots, next: current)
                optional.inner = build(inner, next: optional.tap, context: context, width: width)
                current = optional
            case .unwind(let expression, let slot):
                current = Unwind(context, expression: expression, slot: slot, next: current)
            case .project(let items):
                current = Project(context, items: items, next: current)
            case .aggregate(let aggregation):
                current = Aggregate(context, aggregation: aggregation, width: width, next: current)
            case .distinct(let slots):
                current = Distinct(context, slots: slots, next: current)
            case .sort(let keys, let skip, let limit):
                current = Sort(context, keys: keys, skip: skip, limit: limit, next: current)
            case .skip(let expression):
                current = Skip(context, expression: expression, next: current)
            case .limit(let expression):
                current = Limit(context, expression: expression, next: current)
            case .produceResults:
                break
            case .tap(let bindings):
                current = BindingsTap(context, bindings: bindings, next: current)
            }
        }
        return current
    }
}
