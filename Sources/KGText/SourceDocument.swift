import KGModel

/// A source file read for extraction: its identity (sha256 of the bytes), format, and the text with
/// its offset map. Spec: Graph/TEXT.md.
public struct SourceDocument: Sendable {
    /// The formats this module reads (the `format` property of a Document node in Graph/SCHEMA.md).
    public enum Format: String, Sendable {
        case text, markdown, xml, pdf
    }

    /// The file name the document was read as (for messages and the Document's `file` property).
    public let fileName: String
    /// How it was read.
    public let format: Format
    /// Lower-case hex sha256 of the file's bytes (of the PDF for a PDF, not of the extracted text).
    public let sha256: String
    /// Size of the file in bytes.
    public let byteCount: Int
    /// The text the extractor reads, with its map back to source offsets.
    public let text: SourceText
    /// For XML: metadata, extrefs, footnotes and warnings.
    public let publication: ConvertedPublication?

    /// `doc-` + the first 16 hex digits of the sha256.
    public var documentID: CanonicalID { .document(sha256: sha256) }
}
