import KGModel

/// A document as the extractor reads it: the text, how each text byte maps back to the original
/// file (for provenance), and what the publication itself says about its identity, when it does.
public struct ExtractionInput: Sendable {
    /// What the publication's own metadata says (the official XML), when available.
    public struct Publication: Sendable {
        public var identifier: String
        public var title: String
        public var date: Day?
        public var chamber: String?
        /// `<extref doc="...">` links: target and the text range they cover.
        public var links: [(target: String, textRange: Range<Int>)]

        public init(identifier: String, title: String, date: Day?, chamber: String?, links: [(target: String, textRange: Range<Int>)]) {
            self.identifier = identifier
            self.title = title
            self.date = date
            self.chamber = chamber
            self.links = links
        }
    }

    /// The text to read (UTF-8).
    public var text: [UInt8]
    /// The file name or path as the user gave it.
    public var fileName: String
    /// sha256 (hex) of the original file's bytes.
    public var sha256: String
    /// `markdown`, `pdf-text`, `xml`, `pdf`.
    public var format: String
    /// Maps a text byte offset to the original file's byte offset.
    public var sourceOffset: @Sendable (Int) -> Int
    /// The original file's bytes (for line numbers and exact spans).
    public var sourceBytes: [UInt8]
    public var publication: Publication?

    /// A .txt/.md document: the text is the file.
    public init(fileName: String, bytes: [UInt8]) {
        self.text = bytes
        self.fileName = fileName
        self.sha256 = SHA256.hex(of: bytes)
        self.format = ""
        self.sourceOffset = { $0 }
        self.sourceBytes = bytes
        self.publication = nil
    }

    public init(text: [UInt8], fileName: String, sha256: String, format: String, sourceBytes: [UInt8],
                sourceOffset: @escaping @Sendable (Int) -> Int, publication: Publication?) {
        self.text = text
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.sourceOffset = sourceOffset
        self.sourceBytes = sourceBytes
        self.publication = publication
    }

    /// The document's id: `doc-` and the first 16 hex digits of its sha256.
    public var documentID: NodeID { CanonicalID.document(sha256: sha256).nodeID }
}
