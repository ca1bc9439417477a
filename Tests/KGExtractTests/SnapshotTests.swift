import Foundation
@testable import KGExtract
import KGModel
import KGTestSupport
import Testing

/// Golden snapshots of each extraction stage for the five corpus papers, in Graph/snapshots/, read by
/// a person when they change. Re-record with `KG_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`
/// and review the diff.
@Suite struct SnapshotTests {
    static let record = ProcessInfo.processInfo.environment["KG_RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func stagesMatchTheirSnapshots(prefix: String) throws {
        let absolute = RepositoryPaths.corpus(prefix)
        let relative = "Graph/corpus/" + (absolute as NSString).lastPathComponent
        // Each paper as a first ingest would see it after the papers before it.
        var context = CorpusContext()
        let extractor = Extractor(reference: .builtin)
        for earlier in ["000", "001", "002", "003", "004"].prefix(while: { $0 != prefix }) {
            let path = RepositoryPaths.corpus(earlier)
            context.absorb(extractor.extract(ExtractionInput(fileName: path, bytes: RepositoryPaths.bytes(path)), context: context).batch)
        }
        let result = extractor.extract(ExtractionInput(fileName: relative, bytes: RepositoryPaths.bytes(absolute)), context: context)
        for stage in ExtractionResult.DumpStage.allCases {
            let path = RepositoryPaths.root + "/Graph/snapshots/\(prefix).\(stage.rawValue).txt"
            let actual = result.dump(stage)
            if Self.record {
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            if actual != expected {
                let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
                let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("""
                    \(prefix).\(stage.rawValue).txt differs at line \((first?.offset ?? min(actualLines.count, expectedLines.count)) + 1):
                      expected: \(first?.element.1 ?? "(end)")
                      actual:   \(first?.element.0 ?? "(end)")
                    re-record with KG_RECORD_SNAPSHOTS=1 and review the diff
                    """)
            }
        }
    }
}
