import Foundation
import KGModel
@testable import KGText
import KGTestSupport
import Testing

@Suite struct SourceReaderTests {
    /// The message a refusal prints (what `kg` shows after `kg: error: `).
    static func message(_ bytes: [UInt8], _ fileName: String) -> String {
        do {
            _ = try SourceReader.read(bytes: bytes, fileName: fileName)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func binaryInputIsRefusedAtItsFirstNulByte() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(Self.message(png, "scan.txt") == "scan.txt: not text (at byte 8): a NUL byte: this is binary data, not text")
        #expect(Self.message(png, "scan.xml") == "scan.xml: not text (at byte 8): a NUL byte: this is binary data, not text")
    }

    @Test func latin1IsRefusedWithAHint() {
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        #expect(Self.message(latin1, "notes.md")
            == "notes.md: not text (at byte 3): invalid UTF-8 (byte 0xE9): Latin-1 or Windows-1252? convert to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)")
        let windows1252: [UInt8] = Array("prijs ".utf8) + [0x80] + Array(" 5".utf8)
        #expect(Self.message(windows1252, "prijs.txt").hasPrefix("prijs.txt: not text (at byte 6): invalid UTF-8 (byte 0x80): Latin-1 or Windows-1252?"))
    }

    @Test func emptyAndBlankFilesAreRefused() {
        #expect(Self.message([], "leeg.txt") == "leeg.txt: not text (at byte 0): the file is empty (0 bytes)")
        #expect(Self.message([], "leeg.xml") == "leeg.xml: not text (at byte 0): the file is empty (0 bytes)")
        #expect(Self.message(Array("  \n\n\t".utf8), "blank.md") == "blank.md: not text (at byte 0): no text: the file holds only whitespace (5 bytes)")
    }

    @Test func utf16IsRefusedWithAHint() {
        let utf16: [UInt8] = [0xFF, 0xFE, 0x41, 0x00]
        #expect(Self.message(utf16, "brief.txt") == "brief.txt: not text (at byte 0): UTF-16 or UTF-32 text (byte order mark 0xFF 0xFE): convert to UTF-8")
    }

    @Test func aLineLongerThan16MiBIsRefused() {
        var bytes = Array("kort\n".utf8)
        bytes += [UInt8](repeating: 0x61, count: Limits.maxLineBytes + 1)
        #expect(Self.message(bytes, "lang.txt") == "lang.txt: not text (at byte 5): line 2 is longer than 16 MiB (16777217 bytes): not a text file?")
        bytes.removeLast()
        #expect(throws: Never.self) { try SourceReader.checkText(bytes, file: "lang.txt") }
    }

    @Test func unknownExtensionsAreRefused() {
        #expect(Self.message(Array("x".utf8), "brief.docx") == "brief.docx: unknown extension .docx: expected .txt, .md, .xml or .pdf")
        #expect(Self.message(Array("x".utf8), "README") == "README: no file extension: expected .txt, .md, .xml or .pdf")
    }

    @Test func malformedXMLNamesTheFileAndLine() {
        let xml = Array("<?xml version=\"1.0\"?>\n<kamerwrk>\n<al>a</b>\n</kamerwrk>\n".utf8)
        #expect(Self.message(xml, "kapot.xml") == "kapot.xml:3: malformed XML at byte 38: end tag </b> does not match <al> (opened at byte 33)")
        do {
            _ = try SourceReader.read(bytes: xml, fileName: "kapot.xml")
        } catch let error as TextSourceError {
            #expect(error.underlying == .malformedXML(offset: 38, reason: "end tag </b> does not match <al> (opened at byte 33)"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aMarkdownCorpusFileIsItsOwnText() throws {
        let document = try SourceReader.read(path: Corpus.path("Graph/corpus/000_2c53b84423decd33.txt"))
        #expect(document.fileName == "000_2c53b84423decd33.txt")
        #expect(document.format == .text)
        #expect(document.documentID.description == "doc-357e2ace64c8bdf8")
        #expect(document.sha256.count == 64)
        #expect(document.publication == nil)
        let text = document.text
        #expect(text.runs.count == 1)
        #expect(text.checkInvariants() == [])
        let range = try #require(text.byteRange(of: "<sup>4</sup> Aanhangsel Handelingen II"))
        #expect(text.sourceOffset(ofTextByte: range.lowerBound) == range.lowerBound)
        #expect(text.sourceSpan(range).line == 298)
        #expect(text.sourceSpan(range).exactSourceText == "<sup>4</sup> Aanhangsel Handelingen II")
    }

    @Test func everyCorpusTextFileReads() throws {
        for name in ["000_2c53b84423decd33.txt", "001_d229cc705638e600.txt", "002_36ac0271ae4ecca8.txt",
                     "003_b80f523c50862b61.txt", "004_3119cb9fa06b7852.txt"] {
            let bytes = try Corpus.bytes("Graph/corpus/" + name)
            let document = try SourceReader.read(bytes: bytes, fileName: name)
            #expect(document.text.utf8 == bytes)
            #expect(document.sha256 == SHA256.hex(of: bytes))
        }
    }

    @Test func anXMLFileReadsAsAPublication() throws {
        let document = try SourceReader.read(path: Corpus.path("Graph/corpus-xml/kst_35470_xiv_4.xml"))
        #expect(document.format == .xml)
        #expect(document.publication?.metadata.identifier == "kst-35470-XIV-4")
        #expect(document.byteCount == 29768)
        #expect(document.sha256 == SHA256.hex(of: try Corpus.xml("kst_35470_xiv_4.xml")))
        #expect(document.text.text.hasPrefix("Vergaderjaar 2019–2020\n\n"))
    }

    @Test func missingFilesAndDirectoriesAreUnreadable() {
        #expect(throws: TextSourceError.unreadable(file: "/nonexistent/x.txt", reason: "no such file")) {
            try SourceReader.read(path: "/nonexistent/x.txt")
        }
        let directory = TemporaryDirectory()
        #expect(throws: TextSourceError.unreadable(file: directory.path, reason: "is a directory")) {
            try SourceReader.read(path: directory.path)
        }
    }

    @Test func theExtensionIsCaseInsensitive() throws {
        #expect(try SourceReader.format(of: "A.XML") == .xml)
        #expect(try SourceReader.format(of: "notes.Md") == .markdown)
        #expect(try SourceReader.format(of: "x.tar.pdf") == .pdf)
    }
}

