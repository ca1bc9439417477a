import Foundation
import KGDot
import KGModel
import KGTestSupport
import Testing

/// Runs GraphViz `dot` on text when it is installed: the SVG and whatever dot printed on stderr.
enum GraphViz {
    static let path: String? = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func render(_ dot: String) throws -> (svg: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: svg, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus)
    }
}

@Suite struct DotExporterTests {
    /// A small graph with hostile text: quotes, backslashes (dot escapes such as \l), newlines,
    /// control characters, HTML-looking text and non-ASCII.
    static func hostileGraph() throws -> Graph {
        let log = MemoryFactLog()
        let graph = Graph(loader: log)
        let nasty = "He said \"hi\" \\l \\N {x} <b>&amp;</b>\nline two\u{7}\u{0} — Ĳsselmeer 😀 ; -> [label=x]"
        let facts: [FactRecord] = [
            .node(NodeFact(id: try NodeID("doc-0000000000000001"), labels: [.document],
                           properties: ["title": .string(nasty), "date": .date(Day(year: 2024, month: 7, day: 18)!)],
                           provenance: [Provenance(document: "d", line: 3, offset: 10, text: nasty)])),
            .node(NodeFact(id: try NodeID("meeting-jbz-2024-07-22"), labels: [.meeting],
                           properties: ["name": .string("informele JBZ-Raad"), "date": .date(Day(year: 2024, month: 7, day: 22)!)])),
            .node(NodeFact(id: try NodeID("weird \"id\" \\ {}"), labels: [try Label("Unknown_Label")], properties: ["name": .string(nasty)])),
            .node(NodeFact(id: try NodeID("kst-32317-884"), labels: [.kamerstuk], properties: ["title": .string("Geannoteerde agenda")])),
            .edge(EdgeFact(from: try NodeID("doc-0000000000000001"), type: .about, to: try NodeID("meeting-jbz-2024-07-22"),
                           provenance: [Provenance(document: "d", line: 4, offset: 20, text: nasty)])),
            .edge(EdgeFact(from: try NodeID("doc-0000000000000001"), type: .cites, to: try NodeID("kst-32317-884"))),
            .edge(EdgeFact(from: try NodeID("weird \"id\" \\ {}"), type: try EdgeType("odd_type"), to: try NodeID("doc-0000000000000001"))),
        ]
        for fact in facts { try graph.apply(fact, ref: log.append(fact)) }
        return graph
    }

    @Test func escapingSurvivesAnyText() {
        #expect(DotEscaping.quoted("a\"b\\c\nd\u{1}e") == "\"a\\\"b\\\\c\\nde\"")
        #expect(DotEscaping.quoted("Ĳsselmeer 😀") == "\"Ĳsselmeer 😀\"")
        #expect(DotEscaping.short("een twee drie vier vijf", 12) == "een twee…")
    }

    @Test func labelsAreReadableAndLinksPointToTheSource() throws {
        let graph = try Self.hostileGraph()
        let dot = try DotExporter().render(graph, DotExporter.everything(graph))
        #expect(dot.contains("label=\"informele JBZ-Raad\\n2024-07-22\""))
        #expect(dot.contains("URL=\"https://zoek.officielebekendmakingen.nl/kst-32317-884.html\""))
        #expect(dot.contains("label=\"about\""))
        #expect(dot.contains("subgraph cluster_legend"))
        #expect(dot.contains("rank=same") == false)   // two dated nodes on different days
        #expect(dot.contains("[style=invis, weight=10]"))   // ... placed in date order
        #expect(!dot.contains("\u{7}") && !dot.contains("\u{0}"))
    }

    @Test func hostileTextRendersWithGraphVizWithoutWarnings() throws {
        guard GraphViz.path != nil else {
            print("skipped: GraphViz `dot` is not installed (apt-get install graphviz)")
            return
        }
        let graph = try Self.hostileGraph()
        let (svg, stderr, status) = try GraphViz.render(try DotExporter(title: "a \"title\" \\ with\nbreaks").render(graph, DotExporter.everything(graph)))
        #expect(status == 0)
        #expect(stderr.isEmpty, "dot warned: \(stderr)")
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Ĳsselmeer"))
    }

    @Test func aSubgraphDrawsTheEndpointsOfItsEdges() throws {
        let graph = try Self.hostileGraph()
        let about = graph.edge(from: graph.index(of: "doc-0000000000000001")!, type: graph.typeNames.id(of: "about")!,
                               to: graph.index(of: "meeting-jbz-2024-07-22")!)!
        let dot = try DotExporter().render(graph, DotExporter.Subgraph(edges: [about]))
        let drawn = dot.components(separatedBy: "\n").filter { $0.hasPrefix("  n") && !$0.contains("->") }
        #expect(drawn.count == 2, "the document and the meeting: \(drawn)")
        #expect(!dot.contains("Geannoteerde agenda"))
    }
}
