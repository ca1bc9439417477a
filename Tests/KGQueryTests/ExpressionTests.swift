import Foundation
import KGModel
import KGQuery
import KGQuerySyntax
import Testing

/// Executor: expressions, null semantics, functions, aggregates, dates.
@Suite struct ExpressionTests {
    let runner: Runner

    init() throws { runner = Runner(try Fixtures.parliament()) }

    func value(_ expression: String, _ parameters: [String: Value] = [:]) throws -> String {
        let rows = try runner.rows("RETURN " + expression, parameters)
        return rows.count == 1 ? rows[0] : "\(rows)"
    }

    static let cases: [(String, String)] = [
        // Arithmetic and concatenation.
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("7 / 2", "3"), ("7 % 3", "1"), ("-7 / 2", "-3"),
        ("7.0 / 2", "3.5"), ("1 + 0.5", "1.5"), ("2 ^ 10", "1024.0"), ("-(3)", "-3"), ("-(1.5)", "-1.5"),
        ("'kst-' + 32317 + '-' + 884", "kst-32317-884"), ("'a' + null", "null"), ("1 + null", "null"),
        ("[1, 2] + [3]", "[1, 2, 3]"), ("[1] + 2", "[1, 2]"), ("'x' + true", "xtrue"), ("'d' + date('2024-01-02')", "d2024-01-02"),
        // Comparisons: numbers across types, strings, booleans, lists; null and incomparable give null.
        ("1 = 1.0", "true"), ("1 <> 2", "true"), ("2 < 10", "true"), ("'2' < '10'", "false"), ("'a' < 'b'", "true"),
        ("false < true", "true"), ("[1, 2] < [1, 3]", "true"), ("[1, 2] = [1, 2]", "true"), ("[1, null] = [1, 2]", "null"),
        ("1 = 'a'", "false"), ("1 < 'a'", "null"), ("null = null", "null"), ("null <> 1", "null"), ("1 < 2 < 3", "true"),
        ("3 > 2 > 2", "false"), ("{a: 1} = {a: 1}", "true"), ("{a: 1} = {a: 1, b: 2}", "false"),
        // Three-valued logic.
        ("true AND null", "null"), ("false AND null", "false"), ("true OR null", "true"), ("false OR null", "null"),
        ("NOT null", "null"), ("true XOR false", "true"), ("true XOR null", "null"), ("NOT (1 = 1)", "false"),
        // Lists, IN, subscripts.
        ("2 IN [1, 2, 3]", "true"), ("4 IN [1, 2, 3]", "false"), ("4 IN [1, null]", "null"), ("1 IN [1, null]", "true"),
        ("null IN [1]", "null"), ("1 IN []", "false"), ("[10, 20, 30][1]", "20"), ("[10, 20, 30][-1]", "30"),
        ("[10, 20][5]", "null"), ("{a: {b: 'deep'}}.a.b", "deep"), ("{a: 1}['a']", "1"),
        // String predicates and regular expressions (whole-string match).
        ("'kst-32317-884' STARTS WITH 'kst-'", "true"), ("'kst-32317-884' ENDS WITH '884'", "true"),
        ("'kst-32317-884' CONTAINS '317'", "true"), ("'abc' CONTAINS ''", "true"), ("null STARTS WITH 'a'", "null"),
        ("'kst-32317-884' =~ 'kst-\\\\d+-\\\\d+'", "true"), ("'kst-32317-884' =~ 'kst'", "false"), ("'KST' =~ '(?i)kst'", "true"),
        // IS NULL.
        ("null IS NULL", "true"), ("1 IS NULL", "false"), ("1 IS NOT NULL", "true"),
        // Functions.
        ("coalesce(null, null, 3, 4)", "3"), ("coalesce(null)", "null"), ("toLower('JBZ-Raad')", "jbz-raad"),
        ("toUpper('jbz')", "JBZ"), ("trim('  x y  ')", "x y"), ("size([1, 2, 3])", "3"), ("size('Raad')", "4"),
        ("size(null)", "null"), ("length('abc')", "3"), ("toString(42)", "42"), ("toString(1.5)", "1.5"),
        ("toString(date('2024-07-22'))", "2024-07-22"), ("toInteger('42')", "42"), ("toInteger('4.7')", "4"),
        ("toInteger(4.7)", "4"), ("toInteger('x')", "null"), ("toFloat('2.5')", "2.5"), ("toFloat(2)", "2.0"),
        ("head([1, 2])", "1"), ("last([1, 2])", "2"), ("head([])", "null"), ("abs(-3)", "3"), ("abs(-2.5)", "2.5"),
        ("keys({b: 1, a: 2})", "['a', 'b']"), ("properties({a: 1})", "{a: 1}"),
        // List comprehensions.
        ("[x IN [1, 2, 3] WHERE x > 1 | x * 10]", "[20, 30]"), ("[x IN [1, 2, 3] | x + 1]", "[2, 3, 4]"),
        ("[x IN [1, null, 3] WHERE x IS NOT NULL]", "[1, 3]"), ("[x IN null | x]", "null"), ("[x IN [] | x]", "[]"),
        ("[x IN [[1, 2], [3]] | size(x)]", "[2, 1]"), ("[x IN [1, 2] | [y IN [10, 20] | x * y]]", "[[10, 20], [20, 40]]"),
        // Dates.
        ("date('2024-02-29')", "2024-02-29"), ("date('2024-02-29') < date('2024-03-01')", "true"),
        ("date('2024-07-22').year", "2024"), ("date('2024-07-22').month", "7"), ("date(null)", "null"),
    ]

