import Foundation
import KGText
import Testing

/// A text dump of the XML stage, to review a rendering change as a diff (Graph/TEXT.md §Dump):
/// `KG_TEXT_DUMP=/tmp/text swift test --filter DumpTests` writes `<file>.md` and `<file>.meta` for each
/// corpus XML file. Skipped unless the variable is set.
@Suite struct DumpTests {
    static let directory = ProcessInfo.processInfo.environment["KG_TEXT_DUMP"]

    @Test(.enabled(if: DumpTests.directory != nil, "set KG_TEXT_DUMP=<directory> to write the rendered texts"))
    func dumpTheRenderedCorpus() throws {
        guard let directory = Self.directory else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in Corpus.xmlFiles {
            let publication = try PublicationXML.read(try Corpus.xml(name))
            let text = publication.sourceText
            try text.text.write(toFile: directory + "/" + name + ".md", atomically: true, encoding: .utf8)
            let metadata = publication.metadata
            var lines = ["identifier \(metadata.identifier ?? "-") (\(metadata.identifierSource?.rawValue ?? "-"))",
                         "dossier \(metadata.dossierNumber ?? "-") suffix \(metadata.dossierSuffix ?? "-") number \(metadata.documentNumber ?? "-")",
                         "vergaderjaar \(metadata.vergaderjaar ?? "-") chamber \(metadata.chamber?.rawValue ?? "-") date \(metadata.date?.iso ?? "-")",
                         "title \(metadata.title ?? "-")", "indieners \(metadata.indieners)"]
            lines += publication.extrefs.map { "extref \($0.target) \($0.kind) \(text.slice($0.textRange).debugDescription) line \(text.sourceSpan($0.textRange).line)" }
            lines += publication.footnotes.map { "footnote \($0.label) line \(text.sourceSpan($0.textRange).line)" }
            lines += publication.warnings.map { "warning \($0)" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/" + name + ".meta", atomically: true, encoding: .utf8)
        }
    }
}
