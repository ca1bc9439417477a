import Foundation
import KGModel

/// Writes a graph as two CSV files in the form of Neo4j's bulk importer (`neo4j-admin database import`:
/// `nodes.csv` with `id:ID`, `:LABEL` and one column per property; `relationships.csv` with
/// `:START_ID`, `:END_ID`, `:TYPE` and property columns) and a Kuzu schema that loads the same files
/// (`COPY Node FROM 'nodes.csv' (HEADER=true)`). RFC 4180 quoting; lists and dates as text.
public enum CSVExport {
    /// The text of the three files an export writes.
    public struct Files: Sendable {
        public var nodes: String
        public var relationships: String
        public var kuzuSchema: String
    }

    public static func export(_ graph: Graph) throws -> Files {
        let nodes = (0..<graph.nodeCount).filter { graph.isAlive($0) }
        var nodeKeys = Set<String>(), edgeKeys = Set<String>()
        var nodeProperties: [Int: Properties] = [:]
        for node in nodes {
            let properties = try graph.properties(ofNode: node)
            nodeProperties[node] = properties
            nodeKeys.formUnion(properties.keys)
        }
        var edgeFacts: [EdgeFact] = []
        for edge in 0..<graph.edgeCount {
            let fact = try graph.edge(edge)
            edgeFacts.append(fact)
            edgeKeys.formUnion(fact.properties.keys)
        }
        let nodeColumns = nodeKeys.sorted().filter { $0 != "id" }, edgeColumns = edgeKeys.sorted()
        var nodeLines = [(["id:ID", ":LABEL"] + nodeColumns).map(field).joined(separator: ",")]
        for node in nodes {
            let properties = nodeProperties[node] ?? [:]
            let row = [graph.id(of: node).rawValue, graph.labels(of: node).map(\.name).joined(separator: ";")]
                + nodeColumns.map { properties[$0]?.description ?? "" }
            nodeLines.append(row.map(field).joined(separator: ","))
        }
        var edgeLines = [([":START_ID", ":END_ID", ":TYPE", "source_line", "source_text"] + edgeColumns).map(field).joined(separator: ",")]
        for fact in edgeFacts {
            let first = fact.provenance.first
            let row = [fact.from.rawValue, fact.to.rawValue, fact.type.name, first.map { String($0.line) } ?? "", first?.text ?? ""]
                + edgeColumns.map { fact.properties[$0]?.description ?? "" }
            edgeLines.append(row.map(field).joined(separator: ","))
        }
        let nodeDDL = (["id STRING", "labels STRING"] + nodeColumns.map { "\(identifier($0)) STRING" }).joined(separator: ", ")
        let edgeDDL = (["FROM Node TO Node", "type STRING", "source_line STRING", "source_text STRING"]
            + edgeColumns.map { "\(identifier($0)) STRING" }).joined(separator: ", ")
        let schema = """
            // Kuzu: load nodes.csv and relationships.csv exported by `kg export --format csv`.
            CREATE NODE TABLE Node(\(nodeDDL), PRIMARY KEY (id));
            CREATE REL TABLE Edge(\(edgeDDL));
            COPY Node FROM 'nodes.csv' (HEADER=true);
            COPY Edge FROM 'relationships.csv' (HEADER=true);

            """
        return Files(nodes: nodeLines.joined(separator: "\n") + "\n", relationships: edgeLines.joined(separator: "\n") + "\n", kuzuSchema: schema)
    }

    /// An RFC 4180 field: quoted when it holds a comma, quote, or line break.
    static func field(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// A column name Kuzu accepts (letters, digits, `_`).
    static func identifier(_ name: String) -> String {
        let mapped = name.unicodeScalars.map { ($0.properties.isAlphabetic || ("0"..."9").contains($0)) && $0.isASCII ? Character($0) : "_" }
        return "p_" + String(mapped)
    }
}
