import KGModel

/// Reads officielebekendmakingen publication XML (both dialects: `<kamerwrk>` and
/// `<officiele-publicatie>`) into metadata and the Markdown-shaped text the extractor reads.
/// Spec: Graph/TEXT.md.
public enum PublicationXML {
    /// Converts `bytes` (a whole XML file). Throws `TextSourceError.malformedXML` for anything that is
    /// not well-formed XML (truncated, binary, mismatched tags), never traps. One pass, O(n log n) at
    /// worst (the offset map is built as runs as the text is written).
    public static func read(_ bytes: [UInt8]) throws -> ConvertedPublication {
        var renderer = PublicationRenderer(bytes)
        return try renderer.run()
    }
}

/// The single streaming pass: tokens -> element roles -> `MarkdownWriter`s (one for the document, one
/// per footnote being read) + `MetadataCollector`.
struct PublicationRenderer {
    private struct Frame {
        let name: String
        let tagRange: Range<Int>
        let role: ElementRole
        /// Inside a skipped subtree (this element included).
        let skipped: Bool
        /// Inside a footnote label (`noot.nr`).
        let inLabel: Bool
        var markID: Int?
        var tableSerial: Int?
    }

    private struct OpenFootnote {
        let slot: Int
        let tag: XMLStartTag
        var labelTexts: [Range<Int>] = []
        var labelOpen: Range<Int>?
        var labelClose: Range<Int>?
    }

    private struct QueuedFootnote {
        let slot: Int
        let label: FootnoteLabel
        let supOpen: Range<Int>
        let supClose: Range<Int>
        let tagRange: Range<Int>
        let fragment: TextBuilder
    }

    private struct FootnoteSlot {
        var label = ""
        var sourceRange: Range<Int>
        var id: String?
        var isAtMarker = true
        var markerMark: Int?
        var lineRange: Range<Int>?
        var textRange: Range<Int>?
    }

    private struct ExtrefSlot {
        let target: String
        let kind: String
        let status: String?
        let start: Int
        var end: Int
        let footnoteSlot: Int?
    }

