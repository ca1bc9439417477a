/// UNWIND: one row per element of a list (a non-list value gives one row, null none).
final class Unwind: Operator {
    let expression: BoundExpression
    let slot: Int

    init(_ context: ExecutionContext, expression: BoundExpression, slot: Int, next: Operator) {
        self.expression = expression
        self.slot = slot
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        switch try context.evaluate(expression, row) {
        case .null:
            return true
        case .list(let items):
            for item in items {
                try context.tick()
                row[slot] = item
                if !(try emit(&row)) { return false }
            }
            return true
        case let value:
            row[slot] = value
            return try emit(&row)
        }
    }
}
