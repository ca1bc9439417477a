import KGModel

/// A value in a query: a property value, a collection, or a graph element held as its index in the
/// graph (so a later stage can draw exactly the subgraph a result binds).
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case date(Day)
    case list([Value])
    case map([String: Value])
    /// A node, by node index.
    case node(Int)
    /// A relationship, by edge index (an out-entry position of the adjacency).
    case relationship(Int)
    /// A path: nodes and the relationships between them, in order.
    case path(PathValue)

    /// A property value as a query value.
    public init(_ property: PropertyValue) {
        switch property {
        case .string(let s): self = .string(s)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d)
        case .bool(let b): self = .bool(b)
        case .date(let day): self = .date(day)
        case .list(let items): self = .list(items.map(Value.init))
        }
    }

    /// Whether this is null.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The type's name for messages: `a string`, `a node`, ...
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .float: return "a float"
        case .string: return "a string"
        case .date: return "a date"
        case .list: return "a list"
        case .map: return "a map"
        case .node: return "a node"
        case .relationship: return "a relationship"
        case .path: return "a path"
        }
    }
}

/// A path value: `nodes.count == relationships.count + 1`; relationship `i` joins nodes `i` and `i + 1`
/// (in either direction).
public struct PathValue: Hashable, Sendable {
    /// Node indices, from the start.
    public var nodes: [Int]
    /// Edge indices; edge `i` joins `nodes[i]` and `nodes[i + 1]`.
    public var relationships: [Int]

    /// A path of `nodes` joined by `relationships`.
    public init(nodes: [Int], relationships: [Int]) {
        self.nodes = nodes
        self.relationships = relationships
    }

    /// Number of relationships.
    public var length: Int { relationships.count }
}
