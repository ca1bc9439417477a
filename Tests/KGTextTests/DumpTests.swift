import Foundation
import KGText
import Testing

@Suite struct DumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KG_TEXT_DUMP"] != nil))
    func dumpAll() throws {
        for name in Corpus.xmlFiles {
            let publication = try PublicationXML.read(try Corpus.xml(name))
            try publication.sourceText.text.write(toFile: "/tmp/kgtext-" + name + ".md", atomically: true, encoding: .utf8)
            print(name, publication.metadata.identifier ?? "-", publication.warnings, publication.sourceText.checkInvariants())
        }
    }
}
