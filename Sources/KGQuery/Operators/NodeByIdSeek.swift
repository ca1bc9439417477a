/// Binds a node slot by id lookup in the interned id table: O(1) per id. The expression is evaluated
/// for each input row (it may read earlier variables or parameters); a list gives one row per id.
final class NodeByIdSeek: Operator {
    let step: AnchorStep
    let expression: BoundExpression
    let isList: Bool

    init(_ context: ExecutionContext, step: AnchorStep, expression: BoundExpression, isList: Bool, next: Operator) {
        self.step = step
        self.expression = expression
        self.isList = isList
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        let value = try context.evaluate(expression, row)
        if isList {
            guard case .list(let items) = value else {
                if value.isNull { return true }
                throw QueryError.typeMismatch("`id IN` expects a list, got \(value.typeName)")
            }
            for item in items {
                try context.tick()
                if !(try seek(item, &row)) { return false }
            }
            return true
        }
        return try seek(value, &row)
    }

    func seek(_ value: Value, _ row: inout [Value]) throws -> Bool {
        guard case .string(let id) = value, let node = context.graph.index(of: id), context.passes(node, step.check) else {
            return true
        }
        row[step.slot] = .node(node)
        return try emit(&row)
    }
}
