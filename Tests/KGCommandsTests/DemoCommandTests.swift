import Foundation
@testable import KGCommands
import KGTestSupport
import Testing

/// `kg demo`, the README's main job: builds the corpus graph once, answers the flagship question as a
/// table, draws it when `dot` is there and says what to do when it is not.
@Suite(.serialized) struct DemoCommandTests {
    @Test func theMainJobAnswersTheFlagshipQuestionAndDrawsIt() throws {
        let cli = CLIRun()
        let picture = cli.directory.file("out/flagship.svg")
        let first = cli.run("demo", "--root", RepositoryPaths.root, "-o", picture)
        #expect(first.code == 0, "\(first.err)")
        // The answer, as the papers give it: 004 (26 April 2024, about the JBZ-Raad of 4-5 March) and
        // 003 (21 June 2024, the report of 13-14 June) each cite motion 36410-VI, nr. 85 once.
        #expect(first.out.contains("How does the motion Kamerstuk 36410-VI, nr. 85 travel across meetings?"))
        let table = first.out.components(separatedBy: "\n").filter { $0.hasPrefix("meeting-") }
        #expect(table.count == 2)
        #expect(table.first?.hasPrefix("meeting-jbz-2024-03-04 | 2024-03-04") == true)
        #expect(table.last?.hasPrefix("meeting-jbz-2024-06-13 | 2024-06-13") == true)
        #expect(first.out.contains("(2 rows)"))
        if Drawing.dotProgram() != nil {
            let svg = try String(contentsOfFile: picture, encoding: .utf8)
            #expect(svg.contains("<svg"))
            // GraphViz writes "-" as &#45; in SVG text; the motion's link keeps its id as is.
            #expect(svg.contains("https://zoek.officielebekendmakingen.nl/kst-36410-VI-85.html"))
            #expect(svg.contains("2024&#45;06&#45;13"))
            #expect(first.out.contains("Drew the answer into \(picture)"))
        }
        // Run again: nothing new to ingest, the same answer.
        let second = cli.run("demo", "--root", RepositoryPaths.root, "-o", picture)
        #expect(second.code == 0)
        #expect(second.out.components(separatedBy: "\n").filter { $0.hasPrefix("meeting-") } == table)
        #expect(second.out.components(separatedBy: "\n").filter { $0.contains("unchanged (these bytes are doc-") }.count == 16,
                "a second run should say each of the 16 papers is already in the graph")
    }

    @Test func withoutDotItSaysSoAndWritesTheDotText() throws {
        let cli = CLIRun()
        cli.environment = ["PATH": cli.directory.file("no-programs-here")]
        let picture = cli.directory.file("flagship.svg")
        let result = cli.run("demo", "--root", RepositoryPaths.root, "-o", picture)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("GraphViz `dot` is not installed"))
        #expect(!FileManager.default.fileExists(atPath: picture))
        let dotText = try String(contentsOfFile: cli.directory.file("flagship.dot"), encoding: .utf8)
        #expect(dotText.hasPrefix("digraph"))
    }

    @Test func outsideACheckoutItSaysWhereToRunIt() {
        let cli = CLIRun()
        let result = cli.run("demo", "--root", cli.directory.file("empty"))
        #expect(result.code == 1)
        #expect(result.err.contains("run `kg demo` from the root of a Kamergraaf checkout"))
    }
}
