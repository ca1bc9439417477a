@testable import KGQuerySyntax
import Testing

/// The parser: every construct parses to the tree its canonical dump shows, and the dump parses back
/// to an equal tree (the round trip).
@Suite struct ParserTests {
    /// (query, canonical dump).
    static let cases: [(String, String)] = [
        // Clauses.
        ("MATCH (n) RETURN n", "MATCH (n) RETURN n"),
        ("match (n) return n;", "MATCH (n) RETURN n"),
        ("OPTIONAL MATCH (n) RETURN n", "OPTIONAL MATCH (n) RETURN n"),
        ("MATCH (a) MATCH (b) RETURN a, b", "MATCH (a) MATCH (b) RETURN a, b"),
        ("MATCH (a), (b) WHERE a.x = b.x RETURN *", "MATCH (a), (b) WHERE (a.x = b.x) RETURN *"),
        ("UNWIND [1, 2] AS x RETURN x", "UNWIND [1, 2] AS x RETURN x"),
        ("UNWIND $starts AS s MATCH (a {id: s})-[*1..2]-(b) RETURN s, count(DISTINCT b)",
         "UNWIND $starts AS s MATCH (a {id: s})-[*1..2]-(b) RETURN s, count(DISTINCT b)"),
        ("WITH 1 AS x RETURN x", "WITH 1 AS x RETURN x"),
        ("MATCH (n) WITH DISTINCT n.a AS a ORDER BY a DESC SKIP 1 LIMIT 2 WHERE a > 0 RETURN a",
         "MATCH (n) WITH DISTINCT n.a AS a ORDER BY a DESC SKIP 1 LIMIT 2 WHERE (a > 0) RETURN a"),
        ("MATCH (n) RETURN DISTINCT n.a ORDER BY n.a ASC, n.b DESCENDING LIMIT $k",
         "MATCH (n) RETURN DISTINCT n.a ORDER BY n.a, n.b DESC LIMIT $k"),
        ("MATCH (n) RETURN *, n.a AS a", "MATCH (n) RETURN *, n.a AS a"),
        // Node patterns.
        ("MATCH (:Motion) RETURN 1", "MATCH (:Motion) RETURN 1"),
        ("MATCH (m:Motion:Kamerstuk {id: 'kst-1', n: 2}) RETURN m", "MATCH (m:Motion:Kamerstuk {id: 'kst-1', n: 2}) RETURN m"),
        ("MATCH ({id: 'x'}) RETURN 1", "MATCH ({id: 'x'}) RETURN 1"),
        ("MATCH (`odd name`:`Odd Label`) RETURN `odd name`", "MATCH (`odd name`:`Odd Label`) RETURN `odd name`"),
        // Relationship patterns: directions, types, ranges, properties, variables.
        ("MATCH (a)-->(b) RETURN 1", "MATCH (a)-[]->(b) RETURN 1"),
        ("MATCH (a)<--(b) RETURN 1", "MATCH (a)<-[]-(b) RETURN 1"),
        ("MATCH (a)--(b) RETURN 1", "MATCH (a)-[]-(b) RETURN 1"),
        ("MATCH (a)-[r:cites|refers_to]->(b) RETURN r", "MATCH (a)-[r:cites|refers_to]->(b) RETURN r"),
        ("MATCH (a)-[:cites|:about]-(b) RETURN 1", "MATCH (a)-[:cites|about]-(b) RETURN 1"),
        ("MATCH (a)-[*]->(b) RETURN 1", "MATCH (a)-[*]->(b) RETURN 1"),
        ("MATCH (a)-[*2]->(b) RETURN 1", "MATCH (a)-[*2]->(b) RETURN 1"),
        ("MATCH (a)-[*2..2]->(b) RETURN 1", "MATCH (a)-[*2]->(b) RETURN 1"),
        ("MATCH (a)-[*1..4]->(b) RETURN 1", "MATCH (a)-[*1..4]->(b) RETURN 1"),
        ("MATCH (a)-[*..6]->(b) RETURN 1", "MATCH (a)-[*..6]->(b) RETURN 1"),
        ("MATCH (a)-[*3..]->(b) RETURN 1", "MATCH (a)-[*3..]->(b) RETURN 1"),
        ("MATCH (a)-[r:cites*1..3 {rule: 'x'}]->(b) RETURN r", "MATCH (a)-[r:cites*1..3 {rule: 'x'}]->(b) RETURN r"),
        ("MATCH (a)<-[{w: 1}]-(b) RETURN 1", "MATCH (a)<-[{w: 1}]-(b) RETURN 1"),
        ("MATCH p = (m:Motion {id: 'kst-26643-1011'})<-[:cites|refers_to]-(x)<-[:contains]-(d:Document)-[:about]->(mt:Meeting) RETURN p",
         "MATCH p = (m:Motion {id: 'kst-26643-1011'})<-[:cites|refers_to]-(x)<-[:contains]-(d:Document)-[:about]->(mt:Meeting) RETURN p"),
        ("MATCH p = shortestPath((a)-[*]-(b)) RETURN p", "MATCH p = shortestPath((a)-[*]-(b)) RETURN p"),
        ("MATCH p = ALLSHORTESTPATHS((a)-[:x*..5]->(b)) RETURN p", "MATCH p = allShortestPaths((a)-[:x*..5]->(b)) RETURN p"),
        // Expressions: precedence, associativity, chaining, predicates.
        ("RETURN 1 + 2 * 3", "RETURN (1 + (2 * 3))"),
        ("RETURN (1 + 2) * 3", "RETURN ((1 + 2) * 3)"),
        ("RETURN 1 - 2 - 3", "RETURN ((1 - 2) - 3)"),
        ("RETURN 2 ^ 3 ^ 2", "RETURN ((2 ^ 3) ^ 2)"),
        ("RETURN -2 ^ 2", "RETURN (-2 ^ 2)"),
        ("RETURN -x", "RETURN (-(x))"),
        ("RETURN - -1", "RETURN (-(-1))"),
        ("RETURN 10 % 3 / 2", "RETURN ((10 % 3) / 2)"),
        ("RETURN a OR b XOR c AND NOT d", "RETURN (a OR (b XOR (c AND (NOT d))))"),
        ("RETURN NOT a = b", "RETURN (NOT (a = b))"),
        ("RETURN a < b <= c", "RETURN ((a < b) AND (b <= c))"),
        ("RETURN a <> b, a != b", "RETURN (a <> b), (a <> b)"),
        ("RETURN x IN [1, 2.5, 'a', true, null]", "RETURN (x IN [1, 2.5, 'a', TRUE, NULL])"),
        ("RETURN s STARTS WITH 'a' AND s ENDS WITH 'b' OR s CONTAINS 'c'",
         "RETURN (((s STARTS WITH 'a') AND (s ENDS WITH 'b')) OR (s CONTAINS 'c'))"),
        ("RETURN s =~ 'kst-.*'", "RETURN (s =~ 'kst-.*')"),
        ("RETURN a.x IS NULL, a.y IS NOT NULL", "RETURN (a.x IS NULL), (a.y IS NOT NULL)"),
        ("RETURN a + 1 IS NULL", "RETURN ((a + 1) IS NULL)"),
        ("RETURN x:Question:Answer", "RETURN (x:Question:Answer)"),
        ("RETURN x:`Odd Label`", "RETURN (x:`Odd Label`)"),
        ("MATCH (:Match)-[:RETURN]->() RETURN 1", "MATCH (:Match)-[:RETURN]->() RETURN 1"),
        ("RETURN n.a.b, l[0], l[1][2], {a: 1, b: [2]}.a", "RETURN n.a.b, l[0], l[1][2], {a: 1, b: [2]}.a"),
        ("RETURN $p, $`odd p`, $0", "RETURN $p, $`odd p`, $0"),
        ("RETURN 'it\\'s'", "RETURN 'it\\'s'"),
        ("RETURN \"dq \\\"x\\\" \\n \\u00e9\"", "RETURN 'dq \"x\" \\n é'"),
        ("RETURN 1.5e3, .5, 0x1F, 7", "RETURN 1500.0, 0.5, 31, 7"),
        ("RETURN count(*), count(DISTINCT x), collect(x), toLower(s)", "RETURN count(*), count(DISTINCT x), collect(x), toLower(s)"),
        ("MATCH (x) WHERE exists((x)-[:cites]->()) RETURN x", "MATCH (x) WHERE exists((x)-[:cites]->()) RETURN x"),
        ("MATCH (x) WHERE exists(x.title) RETURN x", "MATCH (x) WHERE exists(x.title) RETURN x"),
        ("MATCH (mt) WHERE mt.date >= date('2023-01-01') RETURN mt", "MATCH (mt) WHERE (mt.date >= date('2023-01-01')) RETURN mt"),
        ("RETURN [x IN [1, 2, 3] WHERE x > 1 | x * 10], [x IN l], [n IN nodes(p) | n.id]",
         "RETURN [x IN [1, 2, 3] WHERE (x > 1) | (x * 10)], [x IN l], [n IN nodes(p) | n.id]"),
        ("RETURN [x IN range | x], [x, y]", "RETURN [x IN range | x], [x, y]"),
        // Comments and layout.
        ("MATCH (n) // find them\n/* all of\nthem */ RETURN n", "MATCH (n) RETURN n"),
        ("MATCH (n) RETURN n.order, n.match AS `match`", "MATCH (n) RETURN n.order, n.match AS `match`"),
    ]

