import Foundation
import KGCitations
import KGCommands
import KGInterchange
import KGModel
import KGStore

/// The citation scanner over the corpus texts repeated to about `--megabytes` MB: MB/s, median of
/// `--runs`, with a baseline of one plain pass that only counts newline bytes over the same buffer.
func citationsBenchmark(_ options: Options) throws {
    let megabytes = options.int("megabytes", 50), runs = options.int("runs", 5)
    let directory = options.string("corpus", "Graph/corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
    guard !names.isEmpty else { throw CommandError.cannotRead(path: directory, reason: "no .txt files (run from the repository root or pass --corpus DIR)") }
    var corpus: [UInt8] = []
    for name in names { corpus += try FileAccess.read(directory + "/" + name) + [0x0A, 0x0A] }
    let once = CitationScanner.scan(corpus)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(megabytes * 1_000_000 + corpus.count)
    var copies = 0
    while buffer.count < megabytes * 1_000_000 { buffer += corpus; copies += 1 }
    var scanTimes: [Double] = [], baselineTimes: [Double] = []
    var found = 0
    for _ in 0..<runs {
        let start = now()
        found = buffer.withUnsafeBytes { CitationScanner.scan($0).count }
        scanTimes.append(now() - start)
        let baselineStart = now()
        var newlines = 0
        buffer.withUnsafeBufferPointer { for byte in $0 where byte == 0x0A { newlines += 1 } }
        baselineTimes.append(now() - baselineStart)
        precondition(newlines > 0)
    }
    precondition(found == once.count * copies, "the scan of the repeated corpus found \(found), expected \(once.count * copies)")
    let size = Double(buffer.count) / 1_000_000
    print("""

    ## citations: the \(names.count) corpus texts x \(copies) = \(String(format: "%.1f", size)) MB (\(machine()), \(ISO8601DateFormatter().string(from: Date())))
    | measure | median of \(runs) |
    |---|---|
    | `CitationScanner.scan` | \(String(format: "%.3f s (%.0f MB/s)", median(scanTimes), size / median(scanTimes))) |
    | baseline: count newline bytes | \(String(format: "%.3f s (%.0f MB/s)", median(baselineTimes), size / median(baselineTimes))) |
    | citations found | \(found) (\(once.count) per copy) |
    """)
}
