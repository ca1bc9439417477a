import KGModel

/// Reads a source file by its extension: `.txt`/`.md` as text (identity map), `.xml` as publication
/// XML, `.pdf` through pdftotext. Refuses what is not text, naming the file, the byte and the reason;
/// never traps on any input.
public enum SourceReader {
    /// Reads the file at `path` (its last path component is the file name). `searchPath` replaces
    /// `PATH` when looking for pdftotext.
    public static func read(path: String, searchPath: String? = nil) throws -> SourceDocument {
        let bytes = try FileAccess.readFile(path)
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        if try format(of: fileName) == .pdf {
            return try readPDF(bytes, fileName: fileName, path: path, searchPath: searchPath)
        }
        return try read(bytes: bytes, fileName: fileName, searchPath: searchPath)
    }

    /// Reads `bytes` as the file `fileName` (the extension decides the format).
    public static func read(bytes: [UInt8], fileName: String, searchPath: String? = nil) throws -> SourceDocument {
        let format = try format(of: fileName)
        switch format {
        case .pdf:
            return try FileAccess.withTemporaryFile(bytes, suffix: ".pdf") { path in
                try readPDF(bytes, fileName: fileName, path: path, searchPath: searchPath)
            }
        case .text, .markdown:
            try checkText(bytes, file: fileName)
            return SourceDocument(fileName: fileName, format: format, sha256: SHA256.hex(of: bytes), byteCount: bytes.count,
                                  text: SourceText(identity: bytes), publication: nil)
        case .xml:
            try checkText(bytes, file: fileName)
            let publication: ConvertedPublication
            do {
                publication = try PublicationXML.read(bytes)
            } catch let error as TextSourceError {
                if case .malformedXML(let offset, _) = error {
                    throw TextSourceError.inFile(fileName, line: SourceText(identity: bytes).lineNumber(ofSourceOffset: offset), error)
                }
                throw TextSourceError.inFile(fileName, line: nil, error)
            }
            return SourceDocument(fileName: fileName, format: .xml, sha256: SHA256.hex(of: bytes), byteCount: bytes.count,
                                  text: publication.sourceText, publication: publication)
        }
    }

    /// The format for a file name's extension (case-insensitive).
    public static func format(of fileName: String) throws -> SourceDocument.Format {
        let parts = fileName.split(separator: ".", omittingEmptySubsequences: false)
        let ext = parts.count > 1 ? parts[parts.count - 1].lowercased() : ""
        switch ext {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "xml": return .xml
        case "pdf": return .pdf
        default:
            throw TextSourceError.unsupportedFormat(
                file: fileName,
                reason: (ext.isEmpty ? "no file extension" : "unknown extension .\(ext)") + ": expected .txt, .md, .xml or .pdf")
        }
    }

    /// Refuses bytes that are not UTF-8 text, in this order: an empty file, a UTF-16/UTF-32 byte order
    /// mark, a NUL byte (binary data), invalid UTF-8 (Latin-1 or Windows-1252), a line longer than
    /// `Limits.maxLineBytes`, nothing but whitespace. O(n).
    public static func checkText(_ bytes: [UInt8], file: String) throws {
        func refuse(_ offset: Int, _ reason: String) -> TextSourceError { .notText(file: file, offset: offset, reason: reason) }
        if bytes.isEmpty { throw refuse(0, "the file is empty (0 bytes)") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw refuse(0, "UTF-16 or UTF-32 text (byte order mark \(bytes.prefix(2).map(UTF8Validation.hex).joined(separator: " "))): "
                + "convert to UTF-8")
        }
        // One pass for NUL bytes, line lengths and blankness; then UTF-8 validity.
        var firstNul: Int?
        var longLine: (start: Int, line: Int, length: Int)?
        var blank = true
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0, line = 1
            for index in 0..<buffer.count {
                let byte = buffer[index]
                if byte == 0x0A {
                    if longLine == nil, index - lineStart > Limits.maxLineBytes { longLine = (lineStart, line, index - lineStart) }
                    lineStart = index + 1
                    line += 1
                } else if byte == 0 {
                    firstNul = index
                    return
                } else if blank, byte != 0x20, byte != 0x09, byte != 0x0D, byte != 0x0C {
                    blank = false
                }
            }
            if longLine == nil, buffer.count - lineStart > Limits.maxLineBytes {
                longLine = (lineStart, line, buffer.count - lineStart)
            }
        }
        if let nul = firstNul {
            throw refuse(nul, "a NUL byte: this is binary data, not text")
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw refuse(bad, "invalid UTF-8 (byte \(UTF8Validation.hex(bytes[bad]))): Latin-1 or Windows-1252? "
                + "convert to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)")
        }
        if let longLine {
            throw refuse(longLine.start, "line \(longLine.line) is longer than \(Limits.maxLineBytes >> 20) MiB "
                + "(\(longLine.length) bytes): not a text file?")
        }
        if blank {
            throw refuse(0, "no text: the file holds only whitespace (\(bytes.count) bytes)")
        }
    }

    private static func readPDF(_ bytes: [UInt8], fileName: String, path: String, searchPath: String?) throws -> SourceDocument {
        if bytes.isEmpty { throw TextSourceError.notText(file: fileName, offset: 0, reason: "the file is empty (0 bytes)") }
        guard PDFText.looksLikePDF(bytes) else {
            throw TextSourceError.unsupportedFormat(file: fileName, reason: "not a PDF: no %PDF- header in the first 1024 bytes")
        }
        let text: SourceText
        do {
            text = try PDFText.extract(path: path, searchPath: searchPath)
        } catch TextSourceError.notText(_, let offset, let reason) {
            throw TextSourceError.notText(file: fileName, offset: offset, reason: reason)
        }
        return SourceDocument(fileName: fileName, format: .pdf, sha256: SHA256.hex(of: bytes), byteCount: bytes.count,
                              text: text, publication: nil)
    }
}