    private let bytes: [UInt8]
    private var tokenizer: XMLTokenizer
    private var metadata = MetadataCollector()
    private var warnings: [PublicationWarning] = []
    private var suppressedWarnings = 0
    private var frames: [Frame] = []
    private var writers: [MarkdownWriter]
    private var openFootnotes: [OpenFootnote] = []
    private var queued: [QueuedFootnote] = []
    private var footnoteSlots: [FootnoteSlot] = []
    private var extrefSlots: [Int: ExtrefSlot] = [:]
    private var voetrefMarks: [String: Int] = [:]
    private var nextMark = 0
    private var tableCount = 0
    private var voetrefCount = 0
    private var rootName: String?
    private var rootEnd: Range<Int>?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.tokenizer = XMLTokenizer(bytes)
        self.writers = [MarkdownWriter(mode: .document, source: bytes)]
    }

    mutating func run() throws -> ConvertedPublication {
        while let token = try tokenizer.next() {
            switch token {
            case .startTag(let tag):
                start(tag)
                if tag.isSelfClosing { end(tag.name, range: tag.range) }
            case .endTag(let name, let range):
                end(name, range: range)
            case .text(let range):
                text(range, decodeEntities: true)
            case .cdata(let content, _):
                text(content, decodeEntities: false)
            case .processingInstruction, .comment, .doctype:
                break  // dropped without a trace: `methaan<?xpp afbm?>doel` reads `methaandoel`
            }
        }
        closeBlock()
        flushFootnotes()
        let document = writers[0]
        if !document.out.isEmpty {
            document.writeSection { $0.appendSynthetic("\n", standingFor: rootEnd ?? (bytes.count..<bytes.count)) }
        }
        for (offset, message) in tokenizer.warnings { warn(offset, message) }
        if suppressedWarnings > 0 { warnings.append(PublicationWarning(offset: nil, "\(suppressedWarnings) more warnings not shown")) }

        var marks: [Int: Range<Int>] = [:]
        for mark in document.out.marks { marks[mark.id] = mark.range }
        let extrefs = extrefSlots.sorted { $0.value.start < $1.value.start }.map { id, slot in
            ExternalReference(target: slot.target, kind: slot.kind, status: slot.status,
                              textRange: marks[id] ?? 0..<0, sourceRange: slot.start..<slot.end,
                              footnote: slot.footnoteSlot.map { footnoteSlots[$0].label })
        }
        let footnotes = footnoteSlots.map { slot -> Footnote in
            var marker = slot.markerMark
            if marker == nil, !slot.isAtMarker, let id = slot.id { marker = voetrefMarks[id] }
            return Footnote(label: slot.label, markerRange: marker.flatMap { marks[$0] },
                            lineRange: slot.lineRange ?? 0..<0, textRange: slot.textRange ?? 0..<0,
                            sourceRange: slot.sourceRange)
        }
        let resolved = metadata.resolve(warnings: &warnings)
        let text = SourceText(textBytes: document.out.bytes, source: bytes, runs: document.out.runs)
        return ConvertedPublication(metadata: resolved, sourceText: text, extrefs: extrefs, footnotes: footnotes,
                                    warnings: warnings)
    }

    // MARK: - Elements

    private var writer: MarkdownWriter { writers[writers.count - 1] }

    private mutating func start(_ tag: XMLStartTag) {
        let parent = frames.last
        if frames.isEmpty { rootName = tag.name }
        metadata.start(tag, parent: parent?.name, grandparent: frames.count >= 2 ? frames[frames.count - 2].name : nil,
                       depth: frames.count + 1)
        var role = ElementRole.of(tag.name, parent: parent?.name, parentRole: parent?.role, root: rootName,
                                  headingStyle: tag.attribute("kopopmaak"))
        if role == .footnoteLabel, openFootnotes.isEmpty { role = .inline }
        let skipped = (parent?.skipped ?? false) || role == .skip
        let parentInLabel = parent?.inLabel ?? false
        var frame = Frame(name: tag.name, tagRange: tag.range, role: role, skipped: skipped,
                          inLabel: parentInLabel || role == .footnoteLabel, markID: nil, tableSerial: parent?.tableSerial)
        if skipped || parentInLabel {
            frames.append(frame)
            return
        }
        switch role {
        case .skip, .inline, .inlineThenSpace:
            break
        case .container:
            closeBlock()
            reopenEnclosingBlock()
        case .paragraph, .joinedLabel:
            startBlock(.paragraph, tag.range)
        case .heading:
            startBlock(.heading, tag.range)
        case .listItem:
            startBlock(.listItem, tag.range)
        case .table:
            closeBlock()
            tableCount += 1
            frame.tableSerial = tableCount
        case .row:
            let table: Int
            if let serial = frame.tableSerial {
                table = serial
            } else {
                tableCount += 1
                table = tableCount
                frame.tableSerial = table
            }
            startBlock(.tableRow(table: table), tag.range)
        case .cell:
            writer.startCell(tag.range)
        case .footnote:
            let slot = footnoteSlots.count
            footnoteSlots.append(FootnoteSlot(sourceRange: tag.range, id: tag.attribute("id"), isAtMarker: tag.name != "voetnoot"))
            openFootnotes.append(OpenFootnote(slot: slot, tag: tag))
            writers.append(MarkdownWriter(mode: .inline, source: bytes))
        case .footnoteLabel:
            openFootnotes[openFootnotes.count - 1].labelOpen = tag.range
        case .footnoteReference:
            voetrefCount += 1
            let label = attributeLabel(tag, fallback: "\(voetrefCount)")
            let mark = newMark()
            writer.openMark(mark)
            writer.marker(open: tag.range, label: label, close: tag.range)
            writer.closeMark(mark)
            if let refid = tag.attribute("refid") { voetrefMarks[refid] = mark }
        case .extref:
            let mark = newMark()
            frame.markID = mark
            extrefSlots[mark] = ExtrefSlot(target: tag.attribute("doc") ?? "", kind: tag.attribute("soort") ?? "",
                                           status: tag.attribute("status"), start: tag.range.lowerBound,
                                           end: tag.range.upperBound, footnoteSlot: openFootnotes.last?.slot)
            writer.openMark(mark)
        }
        frames.append(frame)
    }

    private mutating func end(_ name: String, range: Range<Int>) {
        guard let frame = frames.popLast() else { return }
        metadata.end(name, depth: frames.count + 1)
        if frames.isEmpty { rootEnd = range }
        if frame.skipped || (frame.inLabel && frame.role != .footnoteLabel) { return }
        switch frame.role {
        case .skip, .inline, .cell, .footnoteReference, .joinedLabel:
            break  // a joined label (`Nr. `) stays open for the `nummer` that follows
        case .inlineThenSpace:
            writer.requestSoftSpace(range)
        case .container, .paragraph, .heading, .listItem, .row:
            closeBlock()
            reopenEnclosingBlock()
        case .table:
            closeBlock()
            flushFootnotes()
            reopenEnclosingBlock()
        case .footnote:
            finishFootnote(frame, end: range)
        case .footnoteLabel:
            openFootnotes[openFootnotes.count - 1].labelClose = range
        case .extref:
            if let mark = frame.markID {
                writer.closeMark(mark)
                extrefSlots[mark]?.end = range.upperBound
            }
        }
    }

    // MARK: - Blocks

    private mutating func startBlock(_ kind: BlockKind, _ construct: Range<Int>) {
        closeBlock()
        writer.startBlock(kind, construct: construct)
    }

    /// Closes the current block; below a paragraph of the document, queued footnotes follow it.
    private mutating func closeBlock() {
        let closed = writer.endBlock()
        if writers.count == 1, let closed, !closed.isTableRow { flushFootnotes() }
    }

    /// After an inner block or a container inside a block element ends, the rest of the outer element's
    /// text is a new block of the outer kind (`<al>intro <lijst>...</lijst> rest</al>`).
    private mutating func reopenEnclosingBlock() {
        for frame in frames.reversed() {
            if frame.role == .footnote || frame.role == .table || frame.skipped { return }
            switch frame.role {
            case .paragraph, .joinedLabel: writer.startBlock(.paragraph, construct: frame.tagRange)
            case .heading: writer.startBlock(.heading, construct: frame.tagRange)
            case .listItem: writer.startBlock(.listItem, construct: frame.tagRange)
            case .row: writer.startBlock(.tableRow(table: frame.tableSerial ?? 0), construct: frame.tagRange)
            default: continue
            }
            return
        }
    }

    // MARK: - Text

    private mutating func text(_ range: Range<Int>, decodeEntities: Bool) {
        guard !range.isEmpty else { return }
        if metadata.isCapturing {
            metadata.text(decodeEntities ? XMLEntities.decodedBytes(bytes, range) : Array(bytes[range]))
        }
        guard let frame = frames.last, !frame.skipped else { return }
        if frame.inLabel {
            if !openFootnotes.isEmpty { openFootnotes[openFootnotes.count - 1].labelTexts.append(range) }
            return
        }
        let writer = self.writer
        var index = range.lowerBound
        var literalStart = index
        while index < range.upperBound {
            let byte = bytes[index]
            if UTF8Validation.isSpace(byte) {
                writer.verbatim(literalStart..<index)
                var end = index + 1
                while end < range.upperBound, UTF8Validation.isSpace(bytes[end]) { end += 1 }
                writer.whitespace(index..<end)
                index = end
                literalStart = end
            } else if byte == 0x26, decodeEntities {
                if let (decoded, end) = XMLEntities.decode(bytes, at: index, end: range.upperBound) {
                    writer.verbatim(literalStart..<index)
                    if decoded.count == 1, UTF8Validation.isSpace(decoded[0]) {
                        writer.whitespace(index..<end)
                    } else {
                        writer.synthetic(decoded, standingFor: index..<end)
                    }
                    index = end
                    literalStart = end
                } else {
                    warn(index, "unknown or malformed entity reference kept as written")
                    index += 1
                }
            } else {
                index += 1
            }
        }
        writer.verbatim(literalStart..<index)
    }

    // MARK: - Footnotes

    private mutating func finishFootnote(_ frame: Frame, end: Range<Int>) {
        let footnoteWriter = writers.removeLast()
        footnoteWriter.endBlock()
        let open = openFootnotes.removeLast()
        let label: FootnoteLabel
        let supOpen: Range<Int>, supClose: Range<Int>
        if let labelOpen = open.labelOpen {
            supOpen = labelOpen
            supClose = open.labelClose ?? labelOpen
            label = textLabel(open.labelTexts, element: labelOpen.lowerBound..<supClose.upperBound, fallback: "\(open.slot + 1)")
        } else {
            supOpen = open.tag.range
            supClose = open.tag.range
            label = attributeLabel(open.tag, fallback: "\(open.slot + 1)")
        }
        footnoteSlots[open.slot].label = label.text(bytes)
        footnoteSlots[open.slot].sourceRange = frame.tagRange.lowerBound..<end.upperBound
        if footnoteSlots[open.slot].isAtMarker {
            // `<noot>` stands where it is referred to: the marker goes here, the text below the paragraph.
            let mark = newMark()
            writer.openMark(mark)
            writer.marker(open: supOpen, label: label, close: supClose)
            writer.closeMark(mark)
            footnoteSlots[open.slot].markerMark = mark
        }
        queued.append(QueuedFootnote(slot: open.slot, label: label, supOpen: supOpen, supClose: supClose,
                                     tagRange: open.tag.range, fragment: footnoteWriter.out))
        if writers.count == 1, !writers[0].hasOpenBlock { flushFootnotes() }
    }

    /// Writes the queued footnotes as `---` and one `<sup>n</sup> text` line each (blank lines between).
    private mutating func flushFootnotes() {
        guard !queued.isEmpty else { return }
        let notes = queued
        queued = []
        let source = bytes
        var placed: [(slot: Int, line: Range<Int>, text: Range<Int>)] = []
        writers[0].writeSection { out in
            out.appendSynthetic(out.isEmpty ? "---" : "\n\n---", standingFor: notes[0].tagRange)
            for note in notes {
                out.appendSynthetic("\n\n", standingFor: note.tagRange)
                let lineStart = out.count
                out.appendSynthetic("<sup>", standingFor: note.supOpen)
                note.label.write(into: &out, source: source)
                out.appendSynthetic("</sup>", standingFor: note.supClose)
                var textStart = out.count
                if !note.fragment.isEmpty {
                    out.appendSynthetic(" ", standingFor: note.supClose)
                    textStart = out.count
                    out.append(note.fragment)
                }
                placed.append((note.slot, lineStart..<out.count, textStart..<out.count))
            }
        }
        for entry in placed {
            footnoteSlots[entry.slot].lineRange = entry.line
            footnoteSlots[entry.slot].textRange = entry.text
        }
    }

    /// The label from the text of `noot.nr`: copied when it is one plain text token, else decoded.
    private func textLabel(_ texts: [Range<Int>], element: Range<Int>, fallback: String) -> FootnoteLabel {
        if texts.count == 1, let range = texts.first, !bytes[range].contains(0x26) {
            let trimmed = trim(range)
            if !trimmed.isEmpty { return .verbatim(trimmed) }
        }
        let decoded = texts.map { String(decoding: XMLEntities.decodedBytes(bytes, $0), as: UTF8.self) }.joined().collapsingSpaces
        return .synthetic(decoded.isEmpty ? fallback : decoded, standingFor: element)
    }

    /// The label from a `nr` attribute (`voetref`, `voetnoot`): copied from the attribute value.
    private func attributeLabel(_ tag: XMLStartTag, fallback: String) -> FootnoteLabel {
        guard let nr = tag.attributeEntry("nr") else { return .synthetic(fallback, standingFor: tag.range) }
        if !bytes[nr.valueRange].contains(0x26) {
            let trimmed = trim(nr.valueRange)
            if !trimmed.isEmpty { return .verbatim(trimmed) }
        }
        let value = nr.value.collapsingSpaces
        return .synthetic(value.isEmpty ? fallback : value, standingFor: nr.valueRange)
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, UTF8Validation.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, UTF8Validation.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: - Helpers

    private mutating func newMark() -> Int {
        nextMark += 1
        return nextMark
    }

    private mutating func warn(_ offset: Int?, _ message: String) {
        if warnings.count >= 100 { suppressedWarnings += 1; return }
        warnings.append(PublicationWarning(offset: offset, message))
    }
}
