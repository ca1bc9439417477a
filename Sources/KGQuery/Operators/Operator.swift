/// A physical operator of the push-based pipeline: each receives rows from the one before it, works on
/// them in place and pushes results on to `next`. Rows are fixed-width arrays of slots shared along the
/// chain, so streaming operators allocate nothing per row.
///
/// `push` returns false when no more rows are wanted (a LIMIT was reached); every loop stops then.
/// `finish` is called once after the last row: breakers (aggregate, sort) emit what they hold there.
class Operator {
    let context: ExecutionContext
    let next: Operator?

    init(_ context: ExecutionContext, next: Operator?) {
        self.context = context
        self.next = next
    }

    /// Takes one row; returns false when upstream should stop.
    func push(_ row: inout [Value]) throws -> Bool {
        try next?.push(&row) ?? true
    }

    /// End of input.
    func finish() throws {
        try next?.finish()
    }

    /// Pushes to `next` (an operator that always has one).
    @inline(__always)
    final func emit(_ row: inout [Value]) throws -> Bool {
        try next!.push(&row)
    }
}

/// Whether `edge` differs from every relationship held in `slots` (single edges or lists of them):
/// the trail rule within one MATCH.
@inline(__always)
func isUnique(_ edge: Int, against slots: [Int], in row: [Value]) -> Bool {
    for slot in slots {
        switch row[slot] {
        case .relationship(let other): if other == edge { return false }
        case .list(let items): if items.contains(.relationship(edge)) { return false }
        default: break
        }
    }
    return true
}
