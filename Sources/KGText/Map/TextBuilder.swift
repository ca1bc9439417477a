/// Accumulates text bytes together with their offset map (merging adjacent runs) and marked ranges.
///
/// Internal: the publication renderer writes through it; `SourceText` is what leaves the module.
struct TextBuilder {
    /// A named range of the text (an extref's covered text), relative to this builder.
    struct Mark {
        var id: Int
        var range: Range<Int>
    }

    private(set) var bytes: [UInt8] = []
    private(set) var runs: [OffsetRun] = []
    private(set) var marks: [Mark] = []

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }

    /// Copies `source[range]` into the text, one for one.
    mutating func appendVerbatim(_ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = runs.last, last.isVerbatim, last.textEnd == bytes.count, last.sourceEnd == range.lowerBound {
            runs[runs.count - 1].textLength += range.count
            runs[runs.count - 1].sourceLength += range.count
        } else {
            runs.append(OffsetRun(textStart: bytes.count, textLength: range.count, sourceStart: range.lowerBound,
                                  sourceLength: range.count, isVerbatim: true))
        }
        bytes.append(contentsOf: source[range])
    }

    /// Appends `text` (valid UTF-8) standing for the source construct `construct`.
    mutating func appendSynthetic<C: Collection>(_ text: C, standingFor construct: Range<Int>) where C.Element == UInt8 {
        guard !text.isEmpty else { return }
        if let last = runs.last, !last.isVerbatim, last.textEnd == bytes.count,
           last.sourceStart == construct.lowerBound, last.sourceLength == construct.count {
            runs[runs.count - 1].textLength += text.count
        } else {
            runs.append(OffsetRun(textStart: bytes.count, textLength: text.count, sourceStart: construct.lowerBound,
                                  sourceLength: construct.count, isVerbatim: false))
        }
        bytes.append(contentsOf: text)
    }

    /// Appends an ASCII string standing for `construct`.
    mutating func appendSynthetic(_ text: String, standingFor construct: Range<Int>) {
        appendSynthetic(Array(text.utf8), standingFor: construct)
    }

    /// Records a mark over `range` (text offsets of this builder).
    mutating func addMark(id: Int, range: Range<Int>) {
        marks.append(Mark(id: id, range: range))
    }

    /// Appends another builder's text, runs and marks, shifting them to follow this text.
    mutating func append(_ other: TextBuilder) {
        let shift = bytes.count
        for run in other.runs {
            var moved = run
            moved.textStart += shift
            if let last = runs.last, last.textEnd == moved.textStart, last.isVerbatim == moved.isVerbatim,
               moved.isVerbatim ? last.sourceEnd == moved.sourceStart
                                : (last.sourceStart == moved.sourceStart && last.sourceLength == moved.sourceLength) {
                runs[runs.count - 1].textLength += moved.textLength
                if moved.isVerbatim { runs[runs.count - 1].sourceLength += moved.sourceLength }
            } else {
                runs.append(moved)
            }
        }
        bytes.append(contentsOf: other.bytes)
        for mark in other.marks {
            marks.append(Mark(id: mark.id, range: (mark.range.lowerBound + shift)..<(mark.range.upperBound + shift)))
        }
    }
}
