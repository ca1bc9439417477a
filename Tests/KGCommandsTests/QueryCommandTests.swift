import Foundation
@testable import KGCommands
import KGTestSupport
import Testing

/// `kg query`: formats, parameters, --explain, --as-of, timeouts, errors and exit codes.
@Suite struct QueryCommandTests {
    static let graph = """
    {"kind":"node","id":"doc-1","labels":["Document"],"props":{"title":"Agenda, JBZ-Raad","date":{"$date":"2024-07-18"}}}
    {"kind":"node","id":"kst-32317-884","labels":["Kamerstuk"],"props":{"number":884}}
    {"kind":"node","id":"kst-32317-882","labels":["Kamerstuk"],"props":{"number":882}}
    {"kind":"node","id":"meeting-jbz-2024-07-22","labels":["Meeting"],"props":{"date":{"$date":"2024-07-22"}}}
    {"kind":"edge","type":"cites","from":"doc-1","to":"kst-32317-884","props":{"rule":"r1"}}
    {"kind":"edge","type":"cites","from":"doc-1","to":"kst-32317-882","props":{}}
    {"kind":"edge","type":"about","from":"doc-1","to":"meeting-jbz-2024-07-22","props":{}}

    """

    func loaded() -> CLIRun {
        let cli = CLIRun()
        #expect(cli.run("import", cli.write("g.jsonl", QueryCommandTests.graph)).code == 0)
        return cli
    }

