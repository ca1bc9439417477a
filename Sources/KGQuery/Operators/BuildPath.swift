/// Assembles a named path from its node and relationship slots (the nodes inside a variable-length
/// part are recovered from the edges' endpoints).
final class BuildPath: Operator {
    let step: BuildPathStep

    init(_ context: ExecutionContext, step: BuildPathStep, next: Operator) {
        self.step = step
        super.init(context, next: next)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        guard case .node(let first) = row[step.nodes[0]] else {
            row[step.slot] = .null
            return try emit(&row)
        }
        var nodes = [first]
        var relationships: [Int] = []
        for relationship in step.relationships {
            var edges: [Int] = []
            switch row[relationship.slot] {
            case .relationship(let edge): edges = [edge]
            case .list(let items):
                for item in items { if case .relationship(let edge) = item { edges.append(edge) } }
            default:
                row[step.slot] = .null
                return try emit(&row)
            }
            for edge in edges {
                let (source, target) = context.endpoints(ofEdge: edge)
                nodes.append(source == nodes[nodes.count - 1] ? target : source)
                relationships.append(edge)
            }
        }
        row[step.slot] = .path(PathValue(nodes: nodes, relationships: relationships))
        return try emit(&row)
    }
}
