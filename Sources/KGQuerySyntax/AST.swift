/// The abstract syntax tree of a query, as the parser builds it and the binder reads it.
///
/// Spans point back into the text for messages; equality ignores them (two texts that differ only in
/// spacing, case of keywords or redundant parentheses give equal trees). `description` prints a tree
/// back as canonical query text that parses to an equal tree (see AST+Dump.swift).

/// A whole query: clauses in order, the last one a RETURN.
public struct Query: Equatable, Sendable {
    public var clauses: [Clause]
    public init(clauses: [Clause]) { self.clauses = clauses }
}

/// One clause.
public enum Clause: Equatable, Sendable {
    case match(MatchClause)
    case unwind(UnwindClause)
    case with(ProjectionClause)
    case `return`(ProjectionClause)
}

/// `[OPTIONAL] MATCH pattern, ... [WHERE predicate]`.
public struct MatchClause: Equatable, Sendable {
    public var optional: Bool
    public var patterns: [PatternPart]
    public var predicate: Expression?
    public var span: SourceSpan

    public init(optional: Bool, patterns: [PatternPart], predicate: Expression?, span: SourceSpan) {
        self.optional = optional
        self.patterns = patterns
        self.predicate = predicate
        self.span = span
    }

    public static func == (a: MatchClause, b: MatchClause) -> Bool {
        a.optional == b.optional && a.patterns == b.patterns && a.predicate == b.predicate
    }
}

/// `UNWIND expression AS variable`.
public struct UnwindClause: Equatable, Sendable {
    public var expression: Expression
    public var variable: String
    public var span: SourceSpan

    public init(expression: Expression, variable: String, span: SourceSpan) {
        self.expression = expression
        self.variable = variable
        self.span = span
    }

    public static func == (a: UnwindClause, b: UnwindClause) -> Bool {
        a.expression == b.expression && a.variable == b.variable
    }
}

/// The body of WITH and RETURN: `[DISTINCT] (* | items) [ORDER BY ...] [SKIP n] [LIMIT n]`, and for
/// WITH an optional `WHERE`.
public struct ProjectionClause: Equatable, Sendable {
    public var distinct: Bool
    /// `*`: every variable in scope (before any explicit items).
    public var star: Bool
    public var items: [ProjectionItem]
    public var orderBy: [SortItem]
    public var skip: Expression?
    public var limit: Expression?
    /// WITH only.
    public var predicate: Expression?
    public var span: SourceSpan

    public init(distinct: Bool, star: Bool, items: [ProjectionItem], orderBy: [SortItem], skip: Expression?,
                limit: Expression?, predicate: Expression?, span: SourceSpan) {
        self.distinct = distinct
        self.star = star
        self.items = items
        self.orderBy = orderBy
        self.skip = skip
        self.limit = limit
        self.predicate = predicate
        self.span = span
    }

    public static func == (a: ProjectionClause, b: ProjectionClause) -> Bool {
        a.distinct == b.distinct && a.star == b.star && a.items == b.items && a.orderBy == b.orderBy
            && a.skip == b.skip && a.limit == b.limit && a.predicate == b.predicate
    }
}

/// `expression [AS alias]`; `text` is the expression as written (the default column name).
public struct ProjectionItem: Equatable, Sendable {
    public var expression: Expression
    public var alias: String?
    public var text: String

    public init(expression: Expression, alias: String?, text: String) {
        self.expression = expression
        self.alias = alias
        self.text = text
    }

    /// The column name: the alias, else the text as written.
    public var name: String { alias ?? text }

    public static func == (a: ProjectionItem, b: ProjectionItem) -> Bool {
        a.expression == b.expression && a.alias == b.alias
    }
}

/// `expression [ASC | DESC]`.
public struct SortItem: Equatable, Sendable {
    public var expression: Expression
    public var descending: Bool

    public init(expression: Expression, descending: Bool) {
        self.expression = expression
        self.descending = descending
    }
}