    @Test func tableOutputIsAlignedWithARowCount() {
        let cli = loaded()
        let result = cli.run("query", "MATCH (d:Document)-[r:cites]->(k) RETURN k.id, k.number AS n, r.rule, k ORDER BY n")
        #expect(result.code == 0)
        #expect(result.err == "")
        #expect(result.out == """
        k.id          | n   | r.rule | k
        --------------+-----+--------+--------------------------
        kst-32317-882 | 882 | null   | (kst-32317-882:Kamerstuk)
        kst-32317-884 | 884 | r1     | (kst-32317-884:Kamerstuk)
        (2 rows)

        """)
        #expect(cli.run("query", "MATCH (x:Nothing) RETURN x").out == "x\n-\n(0 rows)\n")
    }

    @Test func jsonRendersNodesRelationshipsPathsAndDates() {
        let cli = loaded()
        let result = cli.run("query", "MATCH p = (d:Document)-[r:cites]->(k {id: 'kst-32317-884'}) RETURN d.date, r, length(p), [1, 2.5, null]", "--format", "json")
        #expect(result.code == 0)
        #expect(result.out == """
        {"columns":["d.date","r","length(p)","[1, 2.5, null]"],"rows":[[{"$date":"2024-07-18"},{"type":"cites","from":"doc-1","to":"kst-32317-884","props":{"rule":"r1"}},1,[1,2.5,null]]],"warnings":[]}

        """)
        let node = cli.run("query", "MATCH (k {id: 'kst-32317-882'}) RETURN k", "--format", "json")
        #expect(node.out == "{\"columns\":[\"k\"],\"rows\":[[{\"id\":\"kst-32317-882\",\"labels\":[\"Kamerstuk\"],\"props\":{\"number\":882}}]],\"warnings\":[]}\n")
        let path = cli.run("query", "MATCH p = ({id: 'doc-1'})-[:about]->() RETURN p", "--format", "json")
        #expect(path.out.contains("{\"nodes\":[{\"id\":\"doc-1\",\"labels\":[\"Document\"],\"props\":{\"date\":{\"$date\":\"2024-07-18\"},\"title\":\"Agenda, JBZ-Raad\"}},{\"id\":\"meeting-jbz-2024-07-22\""))
        #expect(path.out.contains("\"relationships\":[{\"type\":\"about\",\"from\":\"doc-1\",\"to\":\"meeting-jbz-2024-07-22\",\"props\":{}}]"))
        let warned = cli.run("query", "MATCH (x:Motie) RETURN x", "--format", "json")
        #expect(warned.out == "{\"columns\":[\"x\"],\"rows\":[],\"warnings\":[\"1:7: unknown label :Motie: no node in the graph has it, so this matches nothing\"]}\n")
        #expect(warned.err == "kg: warning: 1:7: unknown label :Motie: no node in the graph has it, so this matches nothing\n")
    }

    @Test func jsonLinesAndCSVStreamRows() {
        let cli = loaded()
        let lines = cli.run("query", "MATCH (d)-[:cites]->(k) RETURN d.title AS title, k.number ORDER BY k.number", "--format", "jsonl")
        #expect(lines.out == """
        {"title":"Agenda, JBZ-Raad","k.number":882}
        {"title":"Agenda, JBZ-Raad","k.number":884}

        """)
        let csv = cli.run("query", "MATCH (d)-[:cites]->(k) RETURN d.title AS title, k, d.date, d.nothing, [k.number] AS l ORDER BY k.number", "--format", "csv")
        #expect(csv.out == """
        title,k,d.date,d.nothing,l
        "Agenda, JBZ-Raad",kst-32317-882,2024-07-18,,[882]
        "Agenda, JBZ-Raad",kst-32317-884,2024-07-18,,[884]

        """)
    }

    @Test func parametersFromOptionsAndFiles() {
        let cli = loaded()
        let one = cli.run("query", "MATCH (k {id: $id}) RETURN k.number + $n, $s, $d", "--param", "id=kst-32317-884", "--param", "n=16",
                          "--param", "s=\"quoted\"", "--param", "d={\"$date\":\"2024-01-02\"}", "--format", "csv")
        #expect(one.code == 0)
        #expect(one.out == "k.number + $n,$s,$d\n900,quoted,2024-01-02\n")
        let file = cli.write("params.json", "{\"starts\": [\"kst-32317-884\", \"doc-1\", \"missing\"], \"hops\": 2}")
        let listed = cli.run("query", "UNWIND $starts AS s MATCH (a {id: s})-[*1..2]-(b) RETURN s, count(DISTINCT b) AS n",
                             "--params", file, "--format", "csv")
        #expect(listed.out == "s,n\nkst-32317-884,3\ndoc-1,3\n")
        let overridden = cli.run("query", "RETURN $hops", "--params", file, "--param", "hops=5", "--format", "csv")
        #expect(overridden.out == "$hops\n5\n")
        let missing = cli.run("query", "RETURN $nope", "--params", file)
        #expect(missing.code == 1)
        #expect(missing.err == "kg: error: bind error at 1:8: parameter $nope was not given (given: $hops, $starts)\nRETURN $nope\n       ^^^^^\n")
    }

    @Test func explainPrintsThePlanWithoutRunning() {
        let cli = loaded()
        let result = cli.run("query", "--explain", "MATCH (d:Document {id: $id})-[:cites]->(k) WHERE k.number > 883 RETURN k.id", "--param", "id=doc-1")
        #expect(result.code == 0)
        #expect(result.out == """
        NodeByIdSeek (d:Document) id = $id  ~1 row
        Expand (d)-[#1:cites]->(k)  ~0.38 rows
        Filter k.number > 883
        Project k.id = k.id
        ProduceResults k.id

        """)
    }

    @Test func queriesFromFilesAndStandardInput() {
        let cli = loaded()
        let path = cli.write("q.cypher", "// the letters\nMATCH (d:Document)\nRETURN d.title\n")
        #expect(cli.run("query", "-f", path, "--format", "csv").out == "d.title\n\"Agenda, JBZ-Raad\"\n")
        cli.stdin = Array("MATCH (k:Kamerstuk) RETURN count(*)".utf8)
        #expect(cli.run("query", "--file", "-", "--format", "csv").out == "count(*)\n2\n")
    }

    @Test func asOfQueriesAnEarlierGraph() {
        let cli = loaded()
        let more = cli.write("more.jsonl", "{\"kind\":\"node\",\"id\":\"kst-1-1\",\"labels\":[\"Kamerstuk\"],\"props\":{}}\n")
        #expect(cli.run("import", more).code == 0)
        #expect(cli.run("query", "MATCH (k:Kamerstuk) RETURN count(*)", "--format", "csv").out == "count(*)\n3\n")
        #expect(cli.run("query", "MATCH (k:Kamerstuk) RETURN count(*)", "--format", "csv", "--as-of", "1").out == "count(*)\n2\n")
    }

    @Test func errorsExit1WithPositionsAndUsageErrorsExit2() {
        let cli = loaded()
        let syntax = cli.run("query", "MATCH (a)-[:cites]->(b)\nRETRUN b")
        #expect(syntax.code == 1)
        #expect(syntax.out == "")
        #expect(syntax.err == "kg: error: syntax error at 2:1: unexpected 'RETRUN', expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)\nRETRUN b\n^^^^^^\n")
        let bind = cli.run("query", "MATCH (a) RETURN b.id")
        #expect(bind.code == 1)
        #expect(bind.err == "kg: error: bind error at 1:18: variable `b` is not defined\nMATCH (a) RETURN b.id\n                 ^\n")
        let runtime = cli.run("query", "RETURN 1 / 0")
        #expect(runtime.code == 1)
        #expect(runtime.err == "kg: error: query error: division by zero\n")
        let usage: [([String], String)] = [
            (["query"], "kg: error: `kg query` needs a query: kg query 'MATCH (n) RETURN n LIMIT 5', or -f FILE.cypher\n"),
            (["query", "RETURN 1", "-f", "x.cypher"], "kg: error: give the query either as the argument or with -f FILE, not both\n"),
            (["query", "RETURN 1", "--param", "novalue"], "kg: error: --param expects NAME=VALUE, got 'novalue'\n"),
            (["query", "RETURN 1", "--param", "=1"], "kg: error: --param expects NAME=VALUE, got '=1'\n"),
            (["query", "RETURN 1", "--timeout", "0"], "kg: error: --timeout expects a number of seconds above 0, got '0'\n"),
            (["query", "RETURN 1", "--format", "xml"], "kg: error: --format expects one of table, json, jsonl, csv, dot, got 'xml'\n"),
            (["query", "RETURN 1", "RETURN 2"], "kg: error: `kg query` expects 0 to 1 arguments, got 2\n"),
        ]
        for (arguments, message) in usage {
            let result = cli.run(arguments: arguments)
            #expect(result.code == 2, "\(arguments)")
            #expect(result.err.hasPrefix(message), "\(arguments): \(result.err)")
        }
        let badFile = cli.run("query", "RETURN 1", "--params", cli.write("bad.json", "[1, 2]"))
        #expect(badFile.code == 1)
        #expect(badFile.err.hasSuffix("--params expects a JSON object of parameters, got an array\n"))
        let noGraph = CLIRun().run("query", "RETURN 1")
        #expect(noGraph.code == 1)
    }

    @Test func aRunawayQueryStopsAtTheTimeout() {
        let cli = CLIRun()
        var lines = ""
        for a in 0..<12 {
            for b in 0..<12 where a != b { lines += "{\"kind\":\"edge\",\"type\":\"x\",\"from\":\"k\(a)\",\"to\":\"k\(b)\",\"props\":{}}\n" }
        }
        #expect(cli.run("import", cli.write("k12.jsonl", lines)).code == 0)
        let result = cli.run("query", "MATCH (a)-[*1..12]-(b) RETURN count(*)", "--timeout", "0.2")
        #expect(result.code == 1)
        #expect(result.err == "kg: error: query error: the query ran longer than its timeout of 0.2 s and was stopped\n")
    }

    @Test func queryIsListedInHelp() {
        let cli = CLIRun()
        #expect(cli.run("help").out.contains("  query       Run a path query (a Cypher/GQL subset; see Queries/README.md)."))
        #expect(cli.run("query", "--help").out.hasPrefix("usage: kg query 'MATCH ... RETURN ...' | -f FILE.cypher"))
    }
}

extension CLIRun {
    /// `run` with the arguments as an array.
    func run(arguments: [String]) -> Result {
        var out = "", err = ""
        let context = CommandContext(writeOut: { out += $0 }, writeErr: { err += $0 }, environment: environment,
                                     readStandardInput: { [stdin] in stdin })
        let code = KG.run(["--graph", graph] + arguments, context: context)
        return Result(code: code, out: out, err: err)
    }
}
