/// LIMIT n: passes n rows, then tells upstream to stop.
final class Limit: Operator {
    let expression: BoundExpression
    var remaining: Int?

    init(_ context: ExecutionContext, expression: BoundExpression, next: Operator) {
        self.expression = expression
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        if remaining == nil { remaining = try context.count(expression, row, "LIMIT") }
        guard remaining! > 0 else { return false }
        remaining! -= 1
        let more = try emit(&row)
        return more && remaining! > 0
    }
}

extension ExecutionContext {
    /// The non-negative integer a SKIP or LIMIT expression gives.
    func count(_ expression: BoundExpression, _ row: [Value], _ what: String) throws(QueryError) -> Int {
        let value = try evaluate(expression, row)
        guard case .int(let n) = value, n >= 0 else {
            throw .typeMismatch("\(what) expects a non-negative integer, got \(ValueText.literal(value))")
        }
        return Int(n)
    }
}