    @Test(arguments: cases)
    func parsesToItsCanonicalDump(_ input: String, _ dump: String) throws {
        let query = try Parser.parse(input)
        #expect(query.description == dump)
        let again = try Parser.parse(query.description)
        #expect(again == query, "the dump parses back to an equal tree")
        #expect(again.description == dump)
    }

    @Test func treeShapeOfTheExampleQuery() throws {
        let query = try Parser.parse("""
        MATCH p = (m:Motion {id: 'kst-26643-1011'})<-[:cites|refers_to]-(x)
        WHERE x.n >= 2
        RETURN m.id, count(x) AS mentions
        ORDER BY mentions DESC LIMIT 20
        """)
        #expect(query.clauses.count == 2)
        guard case .match(let match) = query.clauses[0], case .return(let ret) = query.clauses[1] else {
            Issue.record("wrong clause kinds")
            return
        }
        #expect(match.patterns[0].variable == "p")
        #expect(match.patterns[0].path.start.labels == ["Motion"])
        #expect(match.patterns[0].path.start.properties[0].key == "id")
        #expect(match.patterns[0].path.start.properties[0].value.kind == .string("kst-26643-1011"))
        let step = match.patterns[0].path.steps[0]
        #expect(step.relationship.types == ["cites", "refers_to"])
        #expect(step.relationship.direction == .incoming)
        #expect(step.relationship.length == nil)
        #expect(step.node.variable == "x")
        #expect(match.predicate?.span.line == 2)
        #expect(match.predicate?.span.column == 7)
        #expect(ret.items.map(\.name) == ["m.id", "mentions"])
        #expect(ret.orderBy.count == 1 && ret.orderBy[0].descending)
        #expect(ret.limit?.kind == .integer(20))
    }

    @Test func columnNamesKeepTheTextAsWritten() throws {
        let query = try Parser.parse("RETURN  1+2 ,  toLower( 'A' )  ,x.y AS z")
        guard case .return(let ret) = query.clauses[0] else { Issue.record("not RETURN"); return }
        #expect(ret.items.map(\.name) == ["1+2", "toLower( 'A' )", "z"])
    }

    @Test func lexerPositions() throws {
        let tokens = try Lexer.tokenize("MATCH (é)\n  RETURN 'ü'")
        #expect(tokens.map(\.span.description) == ["1:1", "1:7", "1:8", "1:9", "2:3", "2:10", "2:13"])
        #expect(tokens.map(\.span.offset) == [0, 6, 7, 9, 13, 20, 24])
        #expect(tokens[5].kind == .string("ü") && tokens[5].span.length == 4)
    }

    @Test func chainedComparisonsAndNotKeepTheirSpans() throws {
        let expression = try Parser.parseExpression("1 < 2 < 3")
        guard case .binary(.and, let left, let right) = expression.kind else { Issue.record("not AND"); return }
        #expect(left.kind == .binary(.less, Expression(.integer(1), span: .start), Expression(.integer(2), span: .start)))
        #expect(right.description == "(2 < 3)")
    }
}
