import KGModel

/// Equality, comparison and ordering with the query language's rules (as in Cypher):
/// `=` and `<` are three-valued (null when either side is null or the types cannot be compared);
/// ORDER BY uses a total order across all types.
extension Value {
    /// `a = b`: nil (unknown) when either is null; numbers compare by value (1 = 1.0); lists element
    /// by element; values of different types are unequal. Dates never equal strings (see `compare`).
    public static func equals(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .float(let y)): return Double(x) == y
        case (.float(let x), .int(let y)): return x == Double(y)
        case (.float(let x), .float(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.node(let x), .node(let y)): return x == y
        case (.relationship(let x), .relationship(let y)): return x == y
        case (.path(let x), .path(let y)): return x == y
        case (.list(let x), .list(let y)):
            if x.count != y.count { return false }
            var unknown = false
            for (left, right) in zip(x, y) {
                switch equals(left, right) {
                case .some(false): return false
                case .none: unknown = true
                case .some(true): break
                }
            }
            return unknown ? nil : true
        case (.map(let x), .map(let y)):
            if Set(x.keys) != Set(y.keys) { return false }
            var unknown = false
            for (key, left) in x {
                switch equals(left, y[key]!) {
                case .some(false): return false
                case .none: unknown = true
                case .some(true): break
                }
            }
            return unknown ? nil : true
        default: return false
        }
    }

    /// The sign of `a` against `b` for `<`, `<=`, `>`, `>=`: nil when either is null or they are not
    /// comparable (different types, maps, graph elements). Numbers compare by value, strings by Unicode
    /// order, booleans false < true, dates by day, lists element by element.
    /// `coercedString` is set when a date was compared with an ISO date string (the string counts as
    /// that date).
    public static func compare(_ a: Value, _ b: Value, coercedString: inout Bool) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.int(let x), .int(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.int(let x), .float(let y)): return compareDoubles(Double(x), y)
        case (.float(let x), .int(let y)): return compareDoubles(x, Double(y))
        case (.float(let x), .float(let y)): return compareDoubles(x, y)
        case (.string(let x), .string(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.date(let x), .date(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.date(let x), .string(let y)):
            guard let day = try? Day(iso: y) else { return nil }
            coercedString = true
            return x < day ? -1 : x > day ? 1 : 0
        case (.string(let x), .date(let y)):
            guard let day = try? Day(iso: x) else { return nil }
            coercedString = true
            return day < y ? -1 : day > y ? 1 : 0
        case (.list(let x), .list(let y)):
            for (left, right) in zip(x, y) {
                guard let sign = compare(left, right, coercedString: &coercedString) else { return nil }
                if sign != 0 { return sign }
            }
            return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
        default: return nil
        }
    }

    static func compareDoubles(_ x: Double, _ y: Double) -> Int? {
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : x > y ? 1 : 0
    }

    /// Rank of each type in the ORDER BY order: map < node < relationship < list < path < date <
    /// string < boolean < number < null.
    var orderRank: Int {
        switch self {
        case .map: return 0
        case .node: return 1
        case .relationship: return 2
        case .list: return 3
        case .path: return 4
        case .date: return 5
        case .string: return 6
        case .bool: return 7
        case .int, .float: return 8
        case .null: return 9
        }
    }

    /// A total order for ORDER BY and min/max: by type rank, then by value (NaN above all numbers).
    public static func order(_ a: Value, _ b: Value) -> Int {
        let ra = a.orderRank, rb = b.orderRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.float(let x), .float(let y)) where x.isNaN || y.isNaN:
            return x.isNaN && y.isNaN ? 0 : x.isNaN ? 1 : -1
        case (.float(let x), _) where x.isNaN: return 1
        case (_, .float(let y)) where y.isNaN: return -1
        case (.node(let x), .node(let y)), (.relationship(let x), .relationship(let y)):
            return x < y ? -1 : x > y ? 1 : 0
        case (.list(let x), .list(let y)):
            for (left, right) in zip(x, y) {
                let sign = order(left, right)
                if sign != 0 { return sign }
            }
            return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
        case (.path(let x), .path(let y)):
            let sign = order(.list(x.nodes.map { .node($0) }), .list(y.nodes.map { .node($0) }))
            if sign != 0 { return sign }
            return order(.list(x.relationships.map { .relationship($0) }), .list(y.relationships.map { .relationship($0) }))
        case (.map(let x), .map(let y)):
            let keys = Set(x.keys).union(y.keys).sorted()
            for key in keys {
                let sign = order(x[key] ?? .null, y[key] ?? .null)
                if sign != 0 { return sign }
            }
            return 0
        case (.null, .null):
            return 0
        default:
            var ignored = false
            return compare(a, b, coercedString: &ignored) ?? 0
        }
    }
}
