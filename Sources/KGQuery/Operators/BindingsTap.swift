/// Records every node and relationship the rows passing it bind (in any slot: variables, anonymous
/// pattern elements, paths, lists of relationships), so a drawing can show exactly the subgraph the
/// matches use. Placed before the final projection; passes rows on unchanged.
final class BindingsTap: Operator {
    let bindings: BoundSubgraph

    init(_ context: ExecutionContext, bindings: BoundSubgraph, next: Operator?) {
        self.bindings = bindings
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        for value in row { bindings.record(value) }
        return try emit(&row)
    }
}

/// The nodes and relationships a query's matches bound (see `QueryEngine.execute(_:collectBindings:)`).
public final class BoundSubgraph: @unchecked Sendable {
    public private(set) var nodes = Set<Int>()
    public private(set) var relationships = Set<Int>()

    public init() {}

    /// Adds every node and relationship `value` holds.
    public func record(_ value: Value) {
        switch value {
        case .node(let node): nodes.insert(node)
        case .relationship(let edge): relationships.insert(edge)
        case .path(let path):
            nodes.formUnion(path.nodes)
            relationships.formUnion(path.relationships)
        case .list(let items): for item in items { record(item) }
        case .map(let entries): for item in entries.values { record(item) }
        default: break
        }
    }
}
