/// Computes projected items into their slots (WITH and RETURN without aggregation).
final class Project: Operator {
    let items: [(slot: Int, expression: BoundExpression)]

    init(_ context: ExecutionContext, items: [(slot: Int, expression: BoundExpression)], next: Operator) {
        self.items = items
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        for item in items { row[item.slot] = try context.evaluate(item.expression, row) }
        return try emit(&row)
    }
}
