import KGModel
import KGTestSupport
import Testing

/// The in-memory graph: applying facts, merging, retraction, compaction, invariants.
@Suite struct GraphTests {
    func build(_ batches: [(GraphBatch, String)]) throws -> (Graph, MemoryFactLog) {
        let log = MemoryFactLog()
        let graph = Graph(loader: log)
        var sequence: UInt64 = 0
        for (batch, source) in batches {
            sequence += 1
            let first = FactRef(log.records.count)
            graph.beginTransaction(TransactionInfo(sequence: sequence, timeMillis: 0, source: source, sourceHash: "",
                                                   firstRef: first, endRef: first, nodeFacts: 0, edgeFacts: 0, retractions: 0))
            var records: [FactRecord] = batch.retractions.map { .retraction($0) }
            records += batch.nodes.map { .node($0) }
            records += batch.edges.map { .edge($0) }
            for record in records {
                let ref = log.append(record)
                try graph.apply(record, ref: ref)
            }
            graph.commitTransaction(TransactionInfo(sequence: sequence, timeMillis: 0, source: source, sourceHash: "",
                                                    firstRef: first, endRef: FactRef(log.records.count), nodeFacts: batch.nodes.count,
                                                    edgeFacts: batch.edges.count, retractions: batch.retractions.count))
            try graph.checkInvariants()
        }
        return (graph, log)
    }

    @Test func edgesCreateUnlabelledEndpoints() throws {
        let (graph, _) = try build([(Samples.batch(), "a")])
        let dossier = try #require(graph.index(of: "dossier-32317"))
        #expect(graph.labels(of: dossier).isEmpty)
        #expect(graph.isAlive(dossier))
        #expect(graph.liveNodeCount == 7)
        #expect(graph.edgeCount == 5)
    }

    @Test func sameEdgeFromTwoSourcesIsOneEdgeWithBothProvenances() throws {
        let edge = EdgeFact(from: Samples.id("a"), type: .cites, to: Samples.id("b"), properties: ["w": .int(1)],
                            provenance: [Samples.provenance(1, "first")])
        var second = edge
        second.provenance = [Samples.provenance(2, "second")]
        second.properties = ["w": .int(2), "x": .bool(true)]
        let (graph, _) = try build([(GraphBatch(edges: [edge]), "one"), (GraphBatch(edges: [second]), "two")])
        #expect(graph.edgeCount == 1)
        let merged = try graph.edge(0)
        #expect(merged.provenance.map(\.text) == ["first", "second"])
        #expect(merged.properties == ["w": .int(2), "x": .bool(true)])
    }

    @Test func nodeFactsMergeLabelsAndLaterPropertiesWin() throws {
        let a = NodeFact(id: Samples.id("m"), labels: [.kamerstuk], properties: ["n": .int(1), "t": .string("x")])
        let b = NodeFact(id: Samples.id("m"), labels: [.motion], properties: ["n": .int(2)])
        let (graph, _) = try build([(GraphBatch(nodes: [a]), "one"), (GraphBatch(nodes: [b]), "two")])
        let node = try #require(graph.index(of: "m"))
        #expect(graph.labels(of: node) == [.kamerstuk, .motion])
        #expect(try graph.properties(ofNode: node) == ["n": .int(2), "t": .string("x")])
    }

    @Test func sourceRetractionSupersedesOnlyThatSource() throws {
        let old = Samples.batch(variant: 1)
        var new = GraphBatch(retractions: [.source("file-a")])
        new.nodes = [NodeFact(id: Samples.id("kst-32317-884"), labels: [.kamerstuk], properties: ["number": .int(884)])]
        let other = GraphBatch(edges: [EdgeFact(from: Samples.id("x"), type: .cites, to: Samples.id("kst-32317-882"))])
        let (graph, _) = try build([(old, "file-a"), (other, "file-b"), (new, "file-a")])
        #expect(graph.transactions[0].supersededBy == 3)
        #expect(graph.transactions[1].supersededBy == 0)
        // Only the new statement of file-a and file-b's edge remain.
        #expect(graph.edgeCount == 1)
        #expect(graph.index(of: "doc-0000000000000001") == nil)
        #expect(graph.index(of: "kst-32317-884") != nil)
        let kept = try #require(graph.index(of: "kst-32317-882"))
        #expect(graph.labels(of: kept).isEmpty, "its labels came from the retracted import only")
        #expect(graph.nodes(withLabel: try #require(graph.labelNames.id(of: "Meeting"))).isEmpty)
    }

