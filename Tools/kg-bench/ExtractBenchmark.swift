import Foundation
import KGCitations
import KGCommands
import KGExtract
import KGModel
import KGStore

/// Extraction throughput: a corpus of about `--megabytes` MB made from the bundled papers with varied
/// numbers and names, extracted document by document with the corpus context growing as in a real
/// ingest, and every fact encoded as graph-file records (no disk I/O). Baselines in the same run:
/// the citation scan alone and SHA-256 over the same bytes.
func extractBenchmark(_ options: Options) throws {
    let megabytes = options.int("megabytes", 100), runs = options.int("runs", 3)
    let directory = options.string("corpus", "Graph/corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
    guard !names.isEmpty else { throw CommandError.cannotRead(path: directory, reason: "no .txt files (run from the repository root or pass --corpus DIR)") }
    let originals = try names.map { try FileAccess.read(directory + "/" + $0) }
    var documents: [[UInt8]] = []
    var total = 0
    var copy = 0
    while total < megabytes * 1_000_000 {
        for original in originals {
            let variant = SyntheticCorpus.vary(original, copy: copy)
            documents.append(variant)
            total += variant.count
        }
        copy += 1
    }
    let extractor = Extractor(reference: .builtin)
    if options.string("digest", "no") == "yes" {
        print(try extractDigest(documents, extractor: extractor))
        return
    }
    var extractTimes: [Double] = [], scanTimes: [Double] = [], hashTimes: [Double] = []
    var facts = 0, recordBytes = 0, questions = 0
    for _ in 0..<runs {
        var context = CorpusContext()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 24)
        facts = 0
        recordBytes = 0
        questions = 0
        let start = now()
        for (index, document) in documents.enumerated() {
            let input = ExtractionInput(fileName: "synthetic-\(index).txt", bytes: document)
            let result = extractor.extract(input, context: context)
            context.absorb(result.batch)
            for node in result.batch.nodes {
                var writer = ByteWriter()
                let kind = RecordCodec.encode(.node(node), into: &writer)
                try Frame.append(kind: kind.rawValue, payload: writer.bytes, to: &buffer)
                if node.labels.contains(.question) { questions += 1 }
            }
            for edge in result.batch.edges {
                var writer = ByteWriter()
                let kind = RecordCodec.encode(.edge(edge), into: &writer)
                try Frame.append(kind: kind.rawValue, payload: writer.bytes, to: &buffer)
            }
            facts += result.batch.nodes.count + result.batch.edges.count
            recordBytes += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        extractTimes.append(now() - start)
        let scanStart = now()
        var citations = 0
        for document in documents { citations += CitationScanner.scan(document).count }
        scanTimes.append(now() - scanStart)
        precondition(citations > 0)
        let hashStart = now()
        for document in documents { _ = SHA256.hex(of: document) }
        hashTimes.append(now() - hashStart)
    }
    let size = Double(total) / 1_000_000
    print("""

    ## extract: \(documents.count) documents, \(String(format: "%.1f", size)) MB of text (\(names.count) papers x \(copy) variants) (\(machine()), \(ISO8601DateFormatter().string(from: Date())))
    | measure | median of \(runs) (one core) |
    |---|---|
    | text -> graph records (extract + encode, context growing) | \(String(format: "%.2f s (%.1f MB/s)", median(extractTimes), size / median(extractTimes))) |
    | baseline: citation scan only | \(String(format: "%.2f s (%.0f MB/s)", median(scanTimes), size / median(scanTimes))) |
    | baseline: SHA-256 only | \(String(format: "%.2f s (%.0f MB/s)", median(hashTimes), size / median(hashTimes))) |
    | facts per run | \(facts) (\(questions) question facts), \(String(format: "%.0f", Double(recordBytes) / 1_000_000)) MB of records |
    | peak RSS | \(String(format: "%.0f MiB", peakRSSMiB())) |
    """)
}

/// What extracting `documents` produces, as one SHA-256 over every record and every finding, with the
/// counts: two builds that print the same line extract the same graph from the benchmark corpus
/// (`--digest yes`; untimed, for checking that a faster extractor still extracts the same).
func extractDigest(_ documents: [[UInt8]], extractor: Extractor) throws -> String {
    var context = CorpusContext()
    var digest = SHA256()
    var facts = 0, findings = 0
    var buffer: [UInt8] = []
    for (index, document) in documents.enumerated() {
        let input = ExtractionInput(fileName: "synthetic-\(index).txt", bytes: document)
        let result = extractor.extract(input, context: context)
        context.absorb(result.batch)
        buffer.removeAll(keepingCapacity: true)
        for node in result.batch.nodes {
            var writer = ByteWriter()
            let kind = RecordCodec.encode(.node(node), into: &writer)
            try Frame.append(kind: kind.rawValue, payload: writer.bytes, to: &buffer)
        }
        for edge in result.batch.edges {
            var writer = ByteWriter()
            let kind = RecordCodec.encode(.edge(edge), into: &writer)
            try Frame.append(kind: kind.rawValue, payload: writer.bytes, to: &buffer)
        }
        for finding in result.findings { buffer += Array((finding.description + "\n").utf8) }
        digest.update(buffer)
        facts += result.batch.nodes.count + result.batch.edges.count
        findings += result.findings.count
    }
    let hex = digest.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    return "extract digest: \(documents.count) documents, \(facts) facts, \(findings) findings, sha256 \(hex)"
}

/// Variants of the bundled papers: numbers of three or more digits (not years) shifted, member and
/// minister surnames rotated, so documents differ while keeping the shapes the extractor reads.
enum SyntheticCorpus {
    static let surnames = ["Kuik", "Van Ginneken", "Brekelmans", "Veldkamp", "Koekkoek", "Ceder", "Eerdmans", "Bisschop",
                           "Van Weerdenburg", "Mutluer"]
    static let replacements = ["Jansen", "De Vries", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder",
                               "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker"]

    static func vary(_ text: [UInt8], copy: Int) -> [UInt8] {
        guard copy > 0 else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 64)
        var i = 0
        while i < text.count {
            let b = text[i]
            if b >= 0x30 && b <= 0x39 && (i == 0 || !(text[i - 1] >= 0x30 && text[i - 1] <= 0x39)) {
                var j = i
                while j < text.count && text[j] >= 0x30 && text[j] <= 0x39 { j += 1 }
                let digits = Array(text[i..<j])
                if digits.count == 3 || digits.count == 5 {
                    var value = 0
                    for d in digits { value = value * 10 + Int(d - 0x30) }
                    let modulus = digits.count == 3 ? 900 : 90_000
                    let shifted = (value - (digits.count == 3 ? 100 : 10_000) + copy * 7) % modulus + (digits.count == 3 ? 100 : 10_000)
                    out += Array(String(shifted).utf8)
                } else {
                    out += digits
                }
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        for (k, surname) in surnames.enumerated() {
            out = replace(out, Array(surname.utf8), Array(replacements[(k + copy) % replacements.count].utf8))
        }
        return out
    }

    static func replace(_ text: [UInt8], _ pattern: [UInt8], _ replacement: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == pattern[0] && i + pattern.count <= text.count && text[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += replacement
                i += pattern.count
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }
}
