/// Passes each distinct combination of the item slots once, in first-seen order (streaming).
final class Distinct: Operator {
    let slots: [Int]
    var seen: Set<[Value]> = []

    init(_ context: ExecutionContext, slots: [Int], next: Operator) {
        self.slots = slots
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        let key = slots.map { row[$0] }
        guard seen.insert(key).inserted else { return true }
        if seen.count > QueryLimits.maxMaterializedRows { throw QueryError.tooManyRows(limit: QueryLimits.maxMaterializedRows) }
        return try emit(&row)
    }
}
