import Foundation
import KGModel
import KGQuerySyntax

/// Evaluating bound expressions against a row, with the language's null rules: most operators give
/// null when an operand is null; AND, OR, XOR and NOT use three-valued logic; WHERE keeps a row only
/// when its predicate is true.
extension ExecutionContext {
    func evaluate(_ expression: BoundExpression, _ row: [Value]) throws(QueryError) -> Value {
        switch expression {
        case .constant(let value): return value
        case .parameter(let index): return parameters[index]
        case .slot(let slot): return row[slot]
        case .property(let base, let key, let keyIndex):
            return try property(of: try evaluate(base, row), key: key, keyIndex: keyIndex)
        case .subscripted(let base, let index):
            return try subscripted(try evaluate(base, row), try evaluate(index, row))
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, row)) }
            return .list(values)
        case .map(let entries):
            var map: [String: Value] = [:]
            for (key, value) in entries { map[key] = try evaluate(value, row) }
            return .map(map)
        case .not(let operand):
            guard let truth = try truth(of: try evaluate(operand, row), "NOT") else { return .null }
            return .bool(!truth)
        case .negate(let operand):
            switch try evaluate(operand, row) {
            case .null: return .null
            case .int(let i):
                guard i != Int64.min else { throw .typeMismatch("integer overflow in -(\(i))") }
                return .int(-i)
            case .float(let d): return .float(-d)
            case let other: throw .typeMismatch("cannot negate \(other.typeName)")
            }
        case .and(let a, let b):
            let left = try truth(of: try evaluate(a, row), "AND")
            if left == false { return .bool(false) }
            let right = try truth(of: try evaluate(b, row), "AND")
            if right == false { return .bool(false) }
            return left == true && right == true ? .bool(true) : .null
        case .or(let a, let b):
            let left = try truth(of: try evaluate(a, row), "OR")
            if left == true { return .bool(true) }
            let right = try truth(of: try evaluate(b, row), "OR")
            if right == true { return .bool(true) }
            return left == false && right == false ? .bool(false) : .null
        case .xor(let a, let b):
            guard let left = try truth(of: try evaluate(a, row), "XOR"),
                  let right = try truth(of: try evaluate(b, row), "XOR") else { return .null }
            return .bool(left != right)
        case .compare(let op, let a, let b):
            return try compare(op, try evaluate(a, row), try evaluate(b, row))
        case .arithmetic(let op, let a, let b):
            return try arithmetic(op, try evaluate(a, row), try evaluate(b, row))
        case .stringPredicate(let op, let a, let b):
            guard case .string(let text) = try evaluate(a, row), case .string(let part) = try evaluate(b, row) else { return .null }
            switch op {
            case .startsWith: return .bool(text.hasPrefix(part))
            case .endsWith: return .bool(text.hasSuffix(part))
            default: return .bool(part.isEmpty || text.contains(part))
            }
        case .regexMatch(let a, let b):
            guard case .string(let text) = try evaluate(a, row), case .string(let pattern) = try evaluate(b, row) else { return .null }
            return .bool(try regex(pattern).wholeMatch(in: text))
        case .inList(let a, let b):
            let element = try evaluate(a, row)
            switch try evaluate(b, row) {
            case .null: return .null
            case .list(let items):
                var unknown = false
                for item in items {
                    switch Value.equals(element, item) {
                    case .some(true): return .bool(true)
                    case .none: unknown = true
                    case .some(false): break
                    }
                }
                return unknown ? .null : .bool(false)
            case let other: throw .typeMismatch("IN expects a list on its right, got \(other.typeName)")
            }
        case .isNull(let operand, let negated):
            return .bool(try evaluate(operand, row).isNull != negated)
        case .hasLabels(let operand, let labels, _):
            switch try evaluate(operand, row) {
            case .null: return .null
            case .node(let node):
                guard let labels else { return .bool(false) }
                return .bool(labels.allSatisfy { graph.hasLabel(node, label: $0) })
            case let other: throw .typeMismatch("a label test needs a node, got \(other.typeName)")
            }
        case .call(let builtin, let arguments):
            if builtin == .coalesce {
                for argument in arguments {
                    let value = try evaluate(argument, row)
                    if !value.isNull { return value }
                }
                return .null
            }
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, row)) }
            return try call(builtin, values)
        case .comprehension(let slot, let list, let predicate, let projection):
            let value = try evaluate(list, row)
            guard case .list(let items) = value else {
                if value.isNull { return .null }
                throw .typeMismatch("a list comprehension needs a list after IN, got \(value.typeName)")
            }
            var local = row
            var result: [Value] = []
            for item in items {
                try tick()
                local[slot] = item
                if let predicate, !(try isTrue(predicate, local)) { continue }
                result.append(try projection.map { expression throws(QueryError) in try evaluate(expression, local) } ?? item)
            }
            return .list(result)
        case .exists(let index):
            let chain = existsChains[index]
            chain.tap.found = false
            var copy = row
            do {
                _ = try chain.head.push(&copy)
            } catch let error as QueryError {
                throw error
            } catch {
                throw .graph("\(error)")
            }
            return .bool(chain.tap.found)
        }
    }

    /// Whether a predicate holds: true only for `true` (null and false drop the row).
    @inline(__always)
    func isTrue(_ expression: BoundExpression, _ row: [Value]) throws(QueryError) -> Bool {
        try truth(of: try evaluate(expression, row), "WHERE") == true
    }

    func truth(of value: Value, _ operation: String) throws(QueryError) -> Bool? {
        switch value {
        case .bool(let b): return b
        case .null: return nil
        default: throw .typeMismatch("\(operation) expects a boolean, got \(value.typeName) (\(ValueText.literal(value)))")
        }
    }

    func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(QueryError) -> Value {
        if op == .equal || op == .notEqual {
            if case .date = a, case .string(let text) = b { return dateAgainstString(a, text, op) }
            if case .string(let text) = a, case .date = b { return dateAgainstString(b, text, op) }
            guard let equal = Value.equals(a, b) else { return .null }
            return .bool(op == .equal ? equal : !equal)
        }
        var coerced = false
        let sign = Value.compare(a, b, coercedString: &coerced)
        if coerced, case .string(let text) = a.isDate ? b : a {
            warn("compared a date with the string '\(text)': the string was read as that date (write date('\(text)') to say so)",
                 key: "date-string:" + text)
        } else if sign == nil, a.isDate != b.isDate, case .string(let text) = a.isDate ? b : a {
            warn("compared a date with the string '\(text)', which is not a YYYY-MM-DD date: the comparison is null (no rows)",
                 key: "date-string:" + text)
        }
        guard let sign else { return .null }
        switch op {
        case .less: return .bool(sign < 0)
        case .lessOrEqual: return .bool(sign <= 0)
        case .greater: return .bool(sign > 0)
        default: return .bool(sign >= 0)
        }
    }

    /// `date = 'YYYY-MM-DD'`: the string counts as the date, with a warning; another string is unequal.
    func dateAgainstString(_ date: Value, _ text: String, _ op: BinaryOperator) -> Value {
        guard case .date(let day) = date, let other = try? Day(iso: text) else {
            return .bool(op == .notEqual)
        }
        warn("compared a date with the string '\(text)': the string was read as that date (write date('\(text)') to say so)",
             key: "date-string:" + text)
        return .bool((day == other) == (op == .equal))
    }

    func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let result: (Int64, Bool)
            switch op {
            case .add: result = x.addingReportingOverflow(y)
            case .subtract: result = x.subtractingReportingOverflow(y)
            case .multiply: result = x.multipliedReportingOverflow(by: y)
            case .divide:
                guard y != 0 else { throw .typeMismatch("division by zero") }
                result = x.dividedReportingOverflow(by: y)
            case .modulo:
                guard y != 0 else { throw .typeMismatch("modulo by zero") }
                result = x.remainderReportingOverflow(dividingBy: y)
            default: return .float(ExecutionContext.power(Double(x), Double(y)))
            }
            guard !result.1 else { throw .typeMismatch("integer overflow in \(x) \(op.rawValue) \(y)") }
            return .int(result.0)
        case (.int, .float), (.float, .int), (.float, .float):
            let x = a.doubleValue!, y = b.doubleValue!
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .divide: return .float(x / y)
            case .modulo: return .float(x.truncatingRemainder(dividingBy: y))
            default: return .float(ExecutionContext.power(x, y))
            }
        case (.string(let x), _) where op == .add:
            guard let text = b.concatenationText else { throw .typeMismatch("cannot add \(b.typeName) to a string") }
            return .string(x + text)
        case (_, .string(let y)) where op == .add:
            guard let text = a.concatenationText else { throw .typeMismatch("cannot add a string to \(a.typeName)") }
            return .string(text + y)
        case (.list(let x), .list(let y)) where op == .add: return .list(x + y)
        case (.list(let x), _) where op == .add: return .list(x + [b])
        case (_, .list(let y)) where op == .add: return .list([a] + y)
        default:
            throw .typeMismatch("cannot apply \(op.rawValue) to \(a.typeName) and \(b.typeName)")
        }
    }

    static func power(_ x: Double, _ y: Double) -> Double {
        Foundation.pow(x, y)
    }

    func subscripted(_ base: Value, _ index: Value) throws(QueryError) -> Value {
        switch (base, index) {
        case (.null, _), (_, .null): return .null
        case (.list(let items), .int(let i)):
            let position = i < 0 ? Int64(items.count) + i : i
            guard position >= 0, position < Int64(items.count) else { return .null }
            return items[Int(position)]
        case (.map(let map), .string(let key)): return map[key] ?? .null
        case (.node, .string(let key)), (.relationship, .string(let key)):
            return try property(of: base, key: key, keyIndex: nil)
        default:
            throw .typeMismatch("cannot index \(base.typeName) with \(index.typeName)")
        }
    }

    /// A compiled regular expression for `pattern`, cached for the query.
    func regex(_ pattern: String) throws(QueryError) -> CompiledRegex {
        if let cached = regexCache[pattern] { return CompiledRegex(regex: cached) }
        do {
            let compiled = try Regex(pattern)
            if regexCache.count < QueryLimits.maxCachedRegexes { regexCache[pattern] = compiled }
            return CompiledRegex(regex: compiled)
        } catch {
            throw .invalidRegex(pattern: pattern, message: "\(error)")
        }
    }
}

/// A compiled pattern; `=~` matches the whole string.
struct CompiledRegex {
    let regex: Regex<AnyRegexOutput>
    func wholeMatch(in text: String) -> Bool { (try? regex.wholeMatch(in: text)) != nil }
}

extension Value {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// Text of a scalar for `string + value`.
    var concatenationText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let d): return PropertyValue.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let day): return day.iso
        default: return nil
        }
    }
}