    @Test func nodeRetractionRemovesItsEdgesAndTheEdgeCanComeBack() throws {
        let batch = Samples.batch()
        let retract = GraphBatch(retractions: [.node(Samples.id("kst-32317-884"))])
        let again = GraphBatch(edges: [EdgeFact(from: Samples.id("doc-0000000000000001"), type: .cites, to: Samples.id("kst-32317-884"))])
        let (graph, _) = try build([(batch, "a"), (retract, "b")])
        #expect(graph.index(of: "kst-32317-884") == nil)
        #expect(graph.edgeCount == 3)
        let (revived, _) = try build([(batch, "a"), (retract, "b"), (again, "c")])
        #expect(revived.index(of: "kst-32317-884") != nil)
        #expect(revived.edgeCount == 4)
    }

    @Test func edgeRetraction() throws {
        let key = EdgeKey(from: Samples.id("doc-0000000000000001"), type: .about, to: Samples.id("meeting-jbz-2024-07-22"))
        let (graph, _) = try build([(Samples.batch(), "a"), (GraphBatch(retractions: [.edge(key)]), "b")])
        #expect(graph.edgeCount == 4)
        #expect(graph.index(of: "meeting-jbz-2024-07-22") != nil, "the meeting is still asserted as a node")
    }

    @Test func adjacencyIsSortedAndBothDirectionsAgree() throws {
        let (graph, _) = try build([(Samples.randomBatch(nodes: 300, edges: 3000, seed: 42), "r")])
        try graph.checkInvariants()
        let adjacency = graph.adjacency
        for node in 0..<graph.nodeCount {
            for type in 0..<UInt16(graph.typeNames.count) {
                for edge in adjacency.outRange(node, type: type) { #expect(adjacency.outTypes[edge] == type) }
                for entry in adjacency.inRange(node, type: type) { #expect(adjacency.inTypes[entry] == type) }
            }
        }
    }

    @Test func compactionAcrossManyTransactionsKeepsEveryEdge() throws {
        var batches: [(GraphBatch, String)] = []
        for i in 0..<6 { batches.append((Samples.randomBatch(nodes: 50, edges: 200, seed: UInt64(i)), "s\(i % 3)")) }
        let (graph, _) = try build(batches)
        // Rebuild the same facts in one transaction per source's last import: same edges.
        var expected = Set<String>()
        for (i, (batch, _)) in batches.enumerated() where i >= 3 {
            for edge in batch.edges { expected.insert("\(edge.from)|\(edge.type)|\(edge.to)") }
        }
        var actual = Set<String>()
        for edge in 0..<graph.edgeCount {
            let fact = try graph.edge(edge)
            actual.insert("\(fact.from)|\(fact.type)|\(fact.to)")
        }
        // Sources s0, s1, s2 were each imported twice; the second import superseded the first only
        // when a retraction was written, which these batches do not do: all edges stay.
        for (batch, _) in batches[0..<3] { for edge in batch.edges { expected.insert("\(edge.from)|\(edge.type)|\(edge.to)") } }
        #expect(actual == expected)
    }

    @Test func labelIndexFollowsChanges() throws {
        let (graph, _) = try build([(Samples.batch(), "a")])
        let meeting = try #require(graph.labelNames.id(of: "Meeting"))
        #expect(graph.nodes(withLabel: meeting).count == 1)
    }

    @Test func savedPartsRestoreAnEqualGraph() throws {
        let (graph, log) = try build([(Samples.randomBatch(nodes: 100, edges: 400, seed: 3), "a"), (Samples.batch(), "b")])
        let restored = try Graph(loader: log, parts: graph.parts())
        try restored.checkInvariants()
        #expect(try restored.canonicalDump() == graph.canonicalDump())
    }

    @Test func idTableGrowsAndFindsEverything() {
        var table = NodeIDTable()
        for i in 0..<5000 { _ = table.intern("id-\(i)") }
        #expect(table.count == 5000)
        #expect(table.index(of: "id-4321") == 4321)
        #expect(table.index(of: "id-5000") == nil)
        #expect(table.intern("id-7").added == false)
        #expect(table.check() == nil)
    }
}
