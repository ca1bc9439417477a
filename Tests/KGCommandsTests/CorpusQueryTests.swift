import Foundation
@testable import KGCommands
import KGTestSupport
import Testing

/// The saved queries of Queries/corpus/ on the bundled corpus, ingested as `kg demo` does: each output
/// must equal its `.expected` file (re-record with `KG_RECORD_GOLDENS=1` and review the diff), and the
/// answers must say what the papers say (checked by reading them; see the comments).
@Suite struct CorpusQueryTests {
    /// The corpus graph, built once for the suite (queries only read it).
    final class Corpus: @unchecked Sendable {
        static let shared = Corpus()
        let cli = CLIRun()
        let ingested: Int32
        init() {
            ingested = cli.run("ingest", RepositoryPaths.root + "/Graph/corpus", RepositoryPaths.root + "/Graph/corpus-xml").code
        }
        func query(_ name: String) -> CLIRun.Result {
            cli.run("query", "-f", RepositoryPaths.root + "/Queries/corpus/\(name).cypher")
        }
    }

    static var queries: [String] {
        let directory = RepositoryPaths.root + "/Queries/corpus"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".cypher") }.sorted().map { String($0.dropLast(".cypher".count)) }
    }

    @Test func everyQuestionOfTheIssueHasASavedQuery() {
        #expect(Set(Self.queries).isSuperset(of: ["motion-across-meetings", "who-referred-to-kamerstuk", "factions-asking-about-countries",
                                                   "minister-faction-regulation", "shortest-connection-between-factions",
                                                   "documents-citing-each-other"]))
    }

    @Test(arguments: queries)
    func savedQueryGivesItsExpectedOutput(_ name: String) throws {
        let corpus = Corpus.shared
        #expect(corpus.ingested == 0)
        let result = corpus.query(name)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err == "", "a saved query should run without warnings: \(result.err)")
        let expectedPath = RepositoryPaths.root + "/Queries/corpus/\(name).expected"
        if ProcessInfo.processInfo.environment["KG_RECORD_GOLDENS"] == "1" {
            try Data(result.out.utf8).write(to: URL(fileURLWithPath: expectedPath))
            return
        }
        #expect(result.out == (try String(contentsOfFile: expectedPath, encoding: .utf8)))
    }

    /// Rows of a table output, split into trimmed cells.
    static func rows(_ output: String) -> [[String]] {
        output.split(separator: "\n").dropFirst(2).filter { !$0.hasPrefix("(") }
            .map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    @Test func theMotionVeldkampTravelsFromTheMarchToTheJuneCouncil() {
        // 004 (26 April 2024, on the JBZ-Raad of 4-5 March) names "de Motie Veldkamp c.s." (line 606,
        // footnote 18: 36 410 VI, nr. 85); 003 (21 June 2024, the report of 13-14 June) names it at line 685.
        let rows = Self.rows(Corpus.shared.query("motion-across-meetings").out)
        #expect(rows.map { $0[0] } == ["meeting-jbz-2024-03-04", "meeting-jbz-2024-06-13"])
        #expect(rows.map { $0[3] } == ["2024-04-26", "2024-06-21"])
    }

    @Test func whoReferredToTheNonPapers() {
        // Kamerstuk 32317, nr. 872: cited in 000 by GL-PvdA's second question (footnote 1, line 252) and
        // two answers (footnotes 2 and 6), in 003 by footnote 17, and in 004's introduction (line 68).
        let rows = Self.rows(Corpus.shared.query("who-referred-to-kamerstuk").out)
        #expect(rows.contains { $0[2] == "['Question']" && $0[3] == "faction-GL-PVDA" && $0[4] == "footnote 1" })
        #expect(rows.contains { $0[1] == "2024-06-21" && $0[4] == "footnote 17" })
        #expect(rows.contains { $0[1] == "2024-04-26" && $0[2] == "['Passage']" })
        #expect(rows.count == 6)
    }

    @Test func factionsAskAboutCountriesButNotTheNetherlands() {
        // Volt asked most about Tunisia (the "Tunesiëdeal", 001 second report).
        let rows = Self.rows(Corpus.shared.query("factions-asking-about-countries").out)
        #expect(rows.first.map { [$0[0], $0[1]] } == ["faction-VOLT", "Tunesië"])
        #expect(!rows.contains { $0[1] == "Nederland" })
    }

    @Test func ministersAnsweredFactionsAboutRegulations() {
        // 001: staatssecretaris Van der Burg answered Volt and the ChristenUnie on the Crisisverordening.
        let rows = Self.rows(Corpus.shared.query("minister-faction-regulation").out)
        #expect(rows.contains { $0[0] == "Van der Burg" && $0[1] == "faction-VOLT" && $0[2] == "Crisisverordening" })
        #expect(rows.contains { $0[0] == "Van der Burg" && $0[1] == "faction-CU" && $0[2] == "Crisisverordening" })
    }

    @Test func theShortestConnectionBetweenVVDAndSP() {
        let rows = Self.rows(Corpus.shared.query("shortest-connection-between-factions").out)
        #expect(rows.count == 1)
        #expect(rows.first?[0] == "4")
        #expect(rows.first?[1].hasPrefix("['faction-VVD', 'question-") == true)
        #expect(rows.first?[1].hasSuffix("'faction-SP']") == true)
    }

    @Test func paperZeroCitesThePaperThatIsKamerstuk882() {
        // 000 cites "Verslag JBZ-Raad 13 en 14 juni 2024 (Kamerstuk 32317, nr. 882)" (lines 60, 211); 003 is
        // that report, recognised by what it is.
        let rows = Self.rows(Corpus.shared.query("documents-citing-each-other").out)
        #expect(rows.count == 1)
        #expect(rows.first?[1] == "kst-32317-882")
        #expect(rows.first?[3] == "identified-by-content")
        #expect(rows.first?[0].hasPrefix("Beantwoording gestelde vragen tijdens schriftelijk overleg over de informele JBZ-Raad") == true)
    }

    @Test func theFlagshipDrawingRendersWithGraphViz() throws {
        guard Drawing.dotProgram() != nil else {
            print("skipped: GraphViz `dot` is not installed (apt-get install graphviz)")
            return
        }
        let corpus = Corpus.shared
        let svg = corpus.cli.directory.file("motion.svg")
        let result = corpus.cli.run("dot", "-f", RepositoryPaths.root + "/Queries/corpus/motion-across-meetings.cypher", "-o", svg)
        #expect(result.code == 0, "\(result.err)")
        #expect(!result.err.contains("warning"), "dot warned: \(result.err)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("<svg"))
        #expect(text.contains("motie Veldkamp"))
        #expect(text.contains("https://zoek.officielebekendmakingen.nl/kst-36410-VI-85.html"))
    }

    @Test(arguments: queries)
    func everySavedQueryDrawsWithoutGraphVizWarnings(_ name: String) throws {
        guard Drawing.dotProgram() != nil else {
            print("skipped: GraphViz `dot` is not installed (apt-get install graphviz)")
            return
        }
        let corpus = Corpus.shared
        let svg = corpus.cli.directory.file("\(name).svg")
        let result = corpus.cli.run("query", "-f", RepositoryPaths.root + "/Queries/corpus/\(name).cypher", "--format", "dot", "-o", svg)
        #expect(result.code == 0, "\(result.err)")
        #expect(!result.err.contains("dot:"), "dot said something: \(result.err)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("<svg"))
        #expect(text.contains("class=\"node\""), "the drawing of \(name) should hold the matched nodes")
    }
}
