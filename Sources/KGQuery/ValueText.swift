import KGModel

/// Values as text: as literals (for `--explain`) and as table cells (graph elements named by id).
public enum ValueText {
    /// A value as a query literal: strings quoted, dates as `date('...')`, maps with sorted keys.
    /// Graph elements, which have no literal, print as `node#N`, `relationship#N`, `path#N`.
    public static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return PropertyValue.format(d)
        case .string(let s): return quoted(s)
        case .date(let day): return "date('\(day.iso)')"
        case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.keys.sorted().map { $0 + ": " + literal(map[$0]!) }.joined(separator: ", ") + "}"
        case .node(let node): return "node#\(node)"
        case .relationship(let edge): return "relationship#\(edge)"
        case .path(let path): return "path#\(path.length)"
        }
    }

    /// A value for an aligned text table: strings bare at the top level (quoted inside lists and
    /// maps), null as `null`, nodes as `(id:Label)`, relationships as `(from)-[:type]->(to)`, paths as
    /// their chain of nodes and relationships.
    public static func cell(_ value: Value, graph: Graph) -> String {
        if case .string(let s) = value { return s }
        return nested(value, graph: graph)
    }

    static func nested(_ value: Value, graph: Graph) -> String {
        switch value {
        case .date(let day): return day.iso
        case .list(let items): return "[" + items.map { nested($0, graph: graph) }.joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.keys.sorted().map { $0 + ": " + nested(map[$0]!, graph: graph) }.joined(separator: ", ") + "}"
        case .node(let index): return node(index, graph: graph)
        case .relationship(let edge):
            let adjacency = graph.adjacency
            guard edge < adjacency.edgeCount else { return "[relationship #\(edge)]" }
            return "(\(graph.id(of: graph.source(ofEdge: edge))))-[:\(graph.typeName(graph.type(ofEdge: edge)))]->(\(graph.id(of: graph.target(ofEdge: edge))))"
        case .path(let path):
            var text = ValueText.node(path.nodes[0], graph: graph)
            for (index, edge) in path.relationships.enumerated() {
                let from = path.nodes[index]
                let forward = graph.source(ofEdge: edge) == from
                let type = graph.typeName(graph.type(ofEdge: edge))
                text += forward ? "-[:\(type)]->" : "<-[:\(type)]-"
                text += ValueText.node(path.nodes[index + 1], graph: graph)
            }
            return text
        default: return literal(value)
        }
    }

    static func node(_ node: Int, graph: Graph) -> String {
        guard node < graph.nodeCount else { return "(node #\(node))" }
        return "(" + graph.id(of: node).rawValue + graph.labelIDs(of: node).map { ":" + graph.labelName($0) }.sorted().joined() + ")"
    }

    static func quoted(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}
