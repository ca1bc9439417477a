import KGModel
import KGQuery
import KGTestSupport
import Testing

/// Executor: variable-length relationships (bounds, cap, trail semantics, relationship lists, paths),
/// distinct-endpoint search against path enumeration, shortest paths (bidirectional against plain BFS).
@Suite struct TraversalTests {
    static func triangle() throws -> Graph {
        try Fixtures.graph(nodes: [("a", ["N"], [:]), ("b", ["N"], [:]), ("c", ["N"], [:])],
                           edges: [("a", "next", "b", [:]), ("b", "next", "c", [:]), ("c", "next", "a", [:])])
    }

    static func chain(_ count: Int) throws -> Graph {
        try Fixtures.graph(nodes: (0..<count).map { ("n\($0)", ["N"], ["i": .int(Int64($0))]) },
                           edges: (0..<(count - 1)).map { ("n\($0)", "next", "n\($0 + 1)", [:]) })
    }

    /// A random multigraph: `nodes` nodes `v0...`, `edges` edges of types t0/t1 (self-loops and
    /// parallel edges of different types included).
    static func random(seed: UInt64, nodes: Int, edges: Int) throws -> Graph {
        var random = SeededRandom(seed: seed)
        var list: [(String, String, String, Properties)] = []
        var seen = Set<String>()
        while list.count < edges {
            let a = Int(random.next() % UInt64(nodes)), b = Int(random.next() % UInt64(nodes))
            let type = "t\(random.next() % 2)"
            guard seen.insert("\(a) \(type) \(b)").inserted else { continue }
            list.append(("v\(a)", type, "v\(b)", ["w": .int(Int64(random.next() % 3))]))
        }
        return try Fixtures.graph(nodes: (0..<nodes).map { ("v\($0)", ["V"], [:]) }, edges: list)
    }

