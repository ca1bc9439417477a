/// OPTIONAL MATCH: runs the inner pipeline for each row; when it yields nothing, passes the row on
/// once with the clause's new variables set to null.
final class OptionalMatch: Operator {
    var inner: Operator!
    let tap: OptionalTap
    let nullSlots: [Int]

    init(_ context: ExecutionContext, nullSlots: [Int], next: Operator) {
        self.nullSlots = nullSlots
        self.tap = OptionalTap(context, next: next)
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        tap.matched = false
        if !(try inner.push(&row)) { return false }
        if tap.matched { return true }
        for slot in nullSlots { row[slot] = .null }
        return try emit(&row)
    }
}

/// The end of an OPTIONAL MATCH's inner pipeline: records that it matched and passes rows on.
final class OptionalTap: Operator {
    var matched = false

    override func push(_ row: inout [Value]) throws -> Bool {
        matched = true
        return try emit(&row)
    }

    /// The inner pipeline never finishes the outer one.
    override func finish() throws {}
}
