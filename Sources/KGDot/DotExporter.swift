import KGModel

/// Draws a subgraph as GraphViz `dot` text: node shape and colour by label with a legend, readable
/// labels (titles, names, dates; not raw ids), edge labels by type, tooltips with the provenance
/// snippet, links (`URL`) to the published source where there is one, and documents and meetings
/// placed left to right by date. The text renders with `dot -Tsvg` without warnings.
public struct DotExporter {
    /// What to draw: node and edge indices of a graph.
    public struct Subgraph: Sendable {
        public var nodes: Set<Int>
        public var edges: Set<Int>
        public init(nodes: Set<Int> = [], edges: Set<Int> = []) {
            self.nodes = nodes
            self.edges = edges
        }
    }

    public var title: String?
    /// Place dated nodes (documents, meetings) left to right by date.
    public var rankByDate = true

    public init(title: String? = nil, rankByDate: Bool = true) {
        self.title = title
        self.rankByDate = rankByDate
    }

    /// The whole graph (every live node and edge).
    public static func everything(_ graph: Graph) -> Subgraph {
        var subgraph = Subgraph()
        for node in 0..<graph.nodeCount where graph.isAlive(node) { subgraph.nodes.insert(node) }
        subgraph.edges = Set(0..<graph.edgeCount)
        return subgraph
    }

    public func render(_ graph: Graph, _ subgraph: Subgraph) throws -> String {
        let adjacency = graph.adjacency
        var nodes = subgraph.nodes
        for edge in subgraph.edges {
            nodes.insert(adjacency.source(ofEdge: edge))
            nodes.insert(Int(adjacency.outTargets[edge]))
        }
        let ordered = nodes.sorted()
        var lines: [String] = ["digraph kamergraaf {"]
        lines.append("  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.6, overlap=false"
                     + (title.map { ", label=\(DotEscaping.quoted($0)), labelloc=t" } ?? "") + "];")
        lines.append("  node [fontname=\"Helvetica\", fontsize=10, style=\"filled\", penwidth=1.2];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#868e96\", fontcolor=\"#495057\"];")

        var usedLabels: [String: NodeStyle] = [:]
        var dated: [(day: Day, node: Int)] = []
        for node in ordered {
            let labels = graph.labels(of: node).map(\.name)
            let (label, style) = NodeStyle.style(for: labels)
            usedLabels[label] = style
            let properties = try graph.properties(ofNode: node)
            let id = graph.id(of: node).rawValue
            var attributes = [
                "label=\(DotEscaping.quoted(NodeLabeler.label(id: id, labels: labels, properties: properties)))",
                "shape=\(style.shape)", "fillcolor=\"\(style.fill)\"", "color=\"\(style.border)\"",
            ]
            let fact = try graph.node(node)
            var tooltip = id + (labels.isEmpty ? "" : " :" + labels.joined(separator: ":"))
            if let first = fact.provenance.first {
                tooltip += "\nline \(first.line): " + DotEscaping.short(first.text, 200)
            }
            attributes.append("tooltip=\(DotEscaping.quoted(tooltip))")
            if let url = NodeLabeler.url(id: id, properties: properties) { attributes.append("URL=\(DotEscaping.quoted(url))") }
            lines.append("  \(DotExporter.nodeName(node)) [\(attributes.joined(separator: ", "))];")
            if rankByDate, case .date(let day)? = properties["date"] { dated.append((day, node)) }
        }
        for edge in subgraph.edges.sorted() {
            let source = adjacency.source(ofEdge: edge), target = Int(adjacency.outTargets[edge])
            let type = graph.typeName(adjacency.outTypes[edge])
            let fact = try graph.edge(edge)
            var attributes = ["label=\(DotEscaping.quoted(type))"]
            if let first = fact.provenance.first {
                attributes.append("tooltip=\(DotEscaping.quoted("\(type), line \(first.line): " + DotEscaping.short(first.text, 200)))")
            }
            if type == "same_as" { attributes.append("style=dashed") }
            lines.append("  \(DotExporter.nodeName(source)) -> \(DotExporter.nodeName(target)) [\(attributes.joined(separator: ", "))];")
        }
        if rankByDate && dated.count > 1 {
            // Same date, same rank; consecutive dates chained by invisible edges, so time runs left to right.
            let byDay = Dictionary(grouping: dated, by: \.day).sorted { $0.key < $1.key }
            for (_, group) in byDay where group.count > 1 {
                lines.append("  { rank=same; " + group.map { DotExporter.nodeName($0.node) + ";" }.joined(separator: " ") + " }")
            }
            for k in 1..<byDay.count {
                let previous = byDay[k - 1].value[0].node, next = byDay[k].value[0].node
                lines.append("  \(DotExporter.nodeName(previous)) -> \(DotExporter.nodeName(next)) [style=invis, weight=10];")
            }
        }
        lines.append(contentsOf: legend(usedLabels))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func nodeName(_ node: Int) -> String { "n\(node)" }

    /// A legend cluster: one swatch per label drawn.
    func legend(_ used: [String: NodeStyle]) -> [String] {
        guard !used.isEmpty else { return [] }
        var lines = ["  subgraph cluster_legend {", "    label=\"Legend\"; fontsize=10; color=\"#dee2e6\"; style=\"rounded\";"]
        let labels = used.keys.sorted()
        for (i, label) in labels.enumerated() {
            let style = used[label]!
            lines.append("    legend\(i) [label=\(DotEscaping.quoted(label)), shape=\(style.shape), fillcolor=\"\(style.fill)\", color=\"\(style.border)\", fontsize=9];")
        }
        for i in 1..<max(1, labels.count) { lines.append("    legend\(i - 1) -> legend\(i) [style=invis];") }
        lines.append("  }")
        return lines
    }
}
