import Foundation
@testable import KGExtract
import KGModel
import KGTestSupport
import Testing

@Suite struct ReferenceDataTests {
    @Test func theBuiltInTablesAreTheFilesInGraphReference() throws {
        for name in ReferenceData.fileNames {
            let onDisk = try String(contentsOfFile: RepositoryPaths.root + "/Graph/reference/" + name, encoding: .utf8)
            let builtIn = try #require(BuiltinReferenceFiles.files[name])
            #expect(builtIn.trimmingWhitespace() == onDisk.trimmingWhitespace(),
                    "\(name) differs from the built-in copy: run Tools/embed-reference.sh")
        }
        let loaded = try ReferenceData.load(directory: RepositoryPaths.root + "/Graph/reference")
        #expect(loaded.ministers.count == ReferenceData.builtin.ministers.count)
        #expect(loaded.origin.hasSuffix("Graph/reference"))
    }

    @Test func proposalsBecomeSectorFiveCELEX() {
        #expect(ReferenceData.canonicalActID("com-2022-209") == "52022PC0209")
        #expect(ReferenceData.canonicalActID("com-2024-60") == "52024PC0060")
        #expect(ReferenceData.canonicalActID("pact-asiel-migratie") == "pact-asiel-migratie")
        #expect(ReferenceData.builtin.acts.contains { $0.id == "52022PC0209" && $0.aliases.contains("CSAM-verordening") })
    }

    @Test(arguments: [
        ("id\tname\n", "factions.tsv", "missing column \"aliases\""),
        ("# only comments\n", "factions.tsv", "no header row"),
        ("id\tname\taliases\tchamber\tfrom\tto\nfaction-X\tX\tX\tTK\t2020-02-30\t\n", "factions.tsv", "factions.tsv:2: invalid date \"2020-02-30\""),
        ("id\tname\taliases\tchamber\tfrom\tto\nfaction-X\tX\tX\tTK\t\t\textra\n", "factions.tsv", "factions.tsv:2: 7 fields, but the header has 6 columns"),
        ("id\tkind\tnumber\ttitle_nl\taliases\tdate\trelations\n32024L1346\tdirective\t\tX\tX\t2024-05-14\trepeals\n", "eu_acts.tsv",
         "eu_acts.tsv:2: relation \"repeals\" is not KIND:ID"),
        ("id\tkind\tnumber\ttitle_nl\taliases\tdate\trelations\n32024L1346\tdirective\t\tX\tX\t2024-13-14\t\n", "eu_acts.tsv",
         "eu_acts.tsv:2: invalid date \"2024-13-14\""),
        ("id\tkind\tnumber\ttitle_nl\taliases\tdate\trelations\n32024L1346\tdirective\t\tX\tX\t\trepeals:32013L0033\n", "eu_acts.tsv",
         "eu_acts.tsv:2: relation target \"32013L0033\" is not an id in this table"),
        ("id\tkind\tnumber\ttitle_nl\taliases\tdate\trelations\n32024L1346\tdirective\t\tX\tX\t\tsupersedes:32024L1346\n", "eu_acts.tsv",
         "eu_acts.tsv:2: relation kind \"supersedes\" is not one of"),
    ])
    func malformedTablesNameTheFileAndLine(text: String, file: String, message: String) {
        var files = BuiltinReferenceFiles.files
        files[file] = text
        do {
            _ = try ReferenceData.parse(files, prefix: "test/")
            Issue.record("accepted a malformed \(file)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func officesResolveByDate() {
        let terms = ReferenceData.builtin.ministers.filter { $0.office == "minister van Justitie en Veiligheid" }
        func holder(_ year: Int, _ month: Int, _ day: Int) -> String? {
            let date = Day(year: year, month: month, day: day)!
            return terms.first { ($0.from.map { $0 <= date } ?? true) && ($0.to.map { date < $0 } ?? true) }?.personID
        }
        #expect(holder(2023, 10, 17) == "person-yesilgoz-zegerius")
        #expect(holder(2024, 7, 18) == "person-van-weel")
        #expect(holder(2021, 6, 1) == "person-grapperhaus")
    }
}