@Suite struct PDFTextTests {
    static let hasPdftotext = FileAccess.findExecutable("pdftotext") != nil

    /// A one-page PDF with one line of Helvetica text, written by hand with a correct xref table.
    static func tinyPDF(_ line: String) -> [UInt8] {
        let stream = "BT /F1 18 Tf 72 720 Td (\(line)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }

    @Test(.enabled(if: PDFTextTests.hasPdftotext, "pdftotext is not installed (apt-get install poppler-utils): PDF extraction not tested"))
    func aTinyPDFIsExtracted() throws {
        let bytes = Self.tinyPDF("Kamerstuk 32317, nr. 884")
        let directory = TemporaryDirectory()
        let path = directory.file("brief.pdf")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let document = try SourceReader.read(path: path)
        #expect(document.format == .pdf)
        #expect(document.sha256 == SHA256.hex(of: bytes))
        let text = document.text
        #expect(text.checkInvariants() == [])
        let range = try #require(text.byteRange(of: "Kamerstuk 32317, nr. 884"))
        #expect(text.sourceSpan(range).exactSourceText == "Kamerstuk 32317, nr. 884")
        #expect(text.sourceSpan(range).line == 1)
        // The same bytes, handed over without a file.
        let fromBytes = try SourceReader.read(bytes: bytes, fileName: "brief.PDF")
        #expect(fromBytes.text.text == text.text)
    }

    @Test(.enabled(if: PDFTextTests.hasPdftotext, "pdftotext is not installed (apt-get install poppler-utils): PDF failures not tested"))
    func aBrokenPDFIsAToolFailure() {
        var bytes = Array("%PDF-1.4\n".utf8)
        bytes += [UInt8](repeating: 0x20, count: 100)
        do {
            _ = try SourceReader.read(bytes: bytes, fileName: "kapot.pdf")
            Issue.record("a broken PDF was accepted")
        } catch TextSourceError.toolFailed(let tool, let status, _) {
            #expect(tool == "pdftotext" && status != 0)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aMissingPdftotextIsAClearError() {
        #expect(throws: TextSourceError.toolMissing("pdftotext", hint: "apt-get install poppler-utils")) {
            try PDFText.extract(path: "/tmp/x.pdf", searchPath: "/nonexistent-bin")
        }
        #expect("\(TextSourceError.toolMissing("pdftotext", hint: "apt-get install poppler-utils"))"
            == "pdftotext is not installed (not found on PATH): apt-get install poppler-utils")
    }

    @Test func bytesThatAreNotAPDFAreRefusedBeforeAnyToolRuns() {
        #expect(throws: TextSourceError.unsupportedFormat(file: "x.pdf", reason: "not a PDF: no %PDF- header in the first 1024 bytes")) {
            try SourceReader.read(bytes: Array("hello".utf8), fileName: "x.pdf", searchPath: "/nonexistent-bin")
        }
        #expect(throws: TextSourceError.notText(file: "x.pdf", offset: 0, reason: "the file is empty (0 bytes)")) {
            try SourceReader.read(bytes: [], fileName: "x.pdf")
        }
    }
}
