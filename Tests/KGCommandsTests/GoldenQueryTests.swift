import Foundation
@testable import KGCommands
import KGTestSupport
import Testing

/// The saved queries under Queries/sample/ run against the bundled sample graph
/// (Graph/sample/jbz-raad-2024-07.jsonl); each output must equal its `.expected` file.
/// Re-record after a deliberate change with `KG_RECORD_GOLDENS=1 swift test --filter GoldenQueryTests`
/// and review the diff.
@Suite struct GoldenQueryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var queries: [String] {
        let directory = root.appendingPathComponent("Queries/sample").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".cypher") }.sorted().map { directory + "/" + $0 }
    }

    @Test func thereAreSavedQueries() {
        #expect(GoldenQueryTests.queries.count >= 4)
    }

    @Test(arguments: queries)
    func savedQueryGivesItsExpectedOutput(_ path: String) throws {
        let cli = CLIRun()
        let sample = GoldenQueryTests.root.appendingPathComponent("Graph/sample/jbz-raad-2024-07.jsonl").path
        #expect(cli.run("import", sample).code == 0)
        let result = cli.run("query", "-f", path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err == "", "a saved query should run without warnings")
        let expectedPath = String(path.dropLast(".cypher".count)) + ".expected"
        if ProcessInfo.processInfo.environment["KG_RECORD_GOLDENS"] == "1" {
            try Data(result.out.utf8).write(to: URL(fileURLWithPath: expectedPath))
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(result.out == expected)
    }
}
