import Foundation
import KGExtract
import KGModel
import KGText

/// Shared by `kg ingest` and `kg extract`: reading documents and choosing reference data.
enum IngestSupport {
    static let defaultReferenceDirectory = "Graph/reference"

    /// The reference data: `--reference DIR`, else Graph/reference when present, else built in.
    static func reference(_ directory: String?, context: CommandContext) throws -> ReferenceData {
        if let directory { return try ReferenceData.load(directory: directory) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: defaultReferenceDirectory, isDirectory: &isDirectory), isDirectory.boolValue {
            return try ReferenceData.load(directory: defaultReferenceDirectory)
        }
        return .builtin
    }

    /// A document to extract: .txt/.md as they are, .xml through its publication metadata and
    /// Markdown rendering, .pdf through pdftotext. Refuses what is not text, naming file and reason.
    static func input(_ path: String) throws -> ExtractionInput {
        let document = try SourceReader.read(path: path)
        return input(document, fileName: path)
    }

    static func input(_ document: SourceDocument, fileName: String) -> ExtractionInput {
        let text = document.text
        var publication: ExtractionInput.Publication?
        if let converted = document.publication {
            let metadata = converted.metadata
            publication = ExtractionInput.Publication(
                identifier: metadata.canonicalID?.description ?? metadata.identifier ?? "",
                title: metadata.title ?? metadata.dossierTitle ?? "", date: metadata.date, chamber: metadata.chamber?.rawValue,
                links: converted.extrefs.compactMap { ref in ref.canonicalTarget.map { ($0, ref.textRange) } })
        }
        return ExtractionInput(text: text.utf8, fileName: fileName, sha256: document.sha256, format: document.format.rawValue,
                               sourceBytes: text.source, sourceOffset: { text.sourceOffset(ofTextByte: $0) }, publication: publication)
    }
}
