import KGModel

/// The text the extractor reads, with an exact map from every text byte back to a byte offset in the
/// original file, for provenance. Spec: Graph/TEXT.md.
///
/// - For `.txt`/`.md` sources the text *is* the file and the map is the identity (one run).
/// - For publication XML the text is a Markdown rendering; bytes copied from the file map to the exact
///   source byte, inserted bytes (`\n\n`, `## `, `<sup>`, a decoded `&amp;`, a collapsed whitespace run)
///   map to the start of the source construct they stand for.
/// - For PDF the "source" is pdftotext's output (the map is the identity over that), since PDF bytes
///   have no text offsets; the document's sha256 is still that of the PDF bytes.
///
/// The map is stored as sorted runs (`OffsetRun`), not one offset per byte; lookups are O(log runs).
/// All offsets are 0-based UTF-8 byte offsets; lines are 1-based.
public struct SourceText: Sendable {
    /// The text the extractor reads.
    public let text: String
    /// `text` as UTF-8 bytes (the unit of every text offset).
    public let utf8: [UInt8]
    /// The bytes that source offsets refer to: the original file (or pdftotext's output for a PDF).
    public let source: [UInt8]
    /// The offset map, sorted by `textStart`, covering every text byte exactly once.
    public let runs: [OffsetRun]
    /// Offsets where each source line starts (line 1 at offset 0).
    private let lineStarts: [Int]

    /// Text that is its own source: the identity map (plain text, Markdown, extracted PDF text).
    ///
    /// `bytes` should be valid UTF-8 (callers validate first); invalid sequences would be replaced in
    /// `text` and the identity would not hold, so `SourceReader` refuses such input before this.
    public init(identity bytes: [UInt8]) {
        self.utf8 = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
        self.source = bytes
        self.runs = bytes.isEmpty ? [] : [OffsetRun(textStart: 0, textLength: bytes.count, sourceStart: 0,
                                                      sourceLength: bytes.count, isVerbatim: true)]
        self.lineStarts = SourceText.lineStarts(of: bytes)
    }

    /// Text built with an explicit map (the XML renderer). `textBytes` must be valid UTF-8 and `runs`
    /// must cover it; `checkInvariants()` verifies both.
    init(textBytes: [UInt8], source: [UInt8], runs: [OffsetRun]) {
        self.utf8 = textBytes
        self.text = String(decoding: textBytes, as: UTF8.self)
        self.source = source
        self.runs = runs
        self.lineStarts = SourceText.lineStarts(of: source)
    }

    /// Number of text bytes.
    public var count: Int { utf8.count }

    /// The source byte offset that text byte `textOffset` maps to. O(log runs).
    ///
    /// Offsets outside the text are clamped: a negative offset maps like 0, `count` and beyond map to the
    /// end of the last run's source construct (so an end position of a range is meaningful).
    public func sourceOffset(ofTextByte textOffset: Int) -> Int {
        guard let last = runs.last else { return 0 }
        if textOffset >= count { return last.sourceEnd }
        let run = runs[runIndex(containing: max(0, textOffset))]
        return run.isVerbatim ? run.sourceStart + (max(0, textOffset) - run.textStart) : run.sourceStart
    }

    /// Whether text byte `textOffset` is a copy of the source byte it maps to.
    public func isVerbatim(textByte textOffset: Int) -> Bool {
        guard textOffset >= 0, textOffset < count else { return false }
        return runs[runIndex(containing: textOffset)].isVerbatim
    }

