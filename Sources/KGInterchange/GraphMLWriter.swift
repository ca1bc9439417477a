import KGModel

/// Writes a graph as GraphML (graphml.graphdrawing.org), which Gephi and yEd open: node labels and
/// edge types as attributes, every property as a typed `<key>` (lists and dates as text), the first
/// provenance of each edge as attributes `source_line` and `source_text`.
public enum GraphMLWriter {
    public static func write(_ graph: Graph, to write: (String) throws -> Void) throws {
        // Property keys and their GraphML types, per domain.
        var nodeKeys: [String: String] = [:], edgeKeys: [String: String] = [:]
        func type(_ value: PropertyValue) -> String {
            switch value {
            case .int: return "long"
            case .float: return "double"
            case .bool: return "boolean"
            default: return "string"
            }
        }
        func merge(_ keys: inout [String: String], _ properties: Properties) {
            for (key, value) in properties {
                let t = type(value)
                if let existing = keys[key], existing != t { keys[key] = "string" } else if keys[key] == nil { keys[key] = t }
            }
        }
        let nodes = (0..<graph.nodeCount).filter { graph.isAlive($0) }
        for node in nodes { merge(&nodeKeys, try graph.properties(ofNode: node)) }
        for edge in 0..<graph.edgeCount { merge(&edgeKeys, try graph.properties(ofEdge: edge)) }

        try write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="labels" for="node" attr.name="labels" attr.type="string"/>
              <key id="type" for="edge" attr.name="type" attr.type="string"/>
              <key id="source_line" for="edge" attr.name="source_line" attr.type="long"/>
              <key id="source_text" for="edge" attr.name="source_text" attr.type="string"/>

            """)
        for key in nodeKeys.keys.sorted() {
            try write("  <key id=\"n_\(escape(key))\" for=\"node\" attr.name=\(attribute(key)) attr.type=\"\(nodeKeys[key]!)\"/>\n")
        }
        for key in edgeKeys.keys.sorted() {
            try write("  <key id=\"e_\(escape(key))\" for=\"edge\" attr.name=\(attribute(key)) attr.type=\"\(edgeKeys[key]!)\"/>\n")
        }
        try write("  <graph id=\"kamergraaf\" edgedefault=\"directed\">\n")
        func data(_ prefix: String, _ keys: [String: String], _ properties: Properties) -> String {
            properties.keys.sorted().map { key in
                var value = properties[key]!.description
                if keys[key] == "boolean", case .bool(let b) = properties[key]! { value = b ? "true" : "false" }
                return "      <data key=\"\(prefix)\(escape(key))\">\(escape(value))</data>\n"
            }.joined()
        }
        for node in nodes {
            try write("    <node id=\(attribute(graph.id(of: node).rawValue))>\n")
            try write("      <data key=\"labels\">\(escape(graph.labels(of: node).map(\.name).joined(separator: ":")))</data>\n")
            try write(data("n_", nodeKeys, try graph.properties(ofNode: node)))
            try write("    </node>\n")
        }
        let adjacency = graph.adjacency
        for edge in 0..<graph.edgeCount {
            let fact = try graph.edge(edge)
            try write("    <edge id=\"e\(edge)\" source=\(attribute(graph.id(of: adjacency.source(ofEdge: edge)).rawValue)) target=\(attribute(fact.to.rawValue))>\n")
            try write("      <data key=\"type\">\(escape(fact.type.name))</data>\n")
            if let first = fact.provenance.first {
                try write("      <data key=\"source_line\">\(first.line)</data>\n      <data key=\"source_text\">\(escape(first.text))</data>\n")
            }
            try write(data("e_", edgeKeys, fact.properties))
            try write("    </edge>\n")
        }
        try write("  </graph>\n</graphml>\n")
    }

    /// XML text escaping; characters XML 1.0 cannot hold are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func attribute(_ text: String) -> String { "\"" + escape(text) + "\"" }
}
