import KGModel
import KGQuerySyntax

/// An expression after binding: variables are row slots, parameters are indices, labels are label ids,
/// functions are resolved, aggregates are replaced by the slots their results land in.
indirect enum BoundExpression: Sendable {
    case constant(Value)
    /// Parameter by index into the query's parameter values.
    case parameter(Int)
    /// A row slot.
    case slot(Int)
    /// `base.key`; for a node, `id` is its id string. The index counts reads and hits per key (for the
    /// warning about keys no element has).
    case property(BoundExpression, String, keyIndex: Int)
    case subscripted(BoundExpression, BoundExpression)
    case list([BoundExpression])
    case map([(String, BoundExpression)])
    case not(BoundExpression)
    case negate(BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case xor(BoundExpression, BoundExpression)
    /// `=`, `<>`, `<`, `<=`, `>`, `>=`.
    case compare(BinaryOperator, BoundExpression, BoundExpression)
    /// `+`, `-`, `*`, `/`, `%`, `^`.
    case arithmetic(BinaryOperator, BoundExpression, BoundExpression)
    /// STARTS WITH, ENDS WITH, CONTAINS.
    case stringPredicate(BinaryOperator, BoundExpression, BoundExpression)
    case regexMatch(BoundExpression, BoundExpression)
    case inList(BoundExpression, BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    /// Label test; nil labels when one of them does not exist in the graph (never true).
    case hasLabels(BoundExpression, [UInt16]?, names: [String])
    case call(Builtin, [BoundExpression])
    /// `exists(pattern)`: index of the pattern's sub-plan.
    case exists(Int)
    /// `[x IN list WHERE predicate | projection]`: `slot` holds each element in turn.
    case comprehension(slot: Int, list: BoundExpression, predicate: BoundExpression?, projection: BoundExpression?)

    /// Row slots this expression reads (the sub-plan of `exists` reports its outer slots separately).
    func collectSlots(into slots: inout Set<Int>, existsSlots: [Set<Int>]) {
        switch self {
        case .constant, .parameter: break
        case .slot(let slot): slots.insert(slot)
        case .property(let base, _, _), .not(let base), .negate(let base), .isNull(let base, _), .hasLabels(let base, _, _):
            base.collectSlots(into: &slots, existsSlots: existsSlots)
        case .subscripted(let a, let b), .and(let a, let b), .or(let a, let b), .xor(let a, let b),
             .compare(_, let a, let b), .arithmetic(_, let a, let b), .stringPredicate(_, let a, let b),
             .regexMatch(let a, let b), .inList(let a, let b):
            a.collectSlots(into: &slots, existsSlots: existsSlots)
            b.collectSlots(into: &slots, existsSlots: existsSlots)
        case .list(let items), .call(_, let items):
            for item in items { item.collectSlots(into: &slots, existsSlots: existsSlots) }
        case .map(let entries):
            for (_, value) in entries { value.collectSlots(into: &slots, existsSlots: existsSlots) }
        case .exists(let index):
            slots.formUnion(existsSlots[index])
        case .comprehension(let slot, let list, let predicate, let projection):
            list.collectSlots(into: &slots, existsSlots: existsSlots)
            var inner = Set<Int>()
            predicate?.collectSlots(into: &inner, existsSlots: existsSlots)
            projection?.collectSlots(into: &inner, existsSlots: existsSlots)
            inner.remove(slot)
            slots.formUnion(inner)
        }
    }

    /// Whether the expression is a constant or parameter (the same for every row).
    var isRowIndependent: Bool {
        var slots = Set<Int>()
        var hasExists = false
        walk { if case .exists = $0 { hasExists = true } }
        if hasExists { return false }
        collectSlots(into: &slots, existsSlots: [])
        return slots.isEmpty
    }

    func walk(_ visit: (BoundExpression) -> Void) {
        visit(self)
        switch self {
        case .constant, .parameter, .slot, .exists: break
        case .property(let base, _, _), .not(let base), .negate(let base), .isNull(let base, _), .hasLabels(let base, _, _):
            base.walk(visit)
        case .subscripted(let a, let b), .and(let a, let b), .or(let a, let b), .xor(let a, let b),
             .compare(_, let a, let b), .arithmetic(_, let a, let b), .stringPredicate(_, let a, let b),
             .regexMatch(let a, let b), .inList(let a, let b):
            a.walk(visit)
            b.walk(visit)
        case .list(let items), .call(_, let items):
            for item in items { item.walk(visit) }
        case .map(let entries):
            for (_, value) in entries { value.walk(visit) }
        case .comprehension(_, let list, let predicate, let projection):
            list.walk(visit)
            predicate?.walk(visit)
            projection?.walk(visit)
        }
    }

    /// Splits nested ANDs into their conjuncts.
    var conjuncts: [BoundExpression] {
        if case .and(let a, let b) = self { return a.conjuncts + b.conjuncts }
        return [self]
    }
}

/// Prints bound expressions for `--explain`, naming slots by their variables.
struct ExpressionPrinter {
    let slotNames: [String]
    let parameterNames: [String]

    func text(_ expression: BoundExpression) -> String {
        switch expression {
        case .constant(let value): return ValueText.literal(value)
        case .parameter(let index): return "$" + parameterNames[index]
        case .slot(let slot): return slotNames[slot]
        case .property(let base, let key, _): return text(base) + "." + key
        case .subscripted(let base, let index): return text(base) + "[" + text(index) + "]"
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { $0.0 + ": " + text($0.1) }.joined(separator: ", ") + "}"
        case .not(let operand): return "NOT " + wrapped(operand)
        case .negate(let operand): return "-" + wrapped(operand)
        case .and(let a, let b): return wrapped(a) + " AND " + wrapped(b)
        case .or(let a, let b): return wrapped(a) + " OR " + wrapped(b)
        case .xor(let a, let b): return wrapped(a) + " XOR " + wrapped(b)
        case .compare(let op, let a, let b), .arithmetic(let op, let a, let b), .stringPredicate(let op, let a, let b):
            return wrapped(a) + " " + op.rawValue + " " + wrapped(b)
        case .regexMatch(let a, let b): return wrapped(a) + " =~ " + wrapped(b)
        case .inList(let a, let b): return wrapped(a) + " IN " + wrapped(b)
        case .isNull(let operand, let negated): return wrapped(operand) + (negated ? " IS NOT NULL" : " IS NULL")
        case .hasLabels(let operand, _, let names): return wrapped(operand) + names.map { ":" + $0 }.joined()
        case .call(let builtin, let arguments): return builtin.name + "(" + arguments.map(text).joined(separator: ", ") + ")"
        case .exists(let index): return "exists(pattern \(index + 1))"
        case .comprehension(let slot, let list, let predicate, let projection):
            return "[" + slotNames[slot] + " IN " + text(list) + (predicate.map { " WHERE " + text($0) } ?? "")
                + (projection.map { " | " + text($0) } ?? "") + "]"
        }
    }

    func wrapped(_ expression: BoundExpression) -> String {
        switch expression {
        case .and, .or, .xor, .compare, .arithmetic, .stringPredicate, .regexMatch, .inList, .isNull, .not, .negate:
            return "(" + text(expression) + ")"
        default:
            return text(expression)
        }
    }
}
