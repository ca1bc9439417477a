import Foundation
@testable import KGCommands
import KGTestSupport
import Testing

/// The hostile inputs of the reliability suite, end to end through `kg`: each is refused with a message
/// naming the file and the line or byte offset, exits 1, and leaves what the graph already held intact.
/// (Lower layers have their own tests: JSONParserTests, SyntaxErrorTests, HostileXMLTests,
/// DotExporterTests, TraversalTests; this suite checks what a user of the command line sees.)
@Suite struct HostileInputTests {
    /// A graph holding one committed import, and its export to compare with after each refusal.
    static func graphWithContent() -> (CLIRun, String) {
        let cli = CLIRun()
        let good = cli.write("good.jsonl", """
        {"kind":"node","id":"kst-32317-884","labels":["Kamerstuk"],"props":{"dossier":"32317","number":884}}
        {"kind":"edge","type":"cites","from":"doc-0000000000000001","to":"kst-32317-884","props":{}}

        """)
        #expect(cli.run("import", good).code == 0)
        return (cli, cli.run("export").out)
    }

    static func write(_ cli: CLIRun, _ name: String, _ bytes: [UInt8]) -> String {
        let path = cli.directory.file(name)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test func binaryNonUTF8AndEmptyFilesAreRefusedByNameAndOffset() {
        let (cli, before) = Self.graphWithContent()
        let png = Self.write(cli, "picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let latin = Self.write(cli, "latin1.md", Array("Den Haag, 3 juli 2024\nBetreft: caf".utf8) + [0xE9, 0x0A])
        let empty = Self.write(cli, "empty.txt", [])
        let ingest = cli.run("ingest", png, latin, empty)
        #expect(ingest.code == 1)
        #expect(ingest.err.contains("picture.txt: not text (at byte 8): a NUL byte"), "\(ingest.err)")
        #expect(ingest.err.contains("latin1.md: not text (at byte 34): invalid UTF-8 (byte 0xE9)"), "\(ingest.err)")
        #expect(ingest.err.contains("empty.txt: not text (at byte 0): the file is empty"), "\(ingest.err)")
        #expect(ingest.err.contains("none of the 3 files could be read"))
        for (name, bytes, message) in [
            ("binary.jsonl", [UInt8](repeating: 0, count: 5) + [0xFF, 0xFE], "binary.jsonl"),
            ("latin1.jsonl", Array("{\"kind\":\"node\",\"id\":\"caf".utf8) + [0xE9] + Array("\",\"labels\":[]}\n".utf8), "latin1.jsonl: not a UTF-8 text file (byte 0xe9"),
        ] {
            let result = cli.run("import", Self.write(cli, name, bytes))
            #expect(result.code == 1, "\(name)")
            #expect(result.err.contains(message), "\(name): \(result.err)")
            #expect(result.err.contains("nothing was imported"), "\(name): \(result.err)")
        }
        let emptyImport = cli.run("import", Self.write(cli, "empty.jsonl", []))
        #expect(emptyImport.code == 0, "an empty JSON Lines file is an empty batch: \(emptyImport.err)")
        #expect(cli.run("export").out == before, "the refused inputs changed the graph")
        #expect(cli.run("verify").code == 0)
    }

    @Test func aFiftyMegabyteLineIsRefusedWithoutReadingItAsAPaper() {
        let (cli, before) = Self.graphWithContent()
        var line = [UInt8]()
        line.reserveCapacity(50 << 20)
        let phrase = Array("Kamerstuk 32317, nr. 884 ".utf8)
        while line.count < 50 << 20 { line += phrase }
        let paper = Self.write(cli, "oneline.txt", line)
        let ingest = cli.run("ingest", paper)
        #expect(ingest.code == 1)
        #expect(ingest.err.contains("oneline.txt: not text (at byte 0): line 1 is longer than 16 MiB"), "\(ingest.err)")

        let json = Array("{\"kind\":\"node\",\"id\":\"x\",\"labels\":[],\"props\":{\"t\":\"".utf8) + line + Array("\"}}\n".utf8)
        let jsonl = cli.run("import", Self.write(cli, "oneline.jsonl", json))
        #expect(jsonl.code == 1)
        #expect(jsonl.err.contains("oneline.jsonl:1: line of \(json.count - 1) bytes exceeds the limit"), "\(jsonl.err)")
        #expect(cli.run("export").out == before)
    }

    @Test func deeplyNestedAndEnormousJSONValuesAreRefused() {
        let (cli, before) = Self.graphWithContent()
        let deep = "{\"kind\":\"node\",\"id\":\"x\",\"labels\":[],\"props\":{\"t\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}}\n"
        let nested = cli.run("import", cli.write("deep.jsonl", "{\"kind\":\"node\",\"id\":\"ok\",\"labels\":[]}\n" + deep))
        #expect(nested.code == 1)
        #expect(nested.err.contains("deep.jsonl:2:"), "\(nested.err)")
        #expect(nested.err.contains("nested deeper than"), "\(nested.err)")
        // A list of a million numbers in one property: parsed, but over the per-value limit or imported whole.
        let huge = "{\"kind\":\"node\",\"id\":\"big\",\"labels\":[],\"props\":{\"t\":[" + Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "]}}\n"
        let enormous = cli.run("import", cli.write("huge.jsonl", huge))
        if enormous.code == 0 {
            #expect(cli.run("show", "big").code == 0)
        } else {
            #expect(enormous.err.contains("huge.jsonl:1"), "\(enormous.err)")
            #expect(cli.run("export").out == before)
        }
        #expect(cli.run("verify").code == 0)
    }

    @Test func idsWithControlCharactersAreRefused() {
        let (cli, before) = Self.graphWithContent()
        for id in ["a\\u0000b", "esc\\u001b[31mred", "line\\nbreak", "tab\\there", "del\\u007f"] {
            let result = cli.run("import", cli.write("ctrl.jsonl", "{\"kind\":\"node\",\"id\":\"\(id)\",\"labels\":[\"A\"],\"props\":{}}\n"))
            #expect(result.code == 1, "\(id)")
            #expect(result.err.contains("ctrl.jsonl:1: id: invalid id"), "\(id): \(result.err)")
            #expect(result.err.contains("control character"), "\(id): \(result.err)")
        }
        let query = cli.run("query", "MATCH (n {id: 'a\\u0000b'}) RETURN n")
        #expect(query.code == 0, "looking up such an id finds nothing: \(query.err)")
        #expect(query.out.contains("(0 rows)"))
        #expect(cli.run("export").out == before)
    }

    @Test func moreRelationshipTypesThanAGraphHoldsAreRefusedBeforeWriting() {
        let (cli, before) = Self.graphWithContent()
        var lines = ""
        for i in 0...65_535 { lines += "{\"kind\":\"edge\",\"type\":\"t\(i)\",\"from\":\"a\",\"to\":\"b\",\"props\":{}}\n" }
        let result = cli.run("import", cli.write("types.jsonl", lines))
        #expect(result.code == 1)
        #expect(result.err.contains("a graph holds at most 65535 distinct relationship types"), "\(result.err)")
        #expect(cli.run("export").out == before)
        #expect(cli.run("verify").code == 0)
        // The handle was not spoiled: the next import works.
        #expect(cli.run("import", cli.write("one.jsonl", "{\"kind\":\"edge\",\"type\":\"fine\",\"from\":\"a\",\"to\":\"b\",\"props\":{}}\n")).code == 0)
    }

    @Test func hugeQueriesAreRefusedWithTheirPosition() {
        let (cli, _) = Self.graphWithContent()
        let parens = cli.run("query", "RETURN " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000))
        #expect(parens.code == 1)
        #expect(parens.err.contains("1:"), "the error names a line and column: \(parens.err)")
        let literal = cli.run("query", "RETURN '" + String(repeating: "x", count: 1 << 20) + "'")
        #expect(literal.code == 1)
        #expect(literal.err.contains("query text has 1048585 bytes, more than the limit of 1048576"), "\(literal.err.prefix(300))")
        #expect(literal.err.count < 1000, "the error does not echo a megabyte of query")
    }

    @Test func anUnboundedPatternOverADenseGraphIsCappedAndStopped() {
        let cli = CLIRun()
        var lines = ""
        for a in 0..<14 {
            for b in 0..<14 where a != b { lines += "{\"kind\":\"edge\",\"type\":\"x\",\"from\":\"k\(a)\",\"to\":\"k\(b)\",\"props\":{}}\n" }
        }
        #expect(cli.run("import", cli.write("dense.jsonl", lines)).code == 0)
        let result = cli.run("query", "MATCH p = (a {id: 'k0'})-[*]-(b) RETURN count(p)", "--timeout", "0.5")
        #expect(result.code == 1)
        #expect(result.err.contains("capped"), "the unbounded range is capped with a warning: \(result.err)")
        #expect(result.err.contains("ran longer than its timeout of 0.5 s"), "\(result.err)")
        // Endpoint-only questions over the same graph finish: a breadth-first search, not path enumeration.
        let reach = cli.run("query", "MATCH (a {id: 'k0'})-[*]-(b) RETURN count(DISTINCT b)", "--timeout", "5")
        #expect(reach.code == 0, "\(reach.err)")
        // Every node, k0 included: a trail may return to its start (relationships, not nodes, are unique).
        #expect(CorpusQueryTests.rows(reach.out) == [["14"]])
    }

    @Test func hostileLabelsStillRenderWithGraphViz() throws {
        let cli = CLIRun()
        let nasty = "Quote \\\" backslash \\\\ brace { } < > & | newline \\n tab \\t ĳ é 中文 🙂 \\u202e rtl"
        let lines = """
        {"kind":"node","id":"kst-1-1","labels":["Kamerstuk"],"props":{"title":"\(nasty)"}}
        {"kind":"node","id":"x\\"y\\\\z{}<>","labels":["Odd_label"],"props":{"name":"\(nasty)"}}
        {"kind":"edge","type":"weird_type","from":"kst-1-1","to":"x\\"y\\\\z{}<>","props":{"note":"\(nasty)"},"source":{"doc":"\(String(repeating: "ab", count: 32))","line":1,"offset":0,"text":"\(nasty)"}}

        """
        let imported = cli.run("import", cli.write("nasty.jsonl", lines))
        #expect(imported.code == 0, "\(imported.err)")
        let svg = cli.directory.file("nasty.svg")
        let drawn = cli.run("query", "MATCH p = ()-[]->() RETURN p", "--format", "dot", "-o", svg)
        guard Drawing.dotProgram() != nil else {
            #expect(drawn.code == 1 && drawn.err.contains("not installed"))
            return
        }
        #expect(drawn.code == 0, "\(drawn.err)")
        #expect(!drawn.err.contains("dot:"), "GraphViz complained: \(drawn.err)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        let whole = cli.directory.file("whole.dot")
        #expect(cli.run("export", "--format", "dot", "-o", whole).code == 0)
    }
}