// MARK: - Patterns

/// One comma-separated part of a MATCH pattern: `[p =] path`, `[p =] shortestPath(path)` or
/// `[p =] allShortestPaths(path)`.
public struct PatternPart: Equatable, Sendable {
    /// How the path is chosen.
    public enum Selector: String, Equatable, Sendable {
        case all
        case shortest = "shortestPath"
        case allShortest = "allShortestPaths"
    }

    public var variable: String?
    public var selector: Selector
    public var path: PathPattern
    public var span: SourceSpan

    public init(variable: String?, selector: Selector, path: PathPattern, span: SourceSpan) {
        self.variable = variable
        self.selector = selector
        self.path = path
        self.span = span
    }

    public static func == (a: PatternPart, b: PatternPart) -> Bool {
        a.variable == b.variable && a.selector == b.selector && a.path == b.path
    }
}

/// A node followed by zero or more (relationship, node) steps.
public struct PathPattern: Equatable, Sendable {
    public var start: NodePattern
    public var steps: [PatternStep]

    public init(start: NodePattern, steps: [PatternStep]) {
        self.start = start
        self.steps = steps
    }

    /// All node patterns, in order.
    public var nodes: [NodePattern] { [start] + steps.map(\.node) }
}

/// `-[relationship]-> (node)` and the other directions.
public struct PatternStep: Equatable, Sendable {
    public var relationship: RelationshipPattern
    public var node: NodePattern

    public init(relationship: RelationshipPattern, node: NodePattern) {
        self.relationship = relationship
        self.node = node
    }
}

/// `(variable:Label1:Label2 {key: value, ...})`, every part optional.
public struct NodePattern: Equatable, Sendable {
    public var variable: String?
    public var labels: [String]
    public var properties: [MapEntry]
    public var span: SourceSpan

    public init(variable: String?, labels: [String], properties: [MapEntry], span: SourceSpan) {
        self.variable = variable
        self.labels = labels
        self.properties = properties
        self.span = span
    }

    public static func == (a: NodePattern, b: NodePattern) -> Bool {
        a.variable == b.variable && a.labels == b.labels && a.properties == b.properties
    }
}

/// Which way a relationship pattern points, reading the pattern left to right.
public enum PatternDirection: String, Equatable, Sendable {
    /// `-[]->`
    case outgoing
    /// `<-[]-`
    case incoming
    /// `-[]-`
    case either
}

/// `-[variable:type1|type2 *min..max {key: value}]->` and the other directions.
public struct RelationshipPattern: Equatable, Sendable {
    public var variable: String?
    public var types: [String]
    public var direction: PatternDirection
    /// Nil for a single hop; `*` is (nil, nil), `*2` is (2, 2), `*..6` is (nil, 6), `*3..` is (3, nil).
    public var length: LengthRange?
    public var properties: [MapEntry]
    public var span: SourceSpan

    public init(variable: String?, types: [String], direction: PatternDirection, length: LengthRange?,
                properties: [MapEntry], span: SourceSpan) {
        self.variable = variable
        self.types = types
        self.direction = direction
        self.length = length
        self.properties = properties
        self.span = span
    }

    public static func == (a: RelationshipPattern, b: RelationshipPattern) -> Bool {
        a.variable == b.variable && a.types == b.types && a.direction == b.direction && a.length == b.length
            && a.properties == b.properties
    }
}

/// The hop range of a variable-length relationship, bounds as written.
public struct LengthRange: Equatable, Sendable {
    public var min: Int?
    public var max: Int?

    public init(min: Int?, max: Int?) {
        self.min = min
        self.max = max
    }
}

/// `key: value` in a map literal or a pattern's property map.
public struct MapEntry: Equatable, Sendable {
    public var key: String
    public var value: Expression

    public init(key: String, value: Expression) {
        self.key = key
        self.value = value
    }
}