    @Test(arguments: cases)
    func evaluates(_ expression: String, _ expected: String) throws {
        #expect(try value(expression) == expected)
    }

    @Test func propertiesOfNodesAndRelationships() throws {
        #expect(try runner.rows("MATCH (n {id: 'kst-26643-1011'}) RETURN n.id, id(n), n.title, n.number, n.missing")
                == ["kst-26643-1011 | kst-26643-1011 | Motie Kuik | 1011 | null"])
        #expect(try runner.rows("MATCH (n {id: 'kst-26643-1011'}) RETURN properties(n), keys(n)")
                == ["{number: 1011, title: 'Motie Kuik'} | ['number', 'title']"])
        #expect(try runner.rows("MATCH ({id: 'question-a'})-[r:cites]->() RETURN r.rule, type(r), id(r), properties(r)")
                == ["citation.kamerstuk | cites | (question-a)-[:cites]->(kst-26643-1011) | {rule: 'citation.kamerstuk'}"])
        #expect(try runner.rows("MATCH (a)-[r:asks]->(b) RETURN startNode(r).id, endNode(r).id")
                == ["faction-VVD | question-a", "faction-D66 | question-b"])
        #expect(try runner.rows("MATCH (n {id: 'kst-26643-1011'}) RETURN n['title']") == ["Motie Kuik"])
    }

    @Test func labelTestsAndPropertyMaps() throws {
        #expect(try runner.rows("MATCH (x)-[:cites]->(k) WHERE x:Question OR x:Passage RETURN x.id, k:Motion")
                == ["question-a | true", "passage-1 | false", "passage-2 | true"])
        #expect(try runner.rows("MATCH (x)-[:contains {report: 1}]->(y) RETURN y.id") == ["question-a", "question-b", "answer-a"])
        #expect(try runner.rows("MATCH (m:Meeting {name: 'JBZ-Raad', date: date('2022-12-08')}) RETURN m.id") == ["meeting-jbz-2022-12-08"])
    }

    @Test func wherePredicates() throws {
        #expect(try runner.rows("MATCH (q:Question) WHERE q.text CONTAINS 'motie' RETURN q.id") == ["question-b"])
        #expect(try runner.rows("MATCH (n) WHERE n.id =~ 'faction-.*' RETURN n.id") == ["faction-VVD", "faction-D66"])
        #expect(try runner.rows("MATCH (n) WHERE n.number IS NOT NULL AND n.number < 1000 RETURN n.id ORDER BY n.id")
                == ["kst-32317-884", "question-a", "question-b"])
        #expect(try runner.rows("MATCH (n) WHERE n.number > 100 XOR n:Motion RETURN n.id") == ["kst-32317-884"])
        #expect(try runner.rows("MATCH (n:Question) WHERE n.number IN $numbers RETURN n.id", ["numbers": .list([.int(2), .int(5)])])
                == ["question-b"])
        #expect(try runner.rows("MATCH (n) WHERE n.missing = 1 OR n.id = 'doc-2' RETURN n.id") == ["doc-2"],
                "null OR true is true")
    }

    @Test func patternPredicates() throws {
        #expect(try runner.rows("MATCH (x) WHERE exists((x)-[:cites]->()) RETURN x.id") == ["question-a", "passage-1", "passage-2"])
        #expect(try runner.rows("MATCH (q:Question) WHERE NOT exists((q)<-[:answers]-(:Answer)) RETURN q.id") == ["question-b"])
        #expect(try runner.rows("MATCH (d:Document) WHERE exists((d)-[:contains]->(:Passage)-[:cites]->(:Motion)) RETURN d.id")
                == ["doc-2"])
        #expect(try runner.rows("MATCH (d:Document) RETURN d.id, exists((d)-[:contains*1..2]->(:Question)) AS asks")
                == ["doc-1 | true", "doc-2 | false"])
        #expect(try runner.rows("MATCH (n:Meeting) WHERE exists(n.name) RETURN count(*)") == ["2"])
    }

    /// Found by LeakSanitizer (`swift test --sanitize=address`): the `exists(...)` sub-pipelines held the
    /// run's context and the context held them, so every run with a pattern predicate kept its context,
    /// operators and the graph alive.
    @Test func runsWithPatternPredicatesReleaseTheGraph() throws {
        weak var released: Graph?
        do {
            let graph = try Fixtures.parliament()
            released = graph
            let engine = QueryEngine(graph: graph)
            _ = try engine.run("MATCH (x) WHERE exists((x)-[:cites]->()) RETURN x.id")
            _ = try engine.run("MATCH (d:Document) RETURN d.id, exists((d)-[:contains*1..2]->(:Question)) AS asks")
        }
        #expect(released == nil)
    }

    @Test func aggregatesAndImplicitGrouping() throws {
        #expect(try runner.rows("MATCH (d:Document)-[:contains]->(x) RETURN d.id, count(*), count(x), collect(x.id) ORDER BY d.id")
                == ["doc-1 | 4 | 4 | ['question-a', 'question-b', 'answer-a', 'passage-1']", "doc-2 | 1 | 1 | ['passage-2']"])
        #expect(try runner.rows("MATCH (n) RETURN count(n.number), sum(n.number), min(n.number), max(n.number), avg(n.number)")
                == ["4 | 1898 | 1 | 1011 | 474.5"])
        #expect(try runner.rows("MATCH (x)-[:cites]->(k) RETURN count(k), count(DISTINCT k), collect(DISTINCT k.id)")
                == ["3 | 2 | ['kst-26643-1011', 'kst-32317-884']"])
        #expect(try runner.rows("MATCH (n:Nothing) RETURN count(*), count(n), collect(n), sum(n.x), avg(n.x), min(n.x)")
                == ["0 | 0 | [] | 0 | null | null"], "no rows and no keys: one row of empty aggregates")
        #expect(try runner.rows("MATCH (n:Meeting) WHERE n.id = 'none' RETURN n.name, count(*)").isEmpty,
                "no rows with keys: no groups")
        #expect(try runner.rows("MATCH (m:Meeting) RETURN m.name, min(m.date), max(m.date)")
                == ["JBZ-Raad | 2022-12-08 | 2023-10-19"])
        #expect(try runner.rows("UNWIND [1, 2.5, null] AS x RETURN sum(x), avg(x), count(x), count(*)") == ["3.5 | 1.75 | 2 | 3"])
        #expect(try runner.rows("MATCH (d:Document)-[:contains]->(x) RETURN d.id, count(*) * 10 AS tens, size(collect(x)) ORDER BY tens")
                == ["doc-2 | 10 | 1", "doc-1 | 40 | 4"])
        #expect(try runner.rows("MATCH (d:Document)-[:contains]->(x) RETURN count(*) AS a, count(*) AS b") == ["5 | 5"])
        #expect(try runner.rows("MATCH (d:Document)-[:contains]->(x) WITH d, count(*) AS n RETURN sum(n), max(n)") == ["5 | 4"])
        #expect(try runner.rows("UNWIND ['b', 'a', 'b'] AS x RETURN x, count(*) ORDER BY x") == ["a | 1", "b | 2"])
    }

    @Test func datesCompareAsDatesAndStringsWithAWarning() throws {
        #expect(try runner.rows("MATCH (m:Meeting) WHERE m.date >= date('2023-01-01') RETURN m.id") == ["meeting-jbz-2023-10-19"])
        let result = try runner.run("MATCH (m:Meeting) WHERE m.date >= '2023-01-01' RETURN m.id")
        #expect(result.table.rows.count == 1)
        #expect(result.warnings.map(\.message)
                == ["compared a date with the string '2023-01-01': the string was read as that date (write date('2023-01-01') to say so)"])
        let equal = try runner.run("MATCH (m:Meeting) WHERE m.date = '2022-12-08' RETURN m.id")
        #expect(equal.table.rows.count == 1 && equal.warnings.count == 1)
        let bad = try runner.run("MATCH (m:Meeting) WHERE m.date < 'soon' RETURN m.id")
        #expect(bad.table.rows.isEmpty)
        #expect(bad.warnings.map(\.message) == ["compared a date with the string 'soon', which is not a YYYY-MM-DD date: the comparison is null (no rows)"])
    }

    @Test func runTimeErrorsNameTheProblem() {
        let cases: [(String, QueryError)] = [
            ("RETURN 1 / 0", .typeMismatch("division by zero")),
            ("RETURN 9223372036854775807 + 1", .typeMismatch("integer overflow in 9223372036854775807 + 1")),
            ("RETURN 1 + true", .typeMismatch("cannot apply + to an integer and a boolean")),
            ("MATCH (n) WHERE n.id RETURN n", .typeMismatch("WHERE expects a boolean, got a string ('doc-1')")),
            ("RETURN 1 IN 2", .typeMismatch("IN expects a list on its right, got an integer")),
            ("RETURN 'x' =~ '('", .invalidRegex(pattern: "(", message: "")),
            ("WITH 'x' AS s RETURN date(s)", .invalidArgument(function: "date", message: "'x' is not a YYYY-MM-DD calendar date")),
            ("RETURN toLower(1)", .invalidArgument(function: "toLower", message: "does not take an integer (1)")),
            ("UNWIND ['a', 1] AS x RETURN sum(x)", .typeMismatch("sum() needs numbers, got a string")),
        ]
        for (query, expected) in cases {
            do {
                _ = try runner.run(query)
                Issue.record("no error for \(query)")
            } catch let error as QueryError {
                if case .invalidRegex(let pattern, _) = expected, case .invalidRegex(let actual, _) = error {
                    #expect(actual == pattern)
                } else {
                    #expect(error == expected, "\(query)")
                }
            } catch {
                Issue.record("\(query): \(error)")
            }
        }
    }
}

