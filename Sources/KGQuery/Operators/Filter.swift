/// Keeps the rows for which the predicate is true (null and false drop them).
final class Filter: Operator {
    let predicate: BoundExpression

    init(_ context: ExecutionContext, predicate: BoundExpression, next: Operator) {
        self.predicate = predicate
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        guard try context.isTrue(predicate, row) else { return true }
        return try emit(&row)
    }
}