    /// The 1-based line of the original file that holds source byte `sourceOffset` (clamped). O(log lines).
    public func lineNumber(ofSourceOffset sourceOffset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= sourceOffset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The source bytes that text bytes `textRange` came from: the smallest source range holding every
    /// byte (and every construct) they map to, its first line, and its exact source text.
    ///
    /// O(log runs + runs in the range). A range inside one verbatim run gives exactly the copied bytes;
    /// for XML a range over `<sup>1</sup>` gives the `<noot.nr>1</noot.nr>` element, and a range
    /// spanning inline markup gives the markup too. An empty range gives a zero-length span at the
    /// position's source offset. Out-of-range bounds are clamped.
    public func sourceSpan(_ textRange: Range<Int>) -> SourceSpan {
        let lower = min(max(0, textRange.lowerBound), count)
        let upper = min(max(lower, textRange.upperBound), count)
        guard lower < upper, !runs.isEmpty else {
            let offset = min(sourceOffset(ofTextByte: lower), source.count)
            return SourceSpan(offset: offset, length: 0, line: lineNumber(ofSourceOffset: offset), exactSourceText: "")
        }
        var start = Int.max, end = Int.min
        var index = runIndex(containing: lower)
        while index < runs.count, runs[index].textStart < upper {
            let run = runs[index]
            if run.isVerbatim {
                let from = max(lower, run.textStart), to = min(upper, run.textEnd)
                start = min(start, run.sourceStart + (from - run.textStart))
                end = max(end, run.sourceStart + (to - run.textStart))
            } else {
                start = min(start, run.sourceStart)
                end = max(end, run.sourceEnd)
            }
            index += 1
        }
        start = min(max(0, start), source.count)
        end = min(max(start, end), source.count)
        return SourceSpan(offset: start, length: end - start, line: lineNumber(ofSourceOffset: start),
                          exactSourceText: String(decoding: source[start..<end], as: UTF8.self))
    }

    /// The provenance of text bytes `textRange` in the document with sha256 `document`: line and offset
    /// of the source span, and as `text` the text the extractor read (not the markup around it).
    public func provenance(document: String, textRange: Range<Int>, rule: String? = nil,
                           confidence: Double? = nil) -> Provenance {
        let span = sourceSpan(textRange)
        let lower = min(max(0, textRange.lowerBound), count)
        let upper = min(max(lower, textRange.upperBound), count)
        return Provenance(document: document, line: span.line, offset: span.offset,
                          text: String(decoding: utf8[lower..<upper], as: UTF8.self), rule: rule, confidence: confidence)
    }

    /// The text of `textRange` (clamped), decoded.
    public func slice(_ textRange: Range<Int>) -> String {
        let lower = min(max(0, textRange.lowerBound), count)
        let upper = min(max(lower, textRange.upperBound), count)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// Problems with the map, or an empty list: runs sorted and contiguous over the whole text, lengths
    /// positive, verbatim runs of equal lengths whose text bytes equal their source bytes, source
    /// ranges inside the source, and `text` equal to `utf8`. Tests call this after every conversion.
    public func checkInvariants() -> [String] {
        var problems: [String] = []
        if Array(text.utf8) != utf8 { problems.append("text is not the UTF-8 decoding of utf8 (invalid UTF-8 emitted)") }
        var expected = 0
        for (index, run) in runs.enumerated() {
            if run.textStart != expected { problems.append("run \(index) starts at \(run.textStart), expected \(expected)") }
            if run.textLength <= 0 { problems.append("run \(index) is empty") }
            if run.sourceStart < 0 || run.sourceLength < 0 || run.sourceEnd > source.count {
                problems.append("run \(index) (\(run)) points outside the source (\(source.count) bytes)")
            } else if run.isVerbatim {
                if run.textLength != run.sourceLength {
                    problems.append("verbatim run \(index) has text length \(run.textLength) but source length \(run.sourceLength)")
                } else if run.textEnd <= utf8.count,
                          !utf8[run.textStart..<run.textEnd].elementsEqual(source[run.sourceStart..<run.sourceEnd]) {
                    problems.append("verbatim run \(index) (\(run)) differs from its source bytes")
                }
            }
            expected = run.textEnd
            if problems.count > 20 { break }
        }
        if expected != utf8.count { problems.append("runs cover \(expected) bytes of \(utf8.count)") }
        return problems
    }

    // MARK: - Private

    /// Index of the run holding text byte `offset` (0 ..< count): the last run starting at or before it.
    private func runIndex(containing offset: Int) -> Int {
        var low = 0, high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].textStart <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        return starts
    }
}

/// Where a stretch of text came from in its source file.
public struct SourceSpan: Hashable, Sendable {
    /// 0-based byte offset of the first source byte.
    public let offset: Int
    /// Number of source bytes.
    public let length: Int
    /// 1-based line of the first source byte.
    public let line: Int
    /// The exact source bytes, decoded (for XML this includes any markup inside the span).
    public let exactSourceText: String
}
