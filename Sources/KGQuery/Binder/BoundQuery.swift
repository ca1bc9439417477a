import KGModel
import KGQuerySyntax

/// A query after binding: clauses over row slots, with every name resolved against the graph.
/// The planner turns it into a `LogicalPlan`.
struct BoundQuery {
    var clauses: [BoundClause]
    /// Display name of every row slot (variables by name, anonymous elements as `#1`, `#2`, ...).
    var slotNames: [String]
    /// Parameter names by index.
    var parameterNames: [String]
    /// `exists(...)` patterns, by index.
    var existsPatterns: [BoundPattern]
    /// Outer slots each `exists` pattern reads.
    var existsOuterSlots: [Set<Int>]
    /// Result columns: name and slot.
    var columns: [(name: String, slot: Int)]
    var warnings: [QueryWarning]
    /// Property keys read, by key index, with where each was first written (for the warning about
    /// keys that no element read has).
    var propertyKeys: [(name: String, span: SourceSpan)]
}

/// One clause after binding.
enum BoundClause {
    case match(BoundPattern)
    case unwind(BoundExpression, slot: Int)
    case projection(BoundProjection)
}

/// The pattern of a MATCH, OPTIONAL MATCH or `exists(...)`: nodes and relationships (each variable
/// once), the paths that name them, and the predicates (WHERE conjuncts and property maps).
struct BoundPattern {
    var optional: Bool
    var nodes: [PatternNode]
    var relationships: [PatternRelationship]
    var paths: [PatternPath]
    var predicates: [BoundExpression]
    /// Slots this clause introduces (set to null when an OPTIONAL MATCH finds nothing).
    var introduced: [Int]
    /// Whether rows from this pattern reach only consumers that ignore duplicates (DISTINCT,
    /// count(DISTINCT), min, max, exists): then variable-length parts may be searched as distinct
    /// endpoints instead of enumerated as paths. Set by the binder.
    var duplicateInsensitive = false
}

/// A node of a pattern.
struct PatternNode {
    var slot: Int
    /// Bound by an earlier clause (or the enclosing query, for `exists`).
    var boundBefore: Bool
    var labels: [UInt16]
    var labelNames: [String]
    /// A label that does not exist in the graph: nothing can match.
    var impossible: Bool
}

/// A relationship of a pattern between nodes `left` and `right` (indices into `nodes`).
struct PatternRelationship {
    var slot: Int
    var boundBefore: Bool
    /// Whether the user named it (an anonymous relationship's slot is internal).
    var named: Bool
    var left: Int
    var right: Int
    var direction: PatternDirection
    /// Type ids; nil means any type.
    var types: [UInt16]?
    var typeNames: [String]
    /// Every named type is unknown: nothing can match.
    var impossible: Bool
    /// Property map entries (checked on every edge of a variable-length relationship).
    var properties: [(String, BoundExpression)]
    /// Hop bounds for a variable-length relationship, nil for a single hop.
    var hops: ClosedRange<Int>?
    var selector: PatternPart.Selector
    /// The path this relationship belongs to.
    var path: Int
    var span: SourceSpan
}

/// A path of a pattern: its nodes and relationships in order, and its variable if named.
struct PatternPath {
    var slot: Int?
    var selector: PatternPart.Selector
    var nodes: [Int]
    var relationships: [Int]
}

/// WITH or RETURN after binding.
struct BoundProjection {
    var isReturn: Bool
    var distinct: Bool
    /// Without aggregation: slot <- expression for each item that is not a plain pass-through.
    var projections: [(slot: Int, expression: BoundExpression)]
    /// With aggregation: grouping keys, aggregates, then items computed from both.
    var aggregation: Aggregation?
    /// Slots of the items, in order (for DISTINCT and the result columns).
    var itemSlots: [Int]
    var itemNames: [String]
    var orderBy: [(expression: BoundExpression, descending: Bool)]
    var skip: BoundExpression?
    var limit: BoundExpression?
    /// WITH ... WHERE.
    var predicate: BoundExpression?
    /// Whether duplicates of an input row cannot change the output (see `BoundPattern`).
    var duplicateInsensitive: Bool
}

/// Grouping and aggregation of a projection.
struct Aggregation {
    var keys: [(slot: Int, expression: BoundExpression)]
    var aggregates: [AggregateCall]
    /// Items mixing aggregates and keys (`count(*) * 2`), computed after grouping.
    var post: [(slot: Int, expression: BoundExpression)]
}

/// One aggregate: function, DISTINCT, argument (nil for count(*)), and the slot of its result.
struct AggregateCall {
    var function: AggregateFunction
    var distinct: Bool
    var argument: BoundExpression?
    var slot: Int
    /// The aggregate as written, to reuse one slot for repeated calls.
    var source: Expression

    /// Whether duplicated input rows leave the result unchanged.
    var ignoresDuplicates: Bool { distinct || function == .min || function == .max }
}