/// Queries at the parser's nesting and height limits bind, plan and run without exhausting the stack.
@Suite struct DeepQueryTests {
    @Test func expressionsAtTheLimitsRun() throws {
        let runner = Runner(try Fixtures.parliament())
        let terms = 250
        #expect(try runner.rows("RETURN 1" + String(repeating: " + 1", count: terms)) == ["\(terms + 1)"])
        let depth = 60
        #expect(try runner.rows("RETURN size(" + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + ")") == ["1"])
        #expect(try runner.rows("RETURN " + String(repeating: "NOT ", count: depth) + "true") == ["true"])
        var predicate = "exists((a)-[:contains]->())"
        for _ in 0..<15 { predicate = "exists((a)-[:contains]->(b)) AND (\(predicate))" }
        #expect(try runner.rows("MATCH (a:Document) WHERE \(predicate) RETURN a.id") == ["doc-1", "doc-2"])
    }

    /// The engine gives a long query a stack of its own: the tallest expression and the deepest nesting
    /// accepted, and a pattern with 3,000 property conditions (a chain of 3,000 filter operators), run
    /// from a caller thread with only 128 KiB of stack (parsing, binding and running them recursively
    /// need more than that).
    @Test func longQueriesRunFromACallerWithASmallStack() throws {
        let runner = Runner(try Fixtures.parliament())
        let terms = SyntaxLimits.maxExpressionHeight - 1
        let depth = SyntaxLimits.maxNestingDepth - 2
        let conditions = (0..<3000).map { "p\($0): null" }.joined(separator: ", ")
        let queries = [
            ("RETURN 1" + String(repeating: " + 1", count: terms), "\(terms + 1)"),
            ("RETURN size(" + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + ")", "1"),
            ("MATCH (a:Document {\(conditions)}) RETURN count(a)", "0"),
        ]
        for (query, expected) in queries {
            final class Outcome: @unchecked Sendable { var rows: [String]? }
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) let unsafeRunner = runner
            let thread = Thread {
                outcome.rows = try? unsafeRunner.rows(query)
                done.signal()
            }
            thread.stackSize = 128 << 10
            thread.start()
            done.wait()
            #expect(outcome.rows == [expected], "\(query.prefix(40))")
        }
    }
}

@Suite struct DistinctCountTests {
    /// count(DISTINCT node) uses a node set that grows while it fills; duplicates never count.
    @Test func distinctNodeCountsSurviveGrowth() throws {
        let nodes = (0..<3000).map { ("m\($0)", ["M"], Properties()) }
        let edges = (0..<3000).map { ("m\($0)", "to", "m\(($0 * 7) % 3000)", Properties()) }
        let runner = Runner(try Fixtures.graph(nodes: nodes, edges: edges))
        #expect(try runner.rows("MATCH (a:M)-[:to]->(b) RETURN count(DISTINCT b), count(b), count(DISTINCT a.id)") == ["3000 | 3000 | 3000"])
        #expect(try runner.rows("MATCH (a:M)-[:to]->(b) WHERE a.id < 'm2' RETURN count(DISTINCT b)") == ["1112"],
                "m0, m1, m10-m19, m100-m199, m1000-m1999; b = 7a mod 3000 is one-to-one")
    }
}
