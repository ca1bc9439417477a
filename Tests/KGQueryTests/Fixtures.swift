import KGModel
import KGQuery
import KGTestSupport

/// Small graphs built in memory for the query tests.
enum Fixtures {
    /// A graph from node and edge lists: ids, labels, properties; edges as (from, type, to, properties).
    static func graph(nodes: [(String, [String], Properties)], edges: [(String, String, String, Properties)]) throws -> Graph {
        let log = MemoryFactLog()
        let graph = Graph(loader: log)
        let info = TransactionInfo(sequence: 1, timeMillis: 0, source: "test", sourceHash: "", firstRef: 0, endRef: 0,
                                   nodeFacts: 0, edgeFacts: 0, retractions: 0)
        graph.beginTransaction(info)
        for (id, labels, properties) in nodes {
            let record = FactRecord.node(NodeFact(id: NodeID(trusted: id), labels: try labels.map { try Label($0) },
                                                  properties: properties))
            try graph.apply(record, ref: log.append(record))
        }
        for (from, type, to, properties) in edges {
            let record = FactRecord.edge(EdgeFact(from: NodeID(trusted: from), type: try EdgeType(type), to: NodeID(trusted: to),
                                                  properties: properties))
            try graph.apply(record, ref: log.append(record))
        }
        graph.commitTransaction(info)
        try graph.checkInvariants()
        return graph
    }

    static func day(_ text: String) -> PropertyValue { .date(try! Day(iso: text)) }

    /// A small parliamentary graph: two letters about two JBZ meetings, questions, an answer, passages
    /// citing a motion and a Kamerstuk.
    static func parliament() throws -> Graph {
        try graph(nodes: [
            ("doc-1", ["Document"], ["title": .string("Geannoteerde agenda JBZ-Raad"), "date": day("2023-10-10")]),
            ("doc-2", ["Document"], ["title": .string("Verslag JBZ-Raad"), "date": day("2022-12-20")]),
            ("meeting-jbz-2023-10-19", ["Meeting"], ["date": day("2023-10-19"), "name": .string("JBZ-Raad")]),
            ("meeting-jbz-2022-12-08", ["Meeting"], ["date": day("2022-12-08"), "name": .string("JBZ-Raad")]),
            ("kst-26643-1011", ["Motion", "Kamerstuk"], ["title": .string("Motie Kuik"), "number": .int(1011)]),
            ("kst-32317-884", ["Kamerstuk"], ["number": .int(884)]),
            ("question-a", ["Question"], ["text": .string("Wat vindt de minister?"), "number": .int(1)]),
            ("question-b", ["Question"], ["text": .string("Hoe staat het met de motie?"), "number": .int(2)]),
            ("answer-a", ["Answer"], ["text": .string("De minister vindt het goed.")]),
            ("passage-1", ["Passage"], ["text": .string("Zie Kamerstuk 32317, nr. 884.")]),
            ("passage-2", ["Passage"], ["text": .string("De motie-Kuik vraagt ...")]),
            ("faction-VVD", ["Faction"], ["name": .string("VVD")]),
            ("faction-D66", ["Faction"], ["name": .string("D66")]),
        ], edges: [
            ("doc-1", "contains", "question-a", ["report": .int(1)]),
            ("doc-1", "contains", "question-b", ["report": .int(1)]),
            ("doc-1", "contains", "answer-a", ["report": .int(1)]),
            ("doc-1", "contains", "passage-1", [:]),
            ("doc-2", "contains", "passage-2", [:]),
            ("doc-1", "about", "meeting-jbz-2023-10-19", [:]),
            ("doc-2", "about", "meeting-jbz-2022-12-08", [:]),
            ("question-a", "cites", "kst-26643-1011", ["rule": .string("citation.kamerstuk")]),
            ("answer-a", "refers_to", "kst-26643-1011", [:]),
            ("passage-1", "cites", "kst-32317-884", ["rule": .string("citation.kamerstuk")]),
            ("passage-2", "cites", "kst-26643-1011", ["rule": .string("citation.motion")]),
            ("faction-VVD", "asks", "question-a", [:]),
            ("faction-D66", "asks", "question-b", [:]),
            ("answer-a", "answers", "question-a", [:]),
            ("kst-26643-1011", "part_of", "dossier-26643", [:]),
        ])
    }
}

/// Runs queries and renders results compactly for assertions.
struct Runner {
    let graph: Graph
    let engine: QueryEngine

    init(_ graph: Graph) {
        self.graph = graph
        self.engine = QueryEngine(graph: graph)
    }

    func run(_ text: String, _ parameters: [String: Value] = [:]) throws -> QueryResult {
        try engine.run(text, parameters: parameters, timeout: 10)
    }

    /// Rows as text: cells joined by " | ", graph elements by id.
    func rows(_ text: String, _ parameters: [String: Value] = [:]) throws -> [String] {
        try run(text, parameters).table.rows.map { $0.map { ValueText.cell($0, graph: graph) }.joined(separator: " | ") }
    }

    /// The single column of the result as cells.
    func column(_ text: String, _ parameters: [String: Value] = [:]) throws -> [String] {
        try rows(text, parameters)
    }

    func warnings(_ text: String, _ parameters: [String: Value] = [:]) throws -> [String] {
        try run(text, parameters).warnings.map(\.message)
    }
}
