import KGModel
import KGQuery
import Testing

/// Executor: clauses (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN), anchors, directions, ordering.
@Suite struct ClauseTests {
    let runner: Runner

    init() throws { runner = Runner(try Fixtures.parliament()) }

    @Test func theExampleQueryFromTheIssue() throws {
        let rows = try runner.rows("""
        MATCH p = (m:Motion {id: 'kst-26643-1011'})<-[:cites|refers_to]-(x)<-[:contains]-(d:Document)-[:about]->(mt:Meeting)
        WHERE mt.date >= date('2023-01-01')
        RETURN mt.id, mt.date, d.title, count(x) AS mentions
        ORDER BY mt.date LIMIT 20
        """)
        #expect(rows == ["meeting-jbz-2023-10-19 | 2023-10-19 | Geannoteerde agenda JBZ-Raad | 2"])
        let all = try runner.rows("""
        MATCH (m:Motion {id: 'kst-26643-1011'})<-[:cites|refers_to]-(x)<-[:contains]-(d:Document)-[:about]->(mt:Meeting)
        RETURN mt.id, count(x) AS mentions ORDER BY mt.id
        """)
        #expect(all == ["meeting-jbz-2022-12-08 | 1", "meeting-jbz-2023-10-19 | 2"])
    }

    @Test func columnsAreAliasesOrTheTextAsWritten() throws {
        let result = try runner.run("MATCH (d:Document) RETURN d.title AS title, d.date, count(*) ORDER BY title")
        #expect(result.table.columns == ["title", "d.date", "count(*)"])
        #expect(try runner.rows("MATCH (d:Document) RETURN d.title AS title, d.date ORDER BY title")
                == ["Geannoteerde agenda JBZ-Raad | 2023-10-10", "Verslag JBZ-Raad | 2022-12-20"])
    }

    @Test func anchors() throws {
        #expect(try runner.rows("MATCH (n {id: 'question-b'}) RETURN n") == ["(question-b:Question)"])
        #expect(try runner.rows("MATCH (n) WHERE n.id = 'question-b' RETURN n.text") == ["Hoe staat het met de motie?"])
        #expect(try runner.rows("MATCH (n) WHERE n.id IN ['faction-D66', 'nope', 'faction-VVD'] RETURN n.name")
                == ["D66", "VVD"], "a list seek follows the list's order")
        #expect(try runner.rows("MATCH (n:Question) RETURN n.id") == ["question-a", "question-b"])
        #expect(try runner.rows("MATCH (n:Kamerstuk:Motion) RETURN n.id") == ["kst-26643-1011"])
        #expect(try runner.rows("MATCH (n) RETURN count(*)") == ["14"], "13 declared nodes and dossier-26643, created by an edge")
        #expect(try runner.rows("MATCH (n {id: $id}) RETURN labels(n)", ["id": .string("kst-26643-1011")]) == ["['Kamerstuk', 'Motion']"])
        #expect(try runner.rows("MATCH (n {id: 'question-a'}) WHERE n:Answer RETURN n").isEmpty)
        #expect(try runner.rows("MATCH (n:Question {id: 'answer-a'}) RETURN n").isEmpty, "the seek still checks labels")
        #expect(try runner.rows("MATCH (n {id: 42}) RETURN n").isEmpty)
    }

    @Test func directionsAndTypes() throws {
        #expect(try runner.rows("MATCH ({id: 'answer-a'})-[r]->(x) RETURN type(r), x.id")
                == ["refers_to | kst-26643-1011", "answers | question-a"], "out-edges by (type id, target); type ids in first-seen order")
        #expect(try runner.rows("MATCH ({id: 'question-a'})<-[r]-(x) RETURN type(r), x.id")
                == ["contains | doc-1", "asks | faction-VVD", "answers | answer-a"], "in-edges by type id (first seen), then source")
        #expect(try runner.rows("MATCH ({id: 'question-a'})-[r]-(x) RETURN type(r), x.id")
                == ["cites | kst-26643-1011", "contains | doc-1", "asks | faction-VVD", "answers | answer-a"],
                "either direction: out-entries, then in-entries")
        #expect(try runner.rows("MATCH (x)-[:cites|refers_to]->(:Motion) RETURN x.id")
                == ["question-a", "passage-2", "answer-a"], "anchored on the one Motion, in-entries by (type, source)")
        #expect(try runner.rows("MATCH (a:Document)-->(b:Meeting) RETURN a.id, b.id")
                == ["doc-1 | meeting-jbz-2023-10-19", "doc-2 | meeting-jbz-2022-12-08"])
    }

    @Test func expandIntoChecksAnEdgeBetweenBoundNodes() throws {
        #expect(try runner.rows("MATCH (a {id: 'doc-1'}), (b:Question) MATCH (a)-[:contains]->(b) RETURN b.id") == ["question-a", "question-b"])
        #expect(try runner.rows("MATCH (a {id: 'doc-1'}), (b:Question) MATCH (b)<-[:contains|about]-(a) RETURN b.id") == ["question-a", "question-b"])
        #expect(try runner.rows("MATCH (a {id: 'doc-2'}), (b:Question) MATCH (a)-[:contains]->(b) RETURN b.id").isEmpty)
        #expect(try runner.rows("MATCH (a:Faction)-[:asks]->(q)<-[:answers]-(x) RETURN a.name, x.id") == ["VVD | answer-a"])
    }

    @Test func commaPartsAreACartesianProductInStableOrder() throws {
        #expect(try runner.rows("MATCH (f:Faction), (m:Meeting) RETURN f.name, m.id")
                == ["VVD | meeting-jbz-2023-10-19", "VVD | meeting-jbz-2022-12-08",
                    "D66 | meeting-jbz-2023-10-19", "D66 | meeting-jbz-2022-12-08"])
    }

    @Test func optionalMatchGivesNullsWhenNothingMatches() throws {
        #expect(try runner.rows("MATCH (q:Question) OPTIONAL MATCH (q)<-[:answers]-(a) RETURN q.id, a.id")
                == ["question-a | answer-a", "question-b | null"])
        #expect(try runner.rows("MATCH (q:Question) OPTIONAL MATCH (q)<-[:answers]-(a) WHERE a.text STARTS WITH 'Nee' RETURN q.id, a")
                == ["question-a | null", "question-b | null"], "the WHERE belongs to the optional part")
        #expect(try runner.rows("MATCH (q:Question) OPTIONAL MATCH (q)<-[:answers]-(a) RETURN q.id, count(a) AS n ORDER BY q.id")
                == ["question-a | 1", "question-b | 0"])
        #expect(try runner.rows("OPTIONAL MATCH (x:Meeting {id: 'nope'}) RETURN x") == ["null"])
        #expect(try runner.rows("MATCH (q:Question) OPTIONAL MATCH (q)<-[:answers]-(a) MATCH (a)-[:refers_to]->(m) RETURN q.id, m.id")
                == ["question-a | kst-26643-1011"], "a later MATCH from a null binding matches nothing")
    }

    @Test func withProjectsFiltersOrdersAndLimits() throws {
        #expect(try runner.rows("""
        MATCH (d:Document)-[:contains]->(x)
        WITH d, count(x) AS parts WHERE parts > 1
        RETURN d.id, parts
        """) == ["doc-1 | 4"])
        #expect(try runner.rows("""
        MATCH (n) WITH n.id AS id ORDER BY id DESC SKIP 2 LIMIT 3 RETURN id
        """) == ["passage-2", "passage-1", "meeting-jbz-2023-10-19"])
        #expect(try runner.rows("MATCH (n:Meeting) WITH DISTINCT n.name AS name RETURN name") == ["JBZ-Raad"])
        #expect(try runner.rows("WITH 1 AS one, 'x' AS x RETURN one + 1, x") == ["2 | x"])
        #expect(try runner.rows("MATCH (d:Document) WITH d.title AS title RETURN title ORDER BY title LIMIT 1") == ["Geannoteerde agenda JBZ-Raad"])
    }

    @Test func withEndsTheScopeOfUnprojectedVariables() {
        #expect(throws: QueryError.self) { try runner.run("MATCH (a)-->(b) WITH a RETURN b") }
        do {
            _ = try runner.run("MATCH (a)-->(b) WITH a RETURN b")
        } catch let error as QueryError {
            #expect(error.description == "bind error at 1:31: variable `b` is not defined")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unwindListsAndParameters() throws {
        #expect(try runner.rows("UNWIND [3, 1, 2] AS x RETURN x * 10") == ["30", "10", "20"])
        #expect(try runner.rows("UNWIND [] AS x RETURN x").isEmpty)
        #expect(try runner.rows("UNWIND null AS x RETURN x").isEmpty)
        #expect(try runner.rows("UNWIND $starts AS s MATCH (a {id: s})-[*1..2]-(b) RETURN s, count(DISTINCT b)",
                                ["starts": .list([.string("faction-VVD"), .string("passage-1"), .string("missing")])])
                == ["faction-VVD | 4", "passage-1 | 6"], "faction-VVD reaches question-a, then kst-26643-1011, doc-1, answer-a")
        #expect(try runner.rows("UNWIND [[1, 2], [3]] AS l UNWIND l AS x RETURN sum(x)") == ["6"])
    }

    @Test func multipleMatchClausesChain() throws {
        #expect(try runner.rows("""
        MATCH (f:Faction {name: 'VVD'})-[:asks]->(q)
        MATCH (q)<-[:contains]-(d)
        MATCH (d)-[:about]->(m)
        RETURN f.name, q.id, m.id
        """) == ["VVD | question-a | meeting-jbz-2023-10-19"])
    }

    @Test func returnStarListsVariablesByName() throws {
        let result = try runner.run("MATCH (q:Question {id: 'question-a'})<-[r:asks]-(f) RETURN *")
        #expect(result.table.columns == ["f", "q", "r"])
        #expect(try runner.rows("MATCH (q:Question {id: 'question-a'})<-[r:asks]-(f) RETURN *")
                == ["(faction-VVD:Faction) | (question-a:Question) | (faction-VVD)-[:asks]->(question-a)"])
    }

    @Test func orderByKeysDirectionsNullsLastAndStableTies() throws {
        #expect(try runner.rows("MATCH (n) RETURN n.id, n.number ORDER BY n.number DESC, n.id LIMIT 5")
                == ["kst-26643-1011 | 1011", "kst-32317-884 | 884", "question-b | 2", "question-a | 1", "answer-a | null"],
                "nulls last also when descending; ties by the next key")
        #expect(try runner.rows("MATCH (n) RETURN n.id ORDER BY n.number LIMIT 3")
                == ["question-a", "question-b", "kst-32317-884"])
        // Ties keep arrival order: every Document, Meeting, ... ties on a missing key.
        let tied = try runner.rows("MATCH (n) RETURN n.id ORDER BY n.missing")
        let unordered = try runner.rows("MATCH (n) RETURN n.id")
        #expect(tied == unordered)
        #expect(unordered == ["doc-1", "doc-2", "meeting-jbz-2023-10-19", "meeting-jbz-2022-12-08", "kst-26643-1011", "kst-32317-884",
                              "question-a", "question-b", "answer-a", "passage-1", "passage-2", "faction-VVD", "faction-D66", "dossier-26643"],
                "without ORDER BY rows come in node-index order")
        #expect(try runner.rows("UNWIND [2, 'b', null, 1.5, true, 'a', [1], date('2020-01-01')] AS x RETURN x ORDER BY x")
                == ["[1]", "2020-01-01", "a", "b", "true", "1.5", "2", "null"], "the order across types")
    }

    @Test func orderByCanUseVariablesThatAreNotReturned() throws {
        #expect(try runner.rows("MATCH (m:Meeting) RETURN m.id ORDER BY m.date") == ["meeting-jbz-2022-12-08", "meeting-jbz-2023-10-19"])
        #expect(try runner.rows("MATCH (d:Document)-[:about]->(m) RETURN d.id ORDER BY m.date DESC") == ["doc-1", "doc-2"])
    }

    @Test func skipAndLimitTakeParameters() throws {
        #expect(try runner.rows("MATCH (n:Passage) RETURN n.id SKIP $s LIMIT $l", ["s": .int(1), "l": .int(5)]) == ["passage-2"])
        #expect(try runner.rows("MATCH (n) RETURN n.id LIMIT 0").isEmpty)
        #expect(throws: QueryError.typeMismatch("LIMIT expects a non-negative integer, got -1")) {
            try runner.run("MATCH (n) RETURN n LIMIT $l", ["l": .int(-1)])
        }
    }

    @Test func distinctKeepsFirstSeenOrder() throws {
        #expect(try runner.rows("MATCH (x)-[:cites]->(k) RETURN DISTINCT k.id") == ["kst-26643-1011", "kst-32317-884"])
        #expect(try runner.rows("UNWIND [1, 2, 1, null, 2, null] AS x RETURN DISTINCT x") == ["1", "2", "null"])
    }
}
