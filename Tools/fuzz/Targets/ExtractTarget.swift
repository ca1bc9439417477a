// Fuzz target (d): arbitrary bytes as a paper; provenance rules in Graph/SCHEMA.md and Graph/TEXT.md.
import KGExtract
import KGModel
import KGText

/// Arbitrary bytes as a parliamentary paper. Always extracted as plain text (the bytes as they are,
/// as `ExtractionInput(fileName:bytes:)` takes them); when the first byte that is not white space is `<`,
/// also read as publication XML through `SourceReader` (a refusal must be a `TextSourceError`) and the
/// text it renders extracted.
///
/// Invariants: no trap; every provenance of every fact names the input's sha256, a byte offset inside
/// the input, the line of that offset, and text that is the input's bytes at that offset (for spans
/// taken from the source); every finding's place lies inside the input; the XML reader's offset map
/// passes `SourceText.checkInvariants()`.
public enum ExtractTarget {
    static let name = FuzzTarget.extract.rawValue
    /// Built once: the reference tables and the rules compiled from them.
    static let extractor = Extractor()

    /// Runs the target on `input`.
    public static func run(_ input: [UInt8]) throws(FuzzFailure) {
        try check(ExtractionInput(fileName: "fuzz.txt", bytes: input), source: input, path: "text")
        guard input.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "<") else { return }
        let document: SourceDocument
        do {
            document = try SourceReader.read(bytes: input, fileName: "fuzz.xml")
        } catch is TextSourceError {
            return
        } catch {
            throw FuzzFailure(target: name, invariant: "untyped error", detail: "reading XML: \(type(of: error)): \(error)")
        }
        let problems = document.text.checkInvariants()
        guard problems.isEmpty else {
            throw FuzzFailure(target: name, invariant: "XML text map broken", detail: problems.joined(separator: "; "))
        }
        guard document.text.source == input else {
            throw FuzzFailure(target: name, invariant: "XML text map names other source bytes", detail: "\(document.text.source.count) bytes for \(input.count)")
        }
        try check(extractionInput(document), source: input, path: "xml")
    }

    /// The extractor's input for a read document, as `kg ingest` makes it (a copy of
    /// `IngestSupport.input(_:fileName:)` in KGCommands, the module that joins KGText and KGExtract;
    /// the fuzz build does not link the CLI). Keep the two the same.
    static func extractionInput(_ document: SourceDocument) -> ExtractionInput {
        let text = document.text
        var publication: ExtractionInput.Publication?
        if let converted = document.publication {
            let metadata = converted.metadata
            publication = ExtractionInput.Publication(
                identifier: metadata.canonicalID?.description ?? metadata.identifier ?? "",
                title: metadata.title ?? metadata.dossierTitle ?? "", date: metadata.date, chamber: metadata.chamber?.rawValue,
                links: converted.extrefs.compactMap { ref in ref.canonicalTarget.map { ($0, ref.textRange) } })
        }
        return ExtractionInput(text: text.utf8, fileName: document.fileName, sha256: document.sha256, format: document.format.rawValue,
                               sourceBytes: text.source, sourceOffset: { text.sourceOffset(ofTextByte: $0) }, publication: publication)
    }

    static func check(_ extraction: ExtractionInput, source: [UInt8], path: String) throws(FuzzFailure) {
        let result = extractor.extract(extraction)
        // Lines counted here on their own, not with the extractor's SourceLines: this is the oracle.
        var lineStarts = [0]
        for (index, byte) in source.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
        func line(of offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low + 1
        }
        func fail(_ invariant: String, _ detail: String) -> FuzzFailure {
            FuzzFailure(target: name, invariant: invariant, detail: "(\(path)) " + detail)
        }
        func checkProvenance(_ provenance: Provenance, of fact: String) throws(FuzzFailure) {
            let place = "\(fact), rule \(provenance.rule ?? "-"), offset \(provenance.offset), line \(provenance.line)"
            guard provenance.document == extraction.sha256 else { throw fail("provenance names another document", place) }
            guard provenance.offset >= 0, provenance.offset < source.count || (provenance.offset == source.count && provenance.text.isEmpty) else {
                throw fail("provenance offset outside the input", place + " in \(source.count) bytes")
            }
            guard provenance.line == line(of: provenance.offset) else {
                throw fail("provenance line is not the line of its offset", place + ", which is on line \(line(of: provenance.offset))")
            }
            // Text taken from the source must be the source's bytes there (metadata values are not spans;
            // a span cut inside a UTF-8 sequence decodes with U+FFFD and cannot match byte for byte).
            guard provenance.rule != "identity.xml-metadata", !provenance.text.unicodeScalars.contains("\u{FFFD}") else { return }
            let text = Array(provenance.text.utf8)
            guard text.count <= source.count - provenance.offset,
                  source[provenance.offset..<(provenance.offset + text.count)].elementsEqual(text) else {
                throw fail("provenance text is not the input's bytes at its offset", place + ": \(provenance.text.debugDescription)")
            }
        }
        for node in result.batch.nodes {
            for provenance in node.provenance { try checkProvenance(provenance, of: "node \(node.id)") }
        }
        for edge in result.batch.edges {
            for provenance in edge.provenance { try checkProvenance(provenance, of: "edge \(edge.from)-[\(edge.type)]->\(edge.to)") }
        }
        for finding in result.findings where finding.offset < 0 || finding.offset > source.count || finding.line < 0 {
            throw fail("finding outside the input", "\(finding) at offset \(finding.offset) of \(source.count)")
        }
    }
}
