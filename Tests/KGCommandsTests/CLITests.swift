import Foundation
@testable import KGCommands
import KGStore
import KGTestSupport
import Testing

/// Runs `kg` in-process with captured output.
final class CLIRun {
    let directory = TemporaryDirectory()
    var stdin: [UInt8] = []
    var environment: [String: String] = [:]

    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    var graph: String { directory.file("g.kg") }

    @discardableResult
    func run(_ arguments: String..., withGraph: Bool = true) -> Result {
        var out = "", err = ""
        let context = CommandContext(writeOut: { out += $0 }, writeErr: { err += $0 }, environment: environment,
                                     readStandardInput: { [stdin] in stdin })
        let args = withGraph ? ["--graph", graph] + arguments : arguments
        let code = KG.run(args, context: context)
        return Result(code: code, out: out, err: err)
    }

    func write(_ name: String, _ text: String) -> String {
        let path = directory.file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

@Suite struct CLITests {
    let sample = """
    {"kind":"node","id":"kst-32317-884","labels":["Kamerstuk"],"props":{"dossier":"32317","number":884}}
    {"kind":"node","id":"meeting-jbz-2024-07-22","labels":["Meeting"],"props":{"date":{"$date":"2024-07-22"},"informal":true,"weight":1.0}}
    {"kind":"edge","type":"cites","from":"doc-2c53b84423decd33","to":"kst-32317-884","props":{},"source":{"doc":"2c53b84423decd332c53b84423decd332c53b84423decd332c53b84423decd33","line":66,"offset":2210,"text":"Kamerstuk 32317, nr. 884"}}
    {"kind":"edge","type":"cites","from":"doc-2c53b84423decd33","to":"kst-32317-884","props":{},"source":{"doc":"other","line":1,"offset":0,"text":"nr. 884"}}
    {"kind":"edge","type":"about","from":"doc-2c53b84423decd33","to":"meeting-jbz-2024-07-22","props":{"rule":"betreft"}}

    """

    @Test func importThenExportRoundTrips() throws {
        let cli = CLIRun()
        let input = cli.write("in.jsonl", sample)
        let imported = cli.run("import", input)
        #expect(imported.code == 0)
        #expect(imported.out == "committed transaction 1: 2 node facts, 3 edge facts\n")
        #expect(imported.err.contains("created"))
        let exported = cli.run("export")
        #expect(exported.code == 0)
        // Two assertions of one edge export as one line with both sources.
        #expect(exported.out.components(separatedBy: "\n").filter { $0.contains("\"cites\"") }.count == 1)
        #expect(exported.out.contains("\"sources\":["))
        // Import the export into a second graph: exporting that gives the same text.
        let second = CLIRun()
        let copy = second.write("copy.jsonl", exported.out)
        #expect(second.run("import", copy).code == 0)
        #expect(second.run("export").out == exported.out)
        #expect(cli.run("verify").code == 0)
    }

    @Test func importingTheSameBytesAgainAddsNothingAndChangedBytesSupersede() throws {
        let cli = CLIRun()
        let input = cli.write("in.jsonl", sample)
        cli.run("import", input)
        let again = cli.run("import", input)
        #expect(again.code == 0)
        #expect(again.out.hasPrefix("unchanged:"))
        _ = cli.write("in.jsonl", sample.replacingOccurrences(of: "\"number\":884", with: "\"number\":885"))
        let changed = cli.run("import", input, "--format", "json")
        #expect(changed.out == "{\"status\":\"committed\",\"sequence\":2,\"nodes\":2,\"edges\":3,\"retractions\":1,\"superseded\":true}\n")
        let show = cli.run("show", "kst-32317-884", "--format", "json")
        #expect(show.out.contains("\"number\":885"))
        #expect(cli.run("show", "kst-32317-884", "--as-of", "1").out.contains("number = 884"))
        let log = cli.run("log")
        #expect(log.out.contains("(superseded by 2)"))
    }

    @Test func aMalformedLineRefusesTheWholeImport() throws {
        let cli = CLIRun()
        let good = cli.write("good.jsonl", sample)
        cli.run("import", good)
        let before = cli.run("export").out
        let bad = cli.write("bad.jsonl", sample + "{\"kind\":\"edge\",\"type\":\"cites\",\"from\":\"a\"}\n")
        let result = cli.run("import", bad)
        #expect(result.code == 1)
        #expect(result.err == "kg: error: \(bad):6: to: missing; nothing was imported (fix the line and import again)\n")
        #expect(cli.run("export").out == before)
    }

    @Test func aSecondWriterIsRefusedBeforeItReadsItsInput() throws {
        let cli = CLIRun()
        cli.run("import", cli.write("good.jsonl", sample))
        let holder = try GraphStore.open(at: cli.graph, writable: true)
        defer { holder.close() }
        // The input is malformed: being told about the lock, not the line, shows the lock came first.
        let result = cli.run("import", cli.write("bad.jsonl", "{not json\n"))
        #expect(result.code == 1)
        #expect(result.err.contains("another writer holds the lock (pid"), "\(result.err)")
        let ingest = cli.run("ingest", cli.write("paper.txt", "Den Haag, 3 juli 2024\n"))
        #expect(ingest.err.contains("another writer holds the lock (pid"), "\(ingest.err)")
    }

    @Test func aFailedImportIntoANewGraphLeavesNoFileBehind() {
        let cli = CLIRun()
        let result = cli.run("import", cli.write("bad.jsonl", "{not json\n"))
        #expect(result.code == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.graph))
    }

    @Test func usageErrorsExit2AndSayWhatWasExpected() {
        let cli = CLIRun()
        let cases: [([String], String)] = [
            (["import"], "kg: error: `kg import` expects 1 argument, got 0\nusage: kg import FILE.jsonl|- [--source NAME] [--no-sync] [--format text|json]\n"),
            (["frobnicate"], "kg: error: unknown command 'frobnicate'\n"),
            (["stats", "--format", "xml"], "kg: error: --format expects one of text, json, got 'xml'\nusage: kg stats [--format text|json] [--as-of SEQ]\n"),
            (["stats", "--bogus"], "kg: error: unknown option '--bogus' for `kg stats` (see `kg stats --help`)\n"),
            (["show", "--as-of", "zero", "x"], "kg: error: --as-of expects a commit sequence number (1, 2, ...), got 'zero'\n"),
            (["salvage"], "kg: error: `kg salvage` needs --output NEW.kg (the damaged file is never modified)\n"),
            (["log", "--limit"], "kg: error: option --limit expects a value N\n"),
        ]
        for (arguments, expected) in cases {
            var out = "", err = ""
            let context = CommandContext(writeOut: { out += $0 }, writeErr: { err += $0 })
            #expect(KG.run(["--graph", cli.graph] + arguments, context: context) == 2, "\(arguments)")
            #expect(err.hasPrefix(expected), "\(arguments): \(err)")
            #expect(out.isEmpty)
        }
    }

    @Test func failuresExit1OnStderr() {
        let cli = CLIRun()
        let missing = cli.run("stats")
        #expect(missing.code == 1)
        #expect(missing.err == "kg: error: \(cli.graph): no such graph file (create one with `kg init`, or pass --graph PATH)\n")
        #expect(cli.run("import", cli.directory.file("absent.jsonl")).err.contains("absent.jsonl: cannot read: no such file"))
        cli.run("init")
        let twice = cli.run("init")
        #expect(twice.code == 1)
        #expect(twice.err.contains("already exists"))
        #expect(cli.run("show", "nope").err == "kg: error: no node with id \"nope\" in \(cli.graph)\n")
        #expect(cli.run("stats", "--as-of", "5").err == "kg: error: no commit with sequence number 5: the graph has commits 1...0\n")
    }

    @Test func helpAndVersion() {
        let cli = CLIRun()
        let version = cli.run("--version", withGraph: false)
        #expect(version.code == 0)
        #expect(version.out.hasPrefix("kg 0.1.0"))
        let help = cli.run("--help", withGraph: false)
        #expect(help.out.contains("import") && help.out.contains("verify"))
        for command in KG.commands {
            let result = cli.run(command.name, "--help")
            #expect(result.code == 0, "\(command.name)")
            #expect(result.out.hasPrefix("usage: kg \(command.name)"), "\(command.name)")
            #expect(result.out.contains("--graph PATH"))
        }
        #expect(cli.run("help", "import").out.contains("supersede") || cli.run("help", "import").out.contains("retracts"))
    }

    @Test func graphPathComesFromTheEnvironmentWhenNotGiven() {
        let cli = CLIRun()
        cli.environment["KG_GRAPH"] = cli.directory.file("env.kg")
        let result = cli.run("init", withGraph: false)
        #expect(result.out == "created \(cli.directory.file("env.kg"))\n")
    }

    @Test func verifyNamesTheOffsetOfAFlippedBitAndSalvageRecovers() throws {
        let cli = CLIRun()
        let first = cli.write("a.jsonl", sample)
        let second = cli.write("b.jsonl", "{\"kind\":\"node\",\"id\":\"later\"}\n")
        cli.run("import", first)
        cli.run("import", second)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cli.graph))
        bytes[40] ^= 0x04
        try bytes.write(to: URL(fileURLWithPath: cli.graph))
        let verify = cli.run("verify")
        #expect(verify.code == 1)
        #expect(verify.out.contains("DAMAGE       at byte offset 20, record #0: checksum mismatch"))
        let json = cli.run("verify", "--format", "json")
        #expect(json.out.contains("\"damage\":{\"offset\":20,\"record\":0"))
        let stats = cli.run("stats")
        #expect(stats.code == 1)
        #expect(stats.err.contains("corrupt record #0 at byte offset 20: checksum mismatch"))
        let salvaged = cli.directory.file("salvaged.kg")
        let salvage = cli.run("salvage", "--output", salvaged)
        #expect(salvage.out.contains("wrote \(salvaged): 0 transactions"))
    }

    @Test func stdinImportAndStatsJSON() {
        let cli = CLIRun()
        cli.stdin = Array(sample.utf8)
        #expect(cli.run("import", "-").code == 0)
        let stats = cli.run("stats", "--format", "json")
        #expect(stats.out.contains("\"nodes\":3,\"edges\":2,\"labels\":{\"Kamerstuk\":1,\"Meeting\":1},\"unlabelled\":1,\"types\":{\"about\":1,\"cites\":1}"))
        let log = cli.run("log", "--format", "json")
        #expect(log.out.contains("\"source\":\"stdin\""))
    }

    @Test func checkpointWritesASnapshotThatVerifyAccepts() {
        let cli = CLIRun()
        let input = cli.write("in.jsonl", sample)
        cli.run("import", input)
        let checkpoint = cli.run("checkpoint")
        #expect(checkpoint.out == "wrote \(cli.graph).snapshot (commit 1)\n")
        #expect(cli.run("verify").out.contains("snapshot     matches the log up to commit 1"))
    }
}
