import Foundation
@testable import KGCommands
import KGTestSupport
import Testing

/// `kg ingest` and `kg extract` end to end, in process, on the bundled corpus and on files made here.
@Suite struct IngestTests {
    let corpus = RepositoryPaths.root + "/Graph/corpus"
    let corpusXML = RepositoryPaths.root + "/Graph/corpus-xml"

    @Test func ingestingTheCorpusTwiceAddsNothingTheSecondTime() {
        let cli = CLIRun()
        let first = cli.run("ingest", corpus, "--format", "json")
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.components(separatedBy: "\"status\":\"committed\"").count - 1 == 5)
        let second = cli.run("ingest", corpus)
        #expect(second.code == 0)
        #expect(second.out.components(separatedBy: "\n").filter { $0.contains("unchanged") }.count == 5)
        #expect(second.out.contains("nothing added"))
        let stats = cli.run("stats", "--format", "json")
        #expect(stats.out.contains("\"Document\":5"))
        #expect(stats.out.contains("\"Question\":138"))
        #expect(stats.out.contains("\"transactions\":5,"))
    }

    /// Found by the kill loop (Tools/crash/kill_loop.py): a run resumed after a crash builds what it
    /// knows of earlier papers from the graph, an uninterrupted run from the papers it just ingested.
    /// Both must know the same, or the resumed run matches questions differently. Here 002 restates
    /// 001's questions in slightly different words, and a copy of 001 follows.
    @Test func ingestingPaperByPaperGivesTheSameGraphAsOneRun() throws {
        let folder = TemporaryDirectory()
        let names = ["a-001.txt", "b-002.md", "c-001-copy.txt"]
        let sources = [RepositoryPaths.corpus("001"), RepositoryPaths.corpus("002"), RepositoryPaths.corpus("001")]
        for (name, source) in zip(names, sources) {
            var bytes = RepositoryPaths.bytes(source)
            if name.contains("copy") { bytes += Array("\n(a copy)\n".utf8) }
            try Data(bytes).write(to: URL(fileURLWithPath: folder.file(name)))
        }
        let together = CLIRun()
        #expect(together.run("ingest", folder.path).code == 0)
        let oneByOne = CLIRun()
        for name in names { #expect(oneByOne.run("ingest", folder.file(name)).code == 0) }
        // The sources differ (folder vs files) only in the path the log records, not in the facts.
        let exportTogether = together.run("export").out.split(separator: "\n").sorted()
        let exportOneByOne = oneByOne.run("export").out.split(separator: "\n").sorted()
        #expect(exportTogether.count == exportOneByOne.count)
        #expect(exportTogether == exportOneByOne, "first difference: \(zip(exportTogether, exportOneByOne).first { $0 != $1 }.map { "\($0.0.prefix(300))\n vs \($0.1.prefix(300))" } ?? "")")
    }

    @Test func aChangedFileSupersedesItsEarlierVersion() throws {
        let cli = CLIRun()
        let original = try String(contentsOfFile: RepositoryPaths.corpus("002"), encoding: .utf8)
        let path = cli.write("report.md", original)
        #expect(cli.run("ingest", path).code == 0)
        // The same report with its last question's answer edited.
        _ = cli.write("report.md", original.replacingOccurrences(of: "In het verleden zijn meerdere zaken", with: "In het verleden zijn veel zaken"))
        let again = cli.run("ingest", path)
        #expect(again.code == 0)
        #expect(again.out.contains("replaces the earlier version of this file"))
        let stats = cli.run("stats", "--format", "json")
        #expect(stats.out.contains("\"Document\":1"), "the old version's document node is retracted: \(stats.out)")
        #expect(stats.out.contains("\"Question\":17"))
        #expect(cli.run("log").out.contains("(superseded by 2)"))
        #expect(cli.run("verify").code == 0)
    }

    @Test func unreadableFilesAreReportedByNameAndTheRestIsIngested() throws {
        let cli = CLIRun()
        let folder = cli.directory.file("papers")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(RepositoryPaths.bytes(RepositoryPaths.corpus("000"))).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try Data(Array("Brief van 12 maart 1999: caf".utf8) + [0xE9]).write(to: URL(fileURLWithPath: folder + "/c.md"))
        let result = cli.run("ingest", folder)
        #expect(result.code == 1)
        #expect(result.err.contains("b.txt"))
        #expect(result.err.contains("c.md"))
        #expect(result.err.contains("2 of 3 files could not be read"))
        #expect(result.out.contains("a.txt: doc-357e2ace64c8bdf8, transaction 1"))
        #expect(cli.run("stats", "--format", "json").out.contains("\"Document\":1"))
    }

    @Test func publicationXMLLinksAreCitations() {
        let cli = CLIRun()
        #expect(cli.run("ingest", corpusXML + "/kst_28844_269.xml").code == 0)
        let show = cli.run("show", "kst-28844-266", "--format", "json")
        #expect(show.code == 0)
        #expect(show.out.contains("xml.extref"))
        let document = cli.run("stats", "--format", "json")
        #expect(document.out.contains("\"Document\":1"))
        // The publication states its own number: the document is that Kamerstuk.
        #expect(cli.run("show", "kst-28844-269").out.contains("same_as"))
    }

    @Test func extractDumpsEachStageWithoutWritingAGraph() {
        let cli = CLIRun()
        let path = RepositoryPaths.corpus("002")
        let segments = cli.run("extract", path, "--dump", "segments")
        #expect(segments.code == 0)
        #expect(segments.out.contains("report 1 section D66-fractie"))
        let mentions = cli.run("extract", path, "--dump", "mentions")
        #expect(mentions.out.contains("citation kamerstuk kst-32317-855"))
        let graph = cli.run("extract", path, "--dump", "graph")
        #expect(graph.out.contains("-[:same_as {rule=stated-number}]->(kst-32317-859)"))
        #expect(!FileManager.default.fileExists(atPath: cli.graph))
        let bad = cli.run("extract", path, "--dump", "everything")
        #expect(bad.code == 2)
        #expect(bad.err.contains("--dump expects segments, mentions or graph"))
        let missing = cli.run("extract", cli.directory.file("none.txt"))
        #expect(missing.code == 1)
        #expect(missing.err.contains("none.txt"))
    }

    @Test func aBadReferenceDirectoryIsAClearError() throws {
        let cli = CLIRun()
        let directory = cli.directory.file("reference")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["factions.tsv", "ministers.tsv", "offices.tsv", "countries.tsv", "eu_acts.tsv", "persons_other.tsv"] {
            try FileManager.default.copyItem(atPath: RepositoryPaths.root + "/Graph/reference/" + name, toPath: directory + "/" + name)
        }
        var ministers = try String(contentsOfFile: directory + "/ministers.tsv", encoding: .utf8)
        ministers = ministers.replacingOccurrences(of: "\t2022-01-10\t2024-07-02\tRutte IV", with: "\t2022-01-10\t2024-13-02\tRutte IV")
        try ministers.write(toFile: directory + "/ministers.tsv", atomically: true, encoding: .utf8)
        let result = cli.run("extract", RepositoryPaths.corpus("000"), "--reference", directory)
        #expect(result.code == 1)
        #expect(result.err.contains("ministers.tsv:"))
        #expect(result.err.contains("invalid date \"2024-13-02\""))
    }
}
