/// SKIP n: drops the first n rows.
final class Skip: Operator {
    let expression: BoundExpression
    var remaining: Int?

    init(_ context: ExecutionContext, expression: BoundExpression, next: Operator) {
        self.expression = expression
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        if remaining == nil { remaining = try context.count(expression, row, "SKIP") }
        if remaining! > 0 {
            remaining! -= 1
            return true
        }
        return try emit(&row)
    }
}
