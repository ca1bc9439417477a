import Foundation
import KGInterchange
import KGModel
import KGStore

/// The seed inputs of each target: files of the repository (papers, saved queries, the sample graph)
/// and graph files written here through the real store, so the seeds are always in the current format.
public enum FuzzSeeds {
    /// Named seed inputs for `target`, read below `root` (the repository root).
    public static func seeds(for target: FuzzTarget, root: String) throws -> [(name: String, bytes: [UInt8])] {
        switch target {
        case .graphFile:
            return try graphFiles()
        case .jsonLines:
            var seeds = try files(in: root + "/Graph/sample", suffix: ".jsonl")
            let storage = MemoryStorage()
            let path = "/seed/export.kg"
            try writeSampleGraph(to: path, storage: storage, snapshot: false)
            let store = try GraphStore.open(at: path, storage: storage)
            defer { store.close() }
            var lines = ""
            try JSONLines.export(store.graph) { lines += $0 }
            lines += """
                {"kind":"retract","source":"document:a.txt"}
                {"kind":"retract","node":"kst-32317-884"}
                {"kind":"retract","edge":{"from":"a","type":"cites","to":"b"}}

                """
            seeds.append(("export.jsonl", Array(lines.utf8)))
            // Every value form, several sources, escapes, blank lines and CRLF endings.
            let forms = #"""
                {"kind":"node","id":"n1","labels":["A","B"],"props":{"s":"t\u00e9\n\"x\"","i":-42,"f":1.5e-3,"b":false,"d":{"$date":"2024-02-29"},"l":[1,[2.0,["x"]],true]}}
                
                {"kind":"edge","type":"cites","from":"n1","to":"n2","props":{"via":"footnote 3"},"sources":[{"doc":"a","line":1,"offset":0,"text":""},{"doc":"b","line":2,"offset":9,"text":"\ud83d\ude00","rule":"r","confidence":0.5}]}
                   	
                {"kind":"node","id":"n2"}
                """#
            seeds.append(("forms.jsonl", Array(forms.utf8)))
            return seeds
        case .query:
            return try files(in: root + "/Queries", suffix: ".cypher") + queryExamples(root + "/Queries/README.md")
        case .extract:
            return try files(in: root + "/Graph/corpus", suffix: ".txt") + files(in: root + "/Graph/corpus-xml", suffix: ".xml")
        }
    }

    /// The queries in the language reference: every `code span` and cypher block that starts with a clause.
    static func queryExamples(_ path: String) throws -> [(name: String, bytes: [UInt8])] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FuzzFailure(target: "seeds", invariant: "seed unreadable", detail: path)
        }
        let text = String(decoding: data, as: UTF8.self)
        var queries: [String] = []
        let blocks = text.components(separatedBy: "```")
        for (index, block) in blocks.enumerated() {
            if index % 2 == 1 {
                if block.hasPrefix("cypher\n") { queries.append(String(block.dropFirst(7))) }
            } else {
                let spans = block.components(separatedBy: "`")
                for (i, span) in spans.enumerated() where i % 2 == 1 {
                    let starts = ["MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN"]
                    if starts.contains(where: { span.hasPrefix($0 + " ") }) { queries.append(span.replacingOccurrences(of: "\\|", with: "|")) }
                }
            }
        }
        return queries.enumerated().map { ("readme-\($0.offset).cypher", Array($0.element.utf8)) }
    }

    /// Files below `directory` (recursively) whose names end in `suffix`, in name order.
    static func files(in directory: String, suffix: String) throws -> [(name: String, bytes: [UInt8])] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else {
            throw FuzzFailure(target: "seeds", invariant: "seed folder missing", detail: directory)
        }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            if name.hasSuffix(suffix) { names.append(name) }
        }
        return try names.sorted().map { name in
            guard let data = manager.contents(atPath: directory + "/" + name) else {
                throw FuzzFailure(target: "seeds", invariant: "seed unreadable", detail: directory + "/" + name)
            }
            return (name.replacingOccurrences(of: "/", with: "_"), [UInt8](data))
        }
    }

    // MARK: - Graph files

    /// Graph files written through `GraphStore` on memory storage: empty, one transaction, several with
    /// retractions and a superseded source, with a snapshot appended (see `GraphFileTarget.split`), with
    /// an uncommitted tail, and one with more than 64 labels (the labels beyond the bit set).
    public static func graphFiles() throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(String, [UInt8])] = []
        let storage = MemoryStorage()
        func bytes(_ path: String) throws -> [UInt8] {
            guard let bytes = storage[path] else { throw FuzzFailure(target: "seeds", invariant: "seed not written", detail: path) }
            return bytes
        }
        let options = StoreOptions(sync: false, snapshotAfterRecords: 0)

        try GraphStore.create(at: "/seed/empty.kg", storage: storage, options: options).close()
        seeds.append(("empty.kg", try bytes("/seed/empty.kg")))

        try writeSampleGraph(to: "/seed/sample.kg", storage: storage, snapshot: false)
        seeds.append(("sample.kg", try bytes("/seed/sample.kg")))

        try writeSampleGraph(to: "/seed/snapshot.kg", storage: storage, snapshot: true)
        seeds.append(("sample-with-snapshot.kg", try bytes("/seed/snapshot.kg") + bytes("/seed/snapshot.kg.snapshot")))

        // An uncommitted tail: the records of a transaction without its commit.
        let sample = try bytes("/seed/sample.kg")
        let torn = try bytes("/seed/snapshot.kg")
        seeds.append(("torn-tail.kg", sample + torn[FileFormat.headerSize..<min(torn.count, FileFormat.headerSize + 200)]))

        // Many labels and edge types.
        let many = try GraphStore.create(at: "/seed/labels.kg", storage: storage, options: options)
        var batch = GraphBatch()
        for i in 0..<70 {
            batch.nodes.append(NodeFact(id: try NodeID("n\(i % 7)"), labels: [try Label("L\(i)")]))
            batch.edges.append(EdgeFact(from: try NodeID("n\(i % 7)"), type: try EdgeType("t\(i % 9)"), to: try NodeID("n\((i + 1) % 7)")))
        }
        try many.commit(batch, source: "labels")
        try many.checkpoint()
        many.close()
        seeds.append(("many-labels.kg", try bytes("/seed/labels.kg") + bytes("/seed/labels.kg.snapshot")))
        return seeds
    }

    /// A small graph in three transactions: facts with every kind of property value and provenance, a
    /// source superseded by a later import, node and edge retractions; with a snapshot when asked.
    static func writeSampleGraph(to path: String, storage: StorageSystem, snapshot: Bool) throws {
        let store = try GraphStore.create(at: path, storage: storage, options: StoreOptions(sync: false, snapshotAfterRecords: 0))
        defer { store.close() }
        let sha = String(repeating: "ab", count: 32)
        let stated = Provenance(document: sha, line: 12, offset: 345, text: "Kamerstuk 32317, nr. 884", rule: "citation.kamerstuk", confidence: 0.95)
        let imported = Provenance(document: "import:sample.jsonl", line: 3, offset: 0, text: "")
        let document = try NodeID("doc-357e2ace64c8bdf8"), kamerstuk = try NodeID("kst-32317-884")
        let meeting = try NodeID("meeting-jbz-2024-06-13"), country = try NodeID("country-TN")
        let first = GraphBatch(
            nodes: [
                NodeFact(id: document, labels: [try Label("Document")], properties: [
                    "title": .string("Verslag van de JBZ-Raad"), "date": .date(Day(daysSinceEpoch: 19_888)),
                    "pages": .int(12), "score": .float(0.5), "official": .bool(true),
                    "tags": .list([.string("a"), .int(-3), .list([.bool(false), .float(-1.25e10)])]),
                ], provenance: [stated, imported]),
                NodeFact(id: kamerstuk, labels: [try Label("Kamerstuk")], properties: ["dossier": .string("32317"), "number": .int(884)],
                         provenance: [stated]),
                NodeFact(id: meeting, labels: [try Label("Meeting"), try Label("Event")]),
            ],
            edges: [
                EdgeFact(from: document, type: try EdgeType("cites"), to: kamerstuk, properties: ["rule": .string("stated")], provenance: [stated]),
                EdgeFact(from: document, type: try EdgeType("about"), to: meeting, provenance: [imported]),
                EdgeFact(from: document, type: try EdgeType("mentions"), to: country),
                EdgeFact(from: kamerstuk, type: try EdgeType("cites"), to: kamerstuk),
            ])
        try store.commit(first, source: "document:a.txt", sourceHash: "h1")
        let second = GraphBatch(
            nodes: [NodeFact(id: country, labels: [try Label("Country")], properties: ["name": .string("Tunesië")])],
            edges: [EdgeFact(from: country, type: try EdgeType("member_of"), to: try NodeID("eu"))])
        try store.commit(second, source: "document:b.txt", sourceHash: "h2")
        let third = GraphBatch(
            retractions: [.node(meeting), .edge(EdgeKey(from: kamerstuk, type: try EdgeType("cites"), to: kamerstuk))],
            nodes: [NodeFact(id: document, labels: [try Label("Document")], properties: ["title": .string("Nieuwe titel")])])
        try store.commit(third, source: "document:a.txt", sourceHash: "h3")
        if snapshot { try store.checkpoint() }
    }
}
