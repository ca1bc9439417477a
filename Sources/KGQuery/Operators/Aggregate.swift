/// Implicit grouping: rows with equal grouping keys form a group (in first-seen order); each
/// aggregate folds its argument over the group. Emits one row per group at the end (one row with
/// empty results when there are no keys and no input).
final class Aggregate: Operator {
    let aggregation: Aggregation
    let width: Int
    /// The aggregates' functions and arguments, unpacked once (copying the calls per row costs).
    let functions: [AggregateFunction]
    let arguments: [BoundExpression?]
    var groups: [[Value]: Int] = [:]
    var keys: [[Value]] = []
    var states: [[AggregateState]] = []

    init(_ context: ExecutionContext, aggregation: Aggregation, width: Int, next: Operator) {
        self.aggregation = aggregation
        self.width = width
        functions = aggregation.aggregates.map(\.function)
        arguments = aggregation.aggregates.map(\.argument)
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        let group: Int
        if aggregation.keys.isEmpty {
            if states.isEmpty { newGroup([]) }
            group = 0
        } else {
            var key: [Value] = []
            key.reserveCapacity(aggregation.keys.count)
            for item in aggregation.keys { key.append(try context.evaluate(item.expression, row)) }
            if let existing = groups[key] {
                group = existing
            } else {
                group = keys.count
                groups[key] = group
                newGroup(key)
                if keys.count > QueryLimits.maxMaterializedRows { throw QueryError.tooManyRows(limit: QueryLimits.maxMaterializedRows) }
            }
        }
        for index in functions.indices {
            let value: Value
            if let argument = arguments[index] { value = try context.evaluate(argument, row) } else { value = .bool(true) }
            try states[group][index].add(value, functions[index])
        }
        return true
    }

    func newGroup(_ key: [Value]) {
        keys.append(key)
        states.append(aggregation.aggregates.map { AggregateState(distinct: $0.distinct) })
    }

    override func finish() throws {
        if states.isEmpty && aggregation.keys.isEmpty { newGroup([]) }
        var row = [Value](repeating: .null, count: width)
        for group in keys.indices {
            for (index, item) in aggregation.keys.enumerated() { row[item.slot] = keys[group][index] }
            for (index, call) in aggregation.aggregates.enumerated() { row[call.slot] = states[group][index].result(call.function) }
            if !(try emit(&row)) { break }
        }
        groups = [:]
        keys = []
        states = []
        try next?.finish()
    }
}

/// The running state of one aggregate over one group.
struct AggregateState {
    var count: Int64 = 0
    var seen: Set<Value>?
    /// DISTINCT over nodes: node indices (cheaper to hash than values).
    var seenNodes = NodeSet()
    var items: [Value] = []
    var best: Value?
    var intSum: Int64 = 0
    var floatSum: Double = 0
    var sawFloat = false

    init(distinct: Bool) {
        if distinct { seen = [] }
    }

    mutating func add(_ value: Value, _ function: AggregateFunction) throws(QueryError) {
        if function == .countStar {
            count += 1
            return
        }
        if value.isNull { return }
        if seen != nil {
            if case .node(let node) = value {
                guard seenNodes.insert(node) else { return }
            } else {
                guard seen!.insert(value).inserted else { return }
            }
            if seen!.count + seenNodes.count > QueryLimits.maxMaterializedRows { throw .tooManyRows(limit: QueryLimits.maxMaterializedRows) }
        }
        switch function {
        case .count, .countStar:
            count += 1
        case .collect:
            items.append(value)
            if items.count > QueryLimits.maxMaterializedRows { throw .tooManyRows(limit: QueryLimits.maxMaterializedRows) }
        case .min:
            if best == nil || Value.order(value, best!) < 0 { best = value }
        case .max:
            if best == nil || Value.order(value, best!) > 0 { best = value }
        case .sum, .avg:
            count += 1
            switch value {
            case .int(let i):
                if sawFloat {
                    floatSum += Double(i)
                } else {
                    let (sum, overflow) = intSum.addingReportingOverflow(i)
                    guard !overflow else { throw .typeMismatch("integer overflow in \(function.name)()") }
                    intSum = sum
                }
            case .float(let d):
                if !sawFloat {
                    sawFloat = true
                    floatSum = Double(intSum)
                }
                floatSum += d
            default:
                throw .typeMismatch("\(function.name)() needs numbers, got \(value.typeName)")
            }
        }
    }

    func result(_ function: AggregateFunction) -> Value {
        switch function {
        case .count, .countStar: return .int(count)
        case .collect: return .list(items)
        case .min, .max: return best ?? .null
        case .sum: return sawFloat ? .float(floatSum) : .int(intSum)
        case .avg:
            guard count > 0 else { return .null }
            return .float((sawFloat ? floatSum : Double(intSum)) / Double(count))
        }
    }
}
