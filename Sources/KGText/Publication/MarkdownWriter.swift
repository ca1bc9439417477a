/// The kind of a block of rendered text, which decides its prefix and separator (Graph/TEXT.md §Shape).
enum BlockKind: Equatable {
    /// A paragraph: blank lines around it.
    case paragraph
    /// `## ` heading line.
    case heading
    /// `- ` list item.
    case listItem
    /// One row of table `table` (a serial number): rows of one table are separated by single newlines.
    case tableRow(table: Int)

    var isTableRow: Bool {
        if case .tableRow = self { return true }
        return false
    }
}

/// Writes blocks of text in the Markdown shape, collapsing whitespace and recording the offset map.
///
/// Blocks materialise lazily: a block element only produces text (its separator and prefix, mapped to
/// its start tag) when the first non-whitespace content arrives, so `<witreg></witreg>` or an empty
/// cell produce nothing. Inside a block each run of whitespace (across inline tags too) becomes one
/// space, and leading and trailing whitespace is dropped. In `.inline` mode (footnote text) blocks are
/// joined by one space instead of blank lines and get no prefix.
final class MarkdownWriter {
    enum Mode { case document, inline }

    let mode: Mode
    private let source: [UInt8]
    private(set) var out = TextBuilder()

    private var pendingKind: BlockKind?
    private var pendingConstruct: Range<Int>?
    /// The kind of the block being written, nil between blocks.
    private(set) var openKind: BlockKind?
    private var lastClosed: BlockKind?
    private var pendingSpace: Range<Int>?
    private var softSpace: Range<Int>?
    private var cellSeparator: Range<Int>?
    private var openMarks: [(id: Int, start: Int?)] = []
    private var lastContentEnd = 0

    init(mode: Mode, source: [UInt8]) {
        self.mode = mode
        self.source = source
    }

    /// Whether a block has begun (has content) and is not yet closed.
    var hasOpenBlock: Bool { openKind != nil }

    /// Closes the current block and makes `kind` the next one; it appears when content arrives.
    func startBlock(_ kind: BlockKind, construct: Range<Int>) {
        endBlock()
        pendingKind = kind
        pendingConstruct = construct
    }

    /// Closes the current block (dropping trailing whitespace) and any pending one; returns the kind of
    /// the block that was open, if one had content.
    @discardableResult
    func endBlock() -> BlockKind? {
        let closed = openKind
        if let closed { lastClosed = closed }
        openKind = nil
        pendingKind = nil
        pendingConstruct = nil
        pendingSpace = nil
        softSpace = nil
        cellSeparator = nil
        return closed
    }

    /// Source whitespace: becomes one space before the next content of the same block.
    func whitespace(_ range: Range<Int>) {
        guard openKind != nil, !range.isEmpty else { return }
        pendingSpace = pendingSpace.map { $0.lowerBound..<range.upperBound } ?? range
    }

    /// Asks for a space before the next content of this block unless whitespace comes anyway (after a
    /// heading number: `<nr>4</nr><titel>X</titel>` reads `4 X`).
    func requestSoftSpace(_ construct: Range<Int>) {
        guard openKind != nil, softSpace == nil else { return }
        softSpace = construct
    }

    /// A table cell starts: its first content is preceded by ` | ` if the row already has content.
    func startCell(_ construct: Range<Int>) {
        guard openKind != nil else { return }
        cellSeparator = construct
    }

    /// Copies source bytes into the text.
    func verbatim(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        prepareForContent(range)
        out.appendVerbatim(source, range)
        lastContentEnd = out.count
    }

    /// Writes `text` standing for the source construct (a decoded entity).
    func synthetic(_ text: [UInt8], standingFor construct: Range<Int>) {
        guard !text.isEmpty else { return }
        prepareForContent(construct)
        out.appendSynthetic(text, standingFor: construct)
        lastContentEnd = out.count
    }

    /// Writes a footnote marker `<sup>label</sup>`, each piece mapped to its own construct.
    func marker(open: Range<Int>, label: FootnoteLabel, close: Range<Int>) {
        prepareForContent(open)
        out.appendSynthetic("<sup>", standingFor: open)
        label.write(into: &out, source: source)
        out.appendSynthetic("</sup>", standingFor: close)
        lastContentEnd = out.count
    }

    /// Starts a marked range (an extref): it begins at the next content byte.
    func openMark(_ id: Int) {
        openMarks.append((id, nil))
    }

    /// Ends a marked range at the last content byte written since it opened.
    func closeMark(_ id: Int) {
        guard let index = openMarks.lastIndex(where: { $0.id == id }) else { return }
        let entry = openMarks.remove(at: index)
        if let start = entry.start {
            out.addMark(id: id, range: start..<max(start, lastContentEnd))
        } else {
            out.addMark(id: id, range: out.count..<out.count)
        }
    }

    /// Writes a whole section outside the block structure (the footnote lines); no block may be open.
    func writeSection(_ body: (inout TextBuilder) -> Void) {
        endBlock()
        body(&out)
        lastClosed = .paragraph
        lastContentEnd = out.count
    }

    /// Records a mark directly (positions of this writer's text).
    func addMark(id: Int, range: Range<Int>) {
        out.addMark(id: id, range: range)
    }

    // MARK: - Private

    private func prepareForContent(_ construct: Range<Int>) {
        if openKind == nil {
            let kind = pendingKind ?? .paragraph
            let tag = pendingConstruct ?? construct
            switch mode {
            case .document:
                if !out.isEmpty {
                    var sameTable = false
                    if case .tableRow(let table) = kind, case .tableRow(let previous)? = lastClosed { sameTable = table == previous }
                    out.appendSynthetic(sameTable ? "\n" : "\n\n", standingFor: tag)
                }
                switch kind {
                case .heading: out.appendSynthetic("## ", standingFor: tag)
                case .listItem: out.appendSynthetic("- ", standingFor: tag)
                case .paragraph, .tableRow: break
                }
            case .inline:
                if !out.isEmpty { out.appendSynthetic(" ", standingFor: tag) }
            }
            openKind = kind
            pendingKind = nil
            pendingConstruct = nil
        } else if let cell = cellSeparator {
            out.appendSynthetic(" | ", standingFor: cell)
        } else if let space = pendingSpace {
            if space.count == 1, source[space.lowerBound] == 0x20 {
                out.appendVerbatim(source, space)
            } else {
                out.appendSynthetic(" ", standingFor: space)
            }
        } else if let soft = softSpace {
            out.appendSynthetic(" ", standingFor: soft)
        }
        pendingSpace = nil
        softSpace = nil
        cellSeparator = nil
        for index in openMarks.indices where openMarks[index].start == nil {
            openMarks[index].start = out.count
        }
    }
}

/// A footnote label and how it maps: copied from the source (`<noot.nr>1</noot.nr>`, `nr="1"`) or
/// made up (numbered in order when the source gives none).
enum FootnoteLabel {
    case verbatim(Range<Int>)
    case synthetic(String, standingFor: Range<Int>)

    func text(_ source: [UInt8]) -> String {
        switch self {
        case .verbatim(let range): return String(decoding: source[range], as: UTF8.self)
        case .synthetic(let text, _): return text
        }
    }

    func write(into out: inout TextBuilder, source: [UInt8]) {
        switch self {
        case .verbatim(let range): out.appendVerbatim(source, range)
        case .synthetic(let text, let construct): out.appendSynthetic(text, standingFor: construct)
        }
    }
}
