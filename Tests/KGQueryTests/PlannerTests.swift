import KGModel
import KGQuery
import Testing

/// The planner: anchor choice, expansion order, predicate placement, and the `--explain` text.
@Suite struct PlannerTests {
    let runner: Runner

    init() throws { runner = Runner(try Fixtures.parliament()) }

    func plan(_ text: String, _ parameters: [String: Value] = [:]) throws -> [String] {
        try runner.engine.explain(text, parameters: parameters).components(separatedBy: "\n")
    }

    @Test func theExampleQueryPlan() throws {
        let lines = try plan("""
        MATCH p = (m:Motion {id: 'kst-26643-1011'})<-[:cites|refers_to]-(x)<-[:contains]-(d:Document)-[:about]->(mt:Meeting)
        WHERE mt.date >= date('2023-01-01')
        RETURN mt.id, mt.date, d.title, count(x) AS mentions
        ORDER BY mt.date LIMIT 20
        """)
        #expect(lines == [
            "NodeByIdSeek (m:Motion) id = 'kst-26643-1011'  ~1 row",
            "Expand (m)<-[#1:cites|refers_to]-(x)  ~0.31 rows",
            "Expand (x)<-[#2:contains]-(d) check (d:Document)  ~0.047 rows",
            "Expand (d)-[#3:about]->(mt) check (mt:Meeting)  ~0.0072 rows",
            "BuildPath p = m, #1, x, #2, d, #3, mt",
            "Filter mt.date >= date('2023-01-01')",
            "Aggregate keys [mt.id = mt.id, mt.date = mt.date, d.title = d.title] aggregates [mentions = count(x)]",
            "Sort mt.date ASC (keep top 20)",
            "Limit 20",
            "ProduceResults mt.id, mt.date, d.title, mentions",
        ])
    }

    @Test func anIdLookupBeatsALabelScanBeatsAFullScan() throws {
        #expect(try plan("MATCH (a)-[:asks]->(q:Question {id: 'question-b'}) RETURN a")[0]
                == "NodeByIdSeek (q:Question) id = 'question-b'  ~1 row")
        #expect(try plan("MATCH (a:Document)-[:about]->(m) WHERE m.id = $id RETURN a", ["id": .string("x")])[0]
                == "NodeByIdSeek (m) id = $id  ~1 row")
        #expect(try plan("MATCH (f:Faction)-[:asks]->(q:Question)<-[:contains]-(d) RETURN d")[0]
                == "NodeByLabelScan (f:Faction)  ~2 rows", "2 factions, 2 questions: the first in the pattern wins a tie")
        #expect(try plan("MATCH (d)-[:contains]->(x:Passage:Question) RETURN d")[0]
                == "NodeByLabelScan (x:Passage:Question)  ~2 rows", "the rarest label scans, the other is checked")
        #expect(try plan("MATCH (a)-->(b) RETURN a")[0] == "AllNodesScan (a)  ~14 rows")
        #expect(try plan("MATCH (a) WHERE a.id IN ['x', 'y'] RETURN a")[0] == "NodeByIdSeek (a) id IN ['x', 'y']  ~1 row")
        #expect(try plan("UNWIND $ids AS s MATCH (a {id: s}) RETURN a", ["ids": .list([])])[1] == "NodeByIdSeek (a) id = s  ~1 row")
    }

    @Test func predicatesRunRightAfterTheirVariablesAreBound() throws {
        let lines = try plan("MATCH (f:Faction)-[:asks]->(q)<-[:answers]-(a) WHERE f.name = 'VVD' AND a.text CONTAINS 'goed' RETURN q")
        #expect(lines == [
            "NodeByLabelScan (f:Faction)  ~2 rows",
            "Filter f.name = 'VVD'",
            "Expand (f)-[#1:asks]->(q)  ~0.31 rows",
            "Expand (q)<-[#2:answers]-(a)  ~0.047 rows",
            "Filter a.text CONTAINS 'goed'",
            "ProduceResults q",
        ])
    }

    @Test func optionalExistsShortestAndProjectionsExplain() throws {
        #expect(try plan("MATCH (q:Question) OPTIONAL MATCH (q)<-[:answers]-(a) RETURN q, a") == [
            "NodeByLabelScan (q:Question)  ~2 rows",
            "Optional (null when no match: a, #1)",
            "  Expand (q)<-[#1:answers]-(a)  ~0.15 rows",
            "ProduceResults q, a",
        ])
        #expect(try plan("MATCH (d:Document) WHERE exists((d)-[:about]->()) RETURN DISTINCT d.title AS t ORDER BY t SKIP 1") == [
            "NodeByLabelScan (d:Document)  ~2 rows",
            "Filter exists(pattern 1)",
            "Project t = d.title",
            "Distinct t",
            "Sort t ASC",
            "Skip 1",
            "ProduceResults t",
            "exists pattern 1:",
            "  Expand (d)-[#2:about]->(#1)  ~0.15 rows",
        ])
        #expect(try plan("MATCH (a {id: 'doc-1'}), (b {id: 'doc-2'}) MATCH p = shortestPath((a)-[*..5]-(b)) RETURN p") == [
            "NodeByIdSeek (a) id = 'doc-1'  ~1 row",
            "NodeByIdSeek (b) id = 'doc-2'  ~1 row",
            "ShortestPath (bidirectional breadth-first) (a)-[#1*1..5]-(b)",
            "ProduceResults p",
        ])
        #expect(try plan("MATCH (a {id: 'doc-1'})-[*1..3]->(b) RETURN count(DISTINCT b)") == [
            "NodeByIdSeek (a) id = 'doc-1'  ~1 row",
            "DistinctEndpoints (breadth-first) (a)-[#1*1..3]->(b)",
            "Aggregate keys [] aggregates [count(DISTINCT b) = count(DISTINCT b)]",
            "ProduceResults count(DISTINCT b)",
        ])
        #expect(try plan("MATCH p = (a {id: 'doc-1'})-[:contains]->(x) UNWIND nodes(p) AS n WITH n, count(*) AS c WHERE c > 1 RETURN n.id, c * 2 AS d") == [
            "NodeByIdSeek (a) id = 'doc-1'  ~1 row",
            "Expand (a)-[#1:contains]->(x)  ~0.15 rows",
            "BuildPath p = a, #1, x",
            "Unwind nodes(p) AS n",
            "Aggregate keys [n = n] aggregates [c = count(*)]",
            "Filter c > 1",
            "Project n.id = n.id, d = c * 2",
            "ProduceResults n.id, d",
        ])
    }
}

/// Regressions found while writing the CLI tests.
@Suite struct PlannerRegressionTests {
    @Test func anIdConditionHoldsWhenItsNodeIsReachedByExpansion() throws {
        let runner = Runner(try Fixtures.parliament())
        // Both ends estimate one row; whichever anchors, k must still be kst-32317-884 only.
        #expect(try runner.rows("MATCH (f:Faction {name: 'VVD'})-[:asks]->(q {id: 'question-b'}) RETURN q.id").isEmpty)
        #expect(try runner.rows("MATCH (m:Motion)<-[:cites]-(x {id: 'passage-2'}) RETURN x.id") == ["passage-2"])
        #expect(try runner.rows("MATCH (m:Motion)<-[:cites]-(x {id: 'passage-1'}) RETURN x.id").isEmpty)
        #expect(try runner.rows("MATCH (m:Motion)<-[:cites]-(x) WHERE x.id IN ['passage-1', 'question-a'] RETURN x.id") == ["question-a"])
        #expect(try runner.engine.explain("MATCH (m:Motion)<-[:cites]-(x {id: 'passage-2'}) RETURN x.id").hasPrefix("NodeByIdSeek (x)"),
                "an id lookup wins a tie with a one-node label")
    }
}
