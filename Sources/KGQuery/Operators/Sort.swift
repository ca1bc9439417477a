/// ORDER BY: holds the rows, sorts them by the keys (ascending or descending per key, nulls last
/// either way, ties in arrival order) and emits them at the end. With a known SKIP + LIMIT of n it keeps
/// only the best n while collecting (pruning whenever it holds 2n).
final class Sort: Operator {
    let keys: [(expression: BoundExpression, descending: Bool)]
    let skip: BoundExpression?
    let limit: BoundExpression?
    var keep: Int?
    var started = false
    var entries: [(keys: [Value], sequence: Int, row: [Value])] = []
    var sequence = 0

    init(_ context: ExecutionContext, keys: [(expression: BoundExpression, descending: Bool)], skip: BoundExpression?,
         limit: BoundExpression?, next: Operator) {
        self.keys = keys
        self.skip = skip
        self.limit = limit
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        if !started {
            started = true
            if let limit {
                keep = try context.count(limit, row, "LIMIT") + (try skip.map { try context.count($0, row, "SKIP") } ?? 0)
            }
        }
        var values: [Value] = []
        values.reserveCapacity(keys.count)
        for key in keys { values.append(try context.evaluate(key.expression, row)) }
        entries.append((values, sequence, row))
        sequence += 1
        if let keep, entries.count >= max(2 * keep, 1024) {
            sortEntries()
            entries.removeLast(entries.count - keep)
        } else if entries.count > QueryLimits.maxMaterializedRows {
            throw QueryError.tooManyRows(limit: QueryLimits.maxMaterializedRows)
        }
        return true
    }

    func sortEntries() {
        let descending = keys.map(\.descending)
        entries.sort { a, b in
            for index in descending.indices {
                let x = a.keys[index], y = b.keys[index]
                if x.isNull || y.isNull {
                    if x.isNull && y.isNull { continue }
                    return y.isNull
                }
                let sign = Value.order(x, y)
                if sign != 0 { return descending[index] ? sign > 0 : sign < 0 }
            }
            return a.sequence < b.sequence
        }
    }

    override func finish() throws {
        sortEntries()
        if let keep, entries.count > keep { entries.removeLast(entries.count - keep) }
        for index in entries.indices {
            if !(try emit(&entries[index].row)) { break }
        }
        entries = []
        try next?.finish()
    }
}