    @Test func trailsNeverReuseAnEdge() throws {
        let runner = Runner(try TraversalTests.triangle())
        #expect(try runner.rows("MATCH ({id: 'a'})-[*1..10]->(x) RETURN x.id") == ["b", "c", "a"],
                "around the triangle once, back to a, then the first edge is used up")
        #expect(try runner.rows("MATCH ({id: 'a'})-[r1]-(b)-[r2]-(c) RETURN b.id, c.id") == ["b | c", "c | b"],
                "an undirected second hop cannot take the first edge back")
        #expect(try runner.rows("MATCH ({id: 'a'})-[r]->(b), (a2 {id: 'a'})-[*1..3]->(c) RETURN c.id").isEmpty,
                "the variable-length part may not reuse r from the same MATCH")
        #expect(try runner.rows("MATCH ({id: 'a'})-[r]->(b) MATCH ({id: 'a'})-[*1..3]->(c) RETURN c.id") == ["b", "c", "a"],
                "another MATCH may")
        #expect(try runner.rows("MATCH ({id: 'a'})-[*1..10]-(x) RETURN x.id") == ["b", "c", "a", "c", "b", "a"],
                "undirected: each way round")
    }

    @Test func hopBoundsAndTheCap() throws {
        let runner = Runner(try TraversalTests.chain(20))
        func ids(_ pattern: String) throws -> [String] { try runner.rows("MATCH ({id: 'n0'})\(pattern)(x) RETURN x.id") }
        #expect(try ids("-[*2]->") == ["n2"])
        #expect(try ids("-[*0..2]->") == ["n0", "n1", "n2"])
        #expect(try ids("-[*..3]->") == ["n1", "n2", "n3"])
        #expect(try ids("-[*1..19]->").count == 19)
        #expect(try ids("-[*18..19]->") == ["n18", "n19"])
        #expect(try ids("-[*0]->") == ["n0"])
        #expect(try ids("<-[*1..3]-").isEmpty)
        let capped = try runner.run("MATCH ({id: 'n0'})-[*]->(x) RETURN x.id")
        #expect(capped.table.rows.count == QueryLimits.defaultMaxHops)
        #expect(capped.warnings.map(\.description)
                == ["1:19: variable-length relationship without an upper bound: capped at 16 hops (write *1..N to choose)"])
        #expect(try runner.rows("MATCH ({id: 'n0'})-[*3..]->(x) RETURN count(*)") == ["14"])
        #expect(throws: QueryError.self) { try runner.run("MATCH ({id: 'n0'})-[*20..]->(x) RETURN x") }
        #expect(try runner.rows("MATCH ({id: 'n0'})-[*1..16]->(x) RETURN count(DISTINCT x)") == ["16"])
    }

    @Test func relationshipListsAndPathsKeepPatternOrder() throws {
        let runner = Runner(try TraversalTests.chain(8))
        #expect(try runner.rows("MATCH ({id: 'n0'})-[r*2]->(b) RETURN size(r), startNode(r[0]).id, endNode(r[1]).id") == ["2 | n0 | n2"])
        // Anchored on the right end (the id lookup), traversed backwards, reported in pattern order.
        #expect(try runner.rows("MATCH (a)-[r*2]->(b {id: 'n5'}) RETURN a.id, startNode(r[0]).id, endNode(r[-1]).id") == ["n3 | n3 | n5"])
        #expect(try runner.rows("MATCH p = (a)-[*2]->(b {id: 'n5'}) RETURN nodes(p), length(p)") == ["[(n3:N), (n4:N), (n5:N)] | 2"])
        #expect(try runner.rows("MATCH p = (a {id: 'n1'})-[:next]->(b)<-[:next*0..1]-(c) RETURN length(p), c.id ORDER BY length(p)")
                == ["1 | n2"], "zero hops back to b; the one-hop way back would reuse n1->n2")
        #expect(try runner.rows("MATCH p = ({id: 'n6'})<-[*1..2]-(x) RETURN p")
                == ["(n6:N)<-[:next]-(n5:N)", "(n6:N)<-[:next]-(n5:N)<-[:next]-(n4:N)"])
        #expect(try runner.rows("MATCH p = ({id: 'n2'})-[r:next]->(x) RETURN relationships(p) = [r], nodes(p)[1] = x") == ["true | true"])
        #expect(try runner.rows("MATCH p = ({id: 'n2'})-[*3]->(x) RETURN [n IN nodes(p) | n.i], [r IN relationships(p) WHERE type(r) = 'next' | id(r)][0]")
                == ["[2, 3, 4, 5] | (n2)-[:next]->(n3)"])
        #expect(try runner.rows("MATCH ({id: 'n0'})-[r:next*1..3 {w: 1}]->(x) RETURN x").isEmpty, "edge maps apply to every hop")
    }

    @Test func distinctEndpointSearchIsChosenOnlyWhenDuplicatesCannotMatter() throws {
        let runner = Runner(try TraversalTests.triangle())
        func plan(_ text: String) throws -> String { try runner.engine.explain(text) }
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) RETURN count(DISTINCT b)").contains("DistinctEndpoints"))
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) RETURN DISTINCT b").contains("DistinctEndpoints"))
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) RETURN b, min(b.x)").contains("DistinctEndpoints"))
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) RETURN count(b)").contains("VarLengthExpand"))
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) RETURN b").contains("VarLengthExpand"))
        #expect(try plan("MATCH (a {id: 'a'})-[r*1..3]->(b) RETURN count(DISTINCT b)").contains("VarLengthExpand"))
        #expect(try plan("MATCH p = (a {id: 'a'})-[*1..3]->(b) RETURN count(DISTINCT b)").contains("VarLengthExpand"))
        #expect(try plan("MATCH (a {id: 'a'})-[*2..3]->(b) RETURN count(DISTINCT b)").contains("VarLengthExpand"))
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) WITH b RETURN count(DISTINCT b)").contains("VarLengthExpand"))
        #expect(try plan("MATCH (a {id: 'a'})-[*1..3]->(b) WITH DISTINCT b RETURN count(b)").contains("DistinctEndpoints"))
        #expect(try plan("MATCH (a {id: 'a'}) WHERE exists((a)-[*1..5]->({id: 'c'})) RETURN a").contains("DistinctEndpoints"))
        #expect(try plan("MATCH (a {id: 'a'})-[r]->(x), (a)-[*1..3]->(b) RETURN count(DISTINCT b)").contains("VarLengthExpand"),
                "types overlap with r: trails must avoid it")
    }

    /// The breadth-first distinct-endpoint search and trail enumeration agree on random multigraphs,
    /// in every direction and hop range, with free and bound far ends.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func distinctEndpointsAgreeWithTrailEnumeration(seed: UInt64) throws {
        let graph = try TraversalTests.random(seed: seed, nodes: 14, edges: 30)
        let runner = Runner(graph)
        for arrow in [("-", "->"), ("<-", "-"), ("-", "-")] {
            for range in ["1..1", "1..2", "1..3", "0..2", "1..4", "0..1"] {
                for types in ["", ":t0", ":t0|t1"] {
                    for start in 0..<14 where start % 3 == 0 {
                        let s: [String: Value] = ["s": .string("v\(start)")]
                        let bfs = "MATCH (a {id: $s})\(arrow.0)[\(types)*\(range)]\(arrow.1)(b) RETURN DISTINCT b.id"
                        let trails = "MATCH (a {id: $s})\(arrow.0)[r\(types)*\(range)]\(arrow.1)(b) RETURN DISTINCT b.id"
                        #expect(try runner.engine.explain(bfs, parameters: s).contains("DistinctEndpoints"))
                        #expect(try runner.engine.explain(trails, parameters: s).contains("VarLengthExpand"))
                        let found = Set(try runner.rows(bfs, s))
                        let expected = Set(try runner.rows(trails, s))
                        #expect(found == expected, "\(bfs) from v\(start)")
                        // Bound far end: a reachability check.
                        for target in [start, (start + 5) % 14] {
                            let p: [String: Value] = ["s": .string("v\(start)"), "t": .string("v\(target)")]
                            let check = "MATCH (a {id: $s}), (b {id: $t}) MATCH (a)\(arrow.0)[\(types)*\(range)]\(arrow.1)(b) RETURN DISTINCT b.id"
                            #expect(try runner.rows(check, p).count == (expected.contains("v\(target)") ? 1 : 0), "\(check) v\(start)->v\(target)")
                        }
                    }
                }
            }
        }
    }

    @Test func kernelsAnswerDirectly() throws {
        let graph = try TraversalTests.chain(6)
        let kernels = TraversalKernels(graph: graph)
        #expect(try kernels.twoHopDistinctCount(from: try #require(graph.index(of: "n0"))) == 2)
        #expect(try kernels.reachable(from: 0, maxHops: 10).map { graph.id(of: Int($0)).rawValue } == ["n1", "n2", "n3", "n4", "n5"])
        #expect(try kernels.reachable(from: 5, direction: .incoming, maxHops: 2).count == 2)
        #expect(try kernels.reachable(from: 0, types: [], maxHops: 3).isEmpty)
        #expect(try kernels.shortestPathLength(from: 0, to: 5) == 5)
        #expect(try kernels.shortestPathLength(from: 5, to: 0) == nil)
        #expect(try kernels.shortestPathLength(from: 5, to: 0, direction: .both) == 5)
        #expect(try kernels.shortestPathLength(from: 0, to: 5, maxHops: 4) == nil)
        #expect(try kernels.shortestPath(from: 1, to: 3)?.nodes == [1, 2, 3])
    }

    // MARK: - Shortest paths

    @Test func shortestPathQueries() throws {
        let runner = Runner(try Fixtures.parliament())
        #expect(try runner.rows("""
        MATCH (f {id: 'faction-VVD'}), (m {id: 'meeting-jbz-2023-10-19'})
        MATCH p = shortestPath((f)-[*]-(m)) RETURN length(p), p
        """) == ["3 | (faction-VVD:Faction)-[:asks]->(question-a:Question)<-[:contains]-(doc-1:Document)-[:about]->(meeting-jbz-2023-10-19:Meeting)"])
        #expect(try runner.rows("MATCH p = shortestPath((f {id: 'faction-VVD'})-[*]->(m {id: 'meeting-jbz-2023-10-19'})) RETURN p").isEmpty,
                "no directed path")
        #expect(try runner.rows("""
        MATCH p = allShortestPaths(({id: 'passage-2'})-[*]-({id: 'answer-a'})) RETURN length(p), nodes(p)[1].id ORDER BY nodes(p)[1].id
        """) == ["2 | kst-26643-1011"])
        #expect(try runner.rows("""
        MATCH p = allShortestPaths(({id: 'doc-1'})-[*]-({id: 'kst-26643-1011'})) RETURN nodes(p)[1].id
        """) == ["question-a", "answer-a"])
        #expect(try runner.rows("MATCH p = shortestPath((a {id: 'doc-1'})-[*0..]-(a)) RETURN length(p)") == ["0"])
        #expect(try runner.rows("MATCH p = shortestPath((a {id: 'doc-1'})-[*]-(a)) RETURN length(p)").isEmpty)
        #expect(try runner.rows("MATCH p = shortestPath(({id: 'doc-1'})-[:about*..1]-({id: 'kst-26643-1011'})) RETURN p").isEmpty)
        #expect(try runner.rows("MATCH (a:Faction), (b:Meeting) MATCH p = shortestPath((a)-[rs*..4]-(b)) RETURN a.name, b.id, length(p), size(rs)")
                == ["VVD | meeting-jbz-2023-10-19 | 3 | 3", "D66 | meeting-jbz-2023-10-19 | 3 | 3"],
                "the 2022 meeting is 5 hops from VVD and 7 from D66, beyond *..4")
    }

    /// Bidirectional search, plain BFS and the query language agree on lengths; every path found is a
    /// real path of that length; allShortestPaths finds exactly as many paths as a BFS count gives.
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func bidirectionalAgreesWithPlainBreadthFirstSearch(seed: UInt64) throws {
        let graph = try TraversalTests.random(seed: seed, nodes: 40, edges: 70)
        let runner = Runner(graph)
        let kernels = runner.engine.kernels
        let adjacency = graph.adjacency
        for direction in [TraversalDirection.outgoing, .incoming, .both] {
            for s in stride(from: 0, to: 40, by: 3) {
                for t in stride(from: 1, to: 40, by: 4) {
                    let plain = try kernels.shortestPathLengthByPlainBFS(from: s, to: t, direction: direction)
                    let bidirectional = try kernels.shortestPathLength(from: s, to: t, direction: direction)
                    #expect(plain == bidirectional, "v\(s) -> v\(t) \(direction)")
                    let path = try kernels.shortestPath(from: s, to: t, direction: direction)
                    #expect(path?.length == plain)
                    if let path { #expect(isPath(path, from: s, to: t, direction: direction, adjacency)) }
                    let arrows = direction == .outgoing ? ("-", "->") : direction == .incoming ? ("<-", "-") : ("-", "-")
                    let p: [String: Value] = ["s": .string("v\(s)"), "t": .string("v\(t)")]
                    let viaQuery = try runner.rows("MATCH p = shortestPath((a {id: $s})\(arrows.0)[*0..]\(arrows.1)(b {id: $t})) RETURN length(p)", p)
                    #expect(viaQuery == (plain.map { ["\($0)"] } ?? []))
                    let all = try runner.run("MATCH p = allShortestPaths((a {id: $s})\(arrows.0)[*0..]\(arrows.1)(b {id: $t})) RETURN p", p)
                    #expect(all.table.rows.count == countShortestPaths(from: s, to: t, direction: direction, adjacency), "v\(s) -> v\(t)")
                    var distinct = Set<PathValue>()
                    for row in all.table.rows {
                        guard case .path(let found) = row[0] else { Issue.record("not a path"); continue }
                        #expect(found.length == plain)
                        #expect(isPath(found, from: s, to: t, direction: direction, adjacency))
                        distinct.insert(found)
                    }
                    #expect(distinct.count == all.table.rows.count)
                }
            }
        }
    }

    func isPath(_ path: PathValue, from s: Int, to t: Int, direction: TraversalDirection, _ adjacency: Adjacency) -> Bool {
        guard path.nodes.first == s, path.nodes.last == t, path.nodes.count == path.relationships.count + 1 else { return false }
        for (index, edge) in path.relationships.enumerated() {
            let source = adjacency.source(ofEdge: edge), target = Int(adjacency.outTargets[edge])
            let (a, b) = (path.nodes[index], path.nodes[index + 1])
            let ok: Bool
            switch direction {
            case .outgoing: ok = source == a && target == b
            case .incoming: ok = source == b && target == a
            case .both: ok = (source == a && target == b) || (source == b && target == a)
            }
            if !ok { return false }
        }
        return true
    }

    /// Number of shortest paths by BFS layers: paths(w) = sum of paths(u) over edges u -> w one layer up.
    func countShortestPaths(from s: Int, to t: Int, direction: TraversalDirection, _ adjacency: Adjacency) -> Int {
        var distance = [Int](repeating: -1, count: adjacency.nodeCount)
        var paths = [Int](repeating: 0, count: adjacency.nodeCount)
        distance[s] = 0
        paths[s] = 1
        var frontier = [s]
        while !frontier.isEmpty && distance[t] < 0 {
            var next: [Int] = []
            for u in frontier {
                var neighbours: [Int] = []
                if direction != .incoming { for e in adjacency.outRange(u) { neighbours.append(Int(adjacency.outTargets[e])) } }
                if direction != .outgoing {
                    for e in adjacency.inRange(u) where !(direction == .both && Int(adjacency.inSources[e]) == u) {
                        neighbours.append(Int(adjacency.inSources[e]))
                    }
                }
                for w in neighbours {
                    if distance[w] < 0 {
                        distance[w] = distance[u] + 1
                        next.append(w)
                    }
                    if distance[w] == distance[u] + 1 { paths[w] += paths[u] }
                }
            }
            frontier = next
        }
        return distance[t] < 0 ? 0 : paths[t]
    }

    @Test func aRunawayQueryStopsAtItsTimeout() throws {
        var edges: [(String, String, String, Properties)] = []
        for a in 0..<12 { for b in 0..<12 where a != b { edges.append(("k\(a)", "x", "k\(b)", [:])) } }
        let graph = try Fixtures.graph(nodes: (0..<12).map { ("k\($0)", [], [:]) }, edges: edges)
        let engine = QueryEngine(graph: graph)
        let start = ContinuousClock.now
        #expect(throws: QueryError.timeout(seconds: 0.2)) {
            try engine.run("MATCH (a)-[*1..12]-(b) RETURN count(*)", timeout: 0.2)
        }
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
