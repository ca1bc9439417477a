import KGModel

/// Text from a PDF, by poppler's `pdftotext` (plain reading order, UTF-8). Spec: Graph/TEXT.md §PDF.
///
/// Provenance of a PDF refers to pdftotext's output: the returned `SourceText` is the identity map over
/// that text (its `source` is the extracted text, lines are lines of it, pages are separated by form
/// feeds), because PDF bytes have no usable text offsets. The document's sha256 is still that of the
/// PDF bytes (`SourceReader` computes it), so the same PDF always yields the same document id.
public enum PDFText {
    /// How long pdftotext may run before it is stopped (a hostile PDF must not hang an import).
    public static let timeoutSeconds = 300.0

    /// Runs `pdftotext -enc UTF-8 <path> -`. Throws `toolMissing` when pdftotext is not on `PATH`
    /// (or on `searchPath`, colon-separated, when given), `toolFailed` when it fails, `notText` when the
    /// PDF has no text layer.
    public static func extract(path: String, searchPath: String? = nil) throws -> SourceText {
        guard let tool = FileAccess.findExecutable("pdftotext", searchPath: searchPath) else {
            throw TextSourceError.toolMissing("pdftotext", hint: "apt-get install poppler-utils")
        }
        let result = try FileAccess.run(tool, arguments: ["-enc", "UTF-8", path, "-"], timeout: timeoutSeconds)
        if result.timedOut {
            throw TextSourceError.toolFailed("pdftotext", status: result.status, message: "stopped after \(Int(timeoutSeconds)) s")
        }
        guard result.status == 0 else {
            let message = String(decoding: result.stderr.prefix(2000), as: UTF8.self).collapsingSpaces
            throw TextSourceError.toolFailed("pdftotext", status: result.status, message: message)
        }
        if let bad = UTF8Validation.firstInvalidOffset(result.stdout) {
            throw TextSourceError.toolFailed("pdftotext", status: 0, message: "its output is not UTF-8 (byte \(bad))")
        }
        guard result.stdout.contains(where: { !UTF8Validation.isSpace($0) && $0 != 0x0C }) else {
            throw TextSourceError.notText(file: path, offset: 0,
                                          reason: "pdftotext found no text in this PDF (scanned pages without a text layer? run OCR first)")
        }
        return SourceText(identity: result.stdout)
    }

    /// Whether `bytes` look like a PDF: `%PDF-` within the first 1024 bytes.
    public static func looksLikePDF(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        let limit = min(bytes.count, 1024)
        guard limit >= marker.count else { return false }
        for start in 0...(limit - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker) {
            return true
        }
        return false
    }
}
