import KGModel
import KGQuerySyntax

/// What an expression may contain where it is being bound.
struct ExpressionContext {
    /// Where the expression stands, for messages ("in WHERE").
    var place: String
    /// Aggregates found so far; nil where aggregates are not allowed.
    var aggregates: [AggregateCall]?
    /// Expressions that stand for an already computed slot (grouping keys, projected items).
    var known: [(expression: Expression, slot: Int)] = []
    /// With `known`: variables outside aggregates must be among `known` (after grouping).
    var onlyKnownVariables = false
    var insideAggregate = false

    init(place: String, aggregates: [AggregateCall]? = nil) {
        self.place = place
        self.aggregates = aggregates
    }
}

/// Binding expressions.
extension Binder {
    mutating func bind(_ expression: Expression, _ context: inout ExpressionContext) throws(QueryError) -> BoundExpression {
        if !context.insideAggregate, let match = context.known.first(where: { $0.expression == expression }) {
            return .slot(match.slot)
        }
        let span = expression.span
        switch expression.kind {
        case .null: return .constant(.null)
        case .bool(let value): return .constant(.bool(value))
        case .integer(let value): return .constant(.int(value))
        case .float(let value): return .constant(.float(value))
        case .string(let value): return .constant(.string(value))
        case .parameter(let name):
            guard let index = parameterIndex[name] else {
                throw .missingParameter(name, given: parameterNames.sorted(), at: span)
            }
            return .parameter(index)
        case .variable(let name):
            if context.onlyKnownVariables && !context.insideAggregate {
                throw .invalid("`\(name)` is neither a grouping key nor inside an aggregate: return it as its own column, or aggregate it", at: span)
            }
            guard let slot = scope[name] else {
                throw .undefinedVariable(name, suggestion: Suggest.closest(to: name, among: scope.keys.filter { !$0.hasPrefix("#") }.sorted()), at: span)
            }
            return .slot(slot)
        case .property(let base, let key):
            let boundBase = try bind(base, &context)
            return .property(boundBase, key, keyIndex: keyIndex(key, at: span))
        case .subscripted(let base, let index):
            return .subscripted(try bind(base, &context), try bind(index, &context))
        case .list(let items):
            var bound: [BoundExpression] = []
            for item in items { bound.append(try bind(item, &context)) }
            return .list(bound)
        case .map(let entries):
            var bound: [(String, BoundExpression)] = []
            for entry in entries { bound.append((entry.key, try bind(entry.value, &context))) }
            return .map(bound)
        case .unary(let op, let operand):
            let bound = try bind(operand, &context)
            switch op {
            case .not: return .not(bound)
            case .minus: return .negate(bound)
            case .plus: return .arithmetic(.add, .constant(.int(0)), bound)
            }
        case .binary(let op, let left, let right):
            let a = try bind(left, &context)
            let b = try bind(right, &context)
            switch op {
            case .and: return .and(a, b)
            case .or: return .or(a, b)
            case .xor: return .xor(a, b)
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return .compare(op, a, b)
            case .add, .subtract, .multiply, .divide, .modulo, .power: return .arithmetic(op, a, b)
            case .startsWith, .endsWith, .contains: return .stringPredicate(op, a, b)
            case .regexMatch: return .regexMatch(a, b)
            case .in: return .inList(a, b)
            }
        case .isNull(let operand, let negated):
            return .isNull(try bind(operand, &context), negated: negated)
        case .hasLabels(let operand, let labels):
            let bound = try bind(operand, &context)
            return .hasLabels(bound, resolveLabels(labels, at: span), names: labels)
        case .countStar:
            return try aggregate(.countStar, distinct: false, argument: nil, expression, &context)
        case .call(let name, let distinct, let arguments):
            if let function = AggregateFunction.named(name) {
                guard arguments.count == 1 else {
                    throw .argumentCount(function: name, expected: "1 argument", actual: arguments.count, at: span)
                }
                return try aggregate(function, distinct: distinct, argument: arguments[0], expression, &context)
            }
            if distinct { throw .invalid("DISTINCT is only allowed inside an aggregate function (count, collect, ...)", at: span) }
            if name.lowercased() == "exists" {
                guard arguments.count == 1, case .property = arguments[0].kind else {
                    throw .invalid("exists() takes a pattern, exists((a)-[:cites]->()), or a property, exists(a.title)", at: span)
                }
                return .isNull(try bind(arguments[0], &context), negated: true)
            }
            guard let builtin = Builtin.named(name) else {
                let known = Builtin.allCases.map(\.name) + ["count", "collect", "min", "max", "sum", "avg", "exists"]
                throw .unknownFunction(name, suggestion: Suggest.closest(to: name, among: known), at: span)
            }
            guard builtin.arity.contains(arguments.count) else {
                let expected = builtin.arity.count == 1 ? "1 argument" : "\(builtin.arity.lowerBound) or more arguments"
                throw .argumentCount(function: builtin.name, expected: expected, actual: arguments.count, at: span)
            }
            if builtin == .date, case .string(let text) = arguments[0].kind {
                guard let day = try? Day(iso: text) else {
                    throw .invalid("date('\(text)') is not a calendar date (write date('YYYY-MM-DD'))", at: arguments[0].span)
                }
                return .constant(.date(day))
            }
            var bound: [BoundExpression] = []
            for argument in arguments { bound.append(try bind(argument, &context)) }
            return .call(builtin, bound)
        case .exists(let part):
            return .exists(try bindExists(part))
        case .listComprehension(let variable, let list, let predicate, let projection):
            let boundList = try bind(list, &context)
            let saved = scope
            let slot = newSlot(variable, kind: .value)
            scope[variable] = slot
            defer { scope = saved }
            var inner = context
            inner.place = "in a list comprehension"
            inner.aggregates = nil
            inner.onlyKnownVariables = false
            let boundPredicate = try predicate.map { expression throws(QueryError) in try bind(expression, &inner) }
            let boundProjection = try projection.map { expression throws(QueryError) in try bind(expression, &inner) }
            return .comprehension(slot: slot, list: boundList, predicate: boundPredicate, projection: boundProjection)
        }
    }

    mutating func aggregate(_ function: AggregateFunction, distinct: Bool, argument: Expression?, _ expression: Expression,
                            _ context: inout ExpressionContext) throws(QueryError) -> BoundExpression {
        guard context.aggregates != nil, !context.insideAggregate else {
            let why = context.insideAggregate ? "inside another aggregate" : context.place
            throw .misplacedAggregate("aggregate \(function.name)() is not allowed \(why)", at: expression.span)
        }
        if let existing = context.aggregates!.first(where: { $0.source == expression }) { return .slot(existing.slot) }
        var boundArgument: BoundExpression?
        if let argument {
            context.insideAggregate = true
            defer { context.insideAggregate = false }
            boundArgument = try bind(argument, &context)
        }
        let slot = newSlot(expression.description, kind: .value)
        context.aggregates!.append(AggregateCall(function: function, distinct: distinct, argument: boundArgument, slot: slot,
                                                 source: expression))
        return .slot(slot)
    }

    /// Whether `expression` contains an aggregate call (outside `exists` patterns).
    static func containsAggregate(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .countStar: return true
        case .call(let name, _, _) where AggregateFunction.named(name) != nil: return true
        default: return expression.children.contains(where: containsAggregate)
        }
    }

    /// The kind of variable a bound expression gives.
    func kind(of expression: BoundExpression) -> VariableKind {
        if case .slot(let slot) = expression { return slotKinds[slot] }
        return .value
    }
}
