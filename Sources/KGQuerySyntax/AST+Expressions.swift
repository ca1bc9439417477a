/// An expression and where it was written. Equality compares `kind` only.
public struct Expression: Equatable, Sendable {
    /// What the expression is.
    public indirect enum Kind: Equatable, Sendable {
        case null
        case bool(Bool)
        case integer(Int64)
        case float(Double)
        case string(String)
        /// `$name`.
        case parameter(String)
        case variable(String)
        /// `base.key`.
        case property(Expression, String)
        /// `base[index]`.
        case subscripted(Expression, Expression)
        case list([Expression])
        case map([MapEntry])
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `x IS NULL` (`negated`: `IS NOT NULL`).
        case isNull(Expression, negated: Bool)
        /// `x:Label1:Label2`.
        case hasLabels(Expression, [String])
        /// `name([DISTINCT] arguments)`; the name as written.
        case call(String, distinct: Bool, arguments: [Expression])
        /// `count(*)`.
        case countStar
        /// `exists(pattern)`: whether the pattern matches from the row's bindings.
        case exists(PatternPart)
        /// `[variable IN list WHERE predicate | projection]` (WHERE and projection optional).
        case listComprehension(variable: String, list: Expression, predicate: Expression?, projection: Expression?)
    }

    public var kind: Kind
    public var span: SourceSpan
    /// Height of the tree below and including this node (a leaf is 1).
    public let height: Int

    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
        self.height = 1 + Expression.childHeight(kind)
    }

    public static func == (a: Expression, b: Expression) -> Bool { a.kind == b.kind }

    static func childHeight(_ kind: Kind) -> Int {
        switch kind {
        case .null, .bool, .integer, .float, .string, .parameter, .variable, .countStar: return 0
        case .property(let base, _), .unary(_, let base), .isNull(let base, _), .hasLabels(let base, _): return base.height
        case .subscripted(let a, let b), .binary(_, let a, let b): return max(a.height, b.height)
        case .list(let items), .call(_, _, let items): return items.map(\.height).max() ?? 0
        case .map(let entries): return entries.map(\.value.height).max() ?? 0
        case .exists: return 1
        case .listComprehension(_, let list, let predicate, let projection):
            return max(list.height, predicate?.height ?? 0, projection?.height ?? 0)
        }
    }

    /// The direct sub-expressions (not those inside an `exists` pattern).
    public var children: [Expression] {
        switch kind {
        case .null, .bool, .integer, .float, .string, .parameter, .variable, .countStar, .exists: return []
        case .property(let base, _), .unary(_, let base), .isNull(let base, _), .hasLabels(let base, _): return [base]
        case .subscripted(let a, let b), .binary(_, let a, let b): return [a, b]
        case .list(let items), .call(_, _, let items): return items
        case .map(let entries): return entries.map(\.value)
        case .listComprehension(_, let list, let predicate, let projection):
            return [list] + [predicate, projection].compactMap { $0 }
        }
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Equatable, Sendable {
    case not = "NOT"
    case minus = "-"
    case plus = "+"
}

/// Infix operators, with the text they print as.
public enum BinaryOperator: String, Equatable, Sendable, CaseIterable {
    case or = "OR"
    case xor = "XOR"
    case and = "AND"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "IN"
    case startsWith = "STARTS WITH"
    case endsWith = "ENDS WITH"
    case contains = "CONTAINS"
    case regexMatch = "=~"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case power = "^"

    /// Binding strength: higher binds tighter. Comparisons chain (`a < b < c` is `a < b AND b < c`).
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .xor: return 2
        case .and: return 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 5
        case .in, .startsWith, .endsWith, .contains, .regexMatch: return 6
        case .add, .subtract: return 7
        case .multiply, .divide, .modulo: return 8
        case .power: return 9
        }
    }

    /// Whether this is one of `= <> < <= > >=`.
    public var isComparison: Bool { precedence == 5 }
}
