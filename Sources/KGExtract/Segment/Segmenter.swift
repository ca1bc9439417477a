/// Splits a document text into paragraphs and footnotes, and finds footnote markers.
///
/// Markdown: paragraphs are runs of non-blank lines; headings (`#`), list items and `<sup>n</sup>`
/// footnote lines stand alone; `---` separates footnotes. PDF text: paragraphs end at empty or
/// space-only lines; footnotes are lines `N text` at a page bottom whose number follows the markers
/// seen so far (digits glued to a word: `Brussel1.`), with continuation lines up to the next break;
/// page numbers and `file://` lines are furniture. Numbering restarts with every report.
struct Segmenter {
    let text: [UInt8]
    let shape: SourceShape

    struct Result {
        var paragraphs: [Paragraph] = []
        var footnotes: [Footnote] = []
        var markers: [FootnoteMarker] = []
    }

    private struct Line {
        var range: Range<Int>       // without the newline
        var content: Range<Int>     // trimmed of spaces and no-break spaces
        var isBlank: Bool { content.isEmpty }
    }

    func run() -> Result {
        let lines = splitLines()
        var result = shape == .markdown ? markdown(lines) : pdf(lines)
        mergeContinuations(&result)
        for paragraph in result.paragraphs {
            for marker in paragraph.clean.markers {
                result.markers.append(FootnoteMarker(number: marker.number, report: paragraph.report, paragraph: paragraph.index,
                                                     textOffset: marker.textOffset))
            }
        }
        return result
    }

    /// Joins a paragraph cut by a page break or a footnote block: one that ends mid-sentence, followed
    /// by one that starts with a lower-case letter, in the same report.
    private func mergeContinuations(_ result: inout Result) {
        var merged: [Paragraph] = []
        for paragraph in result.paragraphs {
            if let last = merged.last, last.kind == .text, paragraph.kind == .text, last.report == paragraph.report,
               let end = last.clean.bytes.last, !".?!:;".utf8.contains(end),
               let start = paragraph.clean.bytes.first, Bytes.isLower(start) {
                var joined = last
                joined.lines += paragraph.lines
                joined.pdfMarkers += paragraph.pdfMarkers
                joined.bold = last.bold && paragraph.bold
                joined.clean = CleanText.build(text, lines: joined.lines, pdfMarkers: joined.pdfMarkers)
                merged[merged.count - 1] = joined
                continue
            }
            var copy = paragraph
            copy.index = merged.count
            merged.append(copy)
        }
        result.paragraphs = merged
    }

    private func splitLines() -> [Line] {
        var lines: [Line] = []
        var start = 0
        for i in ByteSearch.offsets(of: 0x0A, in: text) + [text.count] {
            var end = i
            if end > start && text[end - 1] == 0x0D { end -= 1 }
            var a = start, b = end
            while a < b && isBlankByte(a) { a += text[a] == 0xC2 ? 2 : 1 }
            while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09 || (text[b - 1] == 0xA0 && b - 2 >= a && text[b - 2] == 0xC2)) {
                b -= text[b - 1] == 0xA0 ? 2 : 1
            }
            lines.append(Line(range: start..<end, content: a..<b))
            start = i + 1
            if i == text.count { break }
        }
        if let last = lines.last, last.range.isEmpty { lines.removeLast() }
        return lines
    }

    private func isBlankByte(_ i: Int) -> Bool {
        text[i] == 0x20 || text[i] == 0x09 || (text[i] == 0xC2 && i + 1 < text.count && text[i + 1] == 0xA0)
    }

    private func lineText(_ line: Line) -> ArraySlice<UInt8> { text[line.content] }

    private static let reportHeading = Array("Verslag van een schriftelijk overleg".utf8)

    private func isReportHeading(_ line: Line) -> Bool { ByteSearch.contains(Segmenter.reportHeading, in: text, line.content) }

    /// The line stripped of `#`, `*`, spaces: is it exactly "Antwoord"?
    private func isAnswerMarker(_ line: Line) -> Bool {
        let bytes = lineText(line).lazy.filter { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "*") && $0 != 0x20 }.map(Bytes.lower)
        return bytes.elementsEqual("antwoord".utf8)
    }

    private func isTableOfContents(_ line: Line) -> Bool {
        ByteSearch.contains(0x09, in: text, line.content)
    }

    private func isFurniture(_ line: Line) -> Bool {
        let bytes = lineText(line)
        if bytes.allSatisfy(Bytes.isDigit) && bytes.count <= 3 { return true }
        if Bytes.hasPrefix(text, at: line.content.lowerBound, "file://") { return true }
        return false
    }

    // MARK: - Markdown

    private func markdown(_ lines: [Line]) -> Result {
        var result = Result()
        var report = 0
        var current: [Range<Int>] = []
        var currentKind: Paragraph.Kind = .text
        var inFootnote: Footnote?

        func flushParagraph() {
            guard !current.isEmpty else { return }
            let clean = CleanText.build(text, lines: current)
            let index = result.paragraphs.count
            result.paragraphs.append(Paragraph(index: index, lines: current, kind: currentKind, bold: isBold(current),
                                               report: report, clean: clean))
            current = []
            currentKind = .text
        }
        func flushFootnote() {
            guard var footnote = inFootnote else { return }
            footnote.clean = CleanText.build(text, lines: footnote.lines)
            result.footnotes.append(footnote)
            inFootnote = nil
        }

        for line in lines {
            if line.isBlank {
                flushParagraph()
                flushFootnote()
                continue
            }
            let start = line.content.lowerBound
            if text[line.content].allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "*") }) && line.content.count >= 3 {
                flushParagraph()
                flushFootnote()
                continue
            }
            if Bytes.hasPrefix(text, at: start, "<sup>"), let number = footnoteNumberAtStart(start) {
                flushParagraph()
                flushFootnote()
                inFootnote = Footnote(number: number, report: report, lines: [line.content], clean: CleanText())
                continue
            }
            if inFootnote != nil {
                inFootnote!.lines.append(line.content)
                continue
            }
            if isReportHeading(line) { flushParagraph(); report += 1 }
            let heading = text[start] == UInt8(ascii: "#")
            let listItem = Bytes.hasPrefix(text, at: start, "- ") || Bytes.hasPrefix(text, at: start, "• ")
            let special: Paragraph.Kind? = isAnswerMarker(line) ? .answerMarker
                : isTableOfContents(line) ? .tableOfContents
                : heading ? .heading : nil
            if special != nil || listItem {
                flushParagraph()
                current = [line.content]
                currentKind = special ?? .text
                flushParagraph()
                if listItem { result.paragraphs[result.paragraphs.count - 1].listItem = true }
                continue
            }
            current.append(line.content)
        }
        flushParagraph()
        flushFootnote()
        markItalicHeadings(&result)
        return result
    }

    /// `<sup>N</sup>` at `start` followed by text: N.
    private func footnoteNumberAtStart(_ start: Int) -> Int? {
        var j = start + 5
        let digits = j
        while j < text.count && Bytes.isDigit(text[j]) { j += 1 }
        guard j > digits, Bytes.hasPrefix(text, at: j, "</sup>") else { return nil }
        return Bytes.number(text, digits..<j)
    }

    private func isBold(_ lines: [Range<Int>]) -> Bool {
        guard let first = lines.first, let last = lines.last else { return false }
        var a = first.lowerBound
        while a < first.upperBound && (text[a] == UInt8(ascii: "#") || text[a] == 0x20) { a += 1 }
        return Bytes.hasPrefix(text, at: a, "**") && last.upperBound >= 2 && text[last.upperBound - 1] == UInt8(ascii: "*")
            && text[last.upperBound - 2] == UInt8(ascii: "*")
    }

    /// An italic-only paragraph (`*Werklunch: ...*`) is a sub-topic heading.
    private func markItalicHeadings(_ result: inout Result) {
        for index in result.paragraphs.indices where result.paragraphs[index].kind == .text {
            let paragraph = result.paragraphs[index]
            guard paragraph.lines.count == 1, let line = paragraph.lines.first else { continue }
            var a = line.lowerBound, b = line.upperBound
            while a < b && (text[a] == UInt8(ascii: "#") || text[a] == 0x20) { a += 1 }
            guard b - a >= 3, text[a] == UInt8(ascii: "*"), text[b - 1] == UInt8(ascii: "*"),
                  !(Bytes.hasPrefix(text, at: a, "**") && !Bytes.hasPrefix(text, at: a, "***")) else { continue }
            result.paragraphs[index].kind = .heading
        }
    }

    // MARK: - PDF text

    private func pdf(_ lines: [Line]) -> Result {
        var result = Result()
        var report = 0
        var lastMarker = 0          // highest marker number found in this report
        var lastDefinition = 0      // highest footnote defined in this report
        var current: [Range<Int>] = []
        var currentMarkers: [(range: Range<Int>, number: Int)] = []
        var inFootnote: Footnote?
        var previousWasBreak = true

        func flushParagraph() {
            guard !current.isEmpty else { return }
            let clean = CleanText.build(text, lines: current, pdfMarkers: currentMarkers)
            let index = result.paragraphs.count
            var kind: Paragraph.Kind = .text
            if current.count <= 2, isStandaloneHeading(current[0]), current.allSatisfy({ isHeadingLine($0) }),
               current.reduce(0, { $0 + $1.count }) <= 160 { kind = .heading }
            result.paragraphs.append(Paragraph(index: index, lines: current, kind: kind, bold: false, report: report, clean: clean,
                                               listItem: Bytes.hasPrefix(text, at: current[0].lowerBound, "• "), pdfMarkers: currentMarkers))
            current = []
            currentMarkers = []
        }
        func flushFootnote() {
            guard var footnote = inFootnote else { return }
            footnote.clean = CleanText.build(text, lines: footnote.lines)
            result.footnotes.append(footnote)
            inFootnote = nil
        }

        for line in lines {
            if line.isBlank {
                flushParagraph()
                flushFootnote()
                previousWasBreak = true
                continue
            }
            let startsWithSpace = line.content.lowerBound > line.range.lowerBound
            if let number = footnoteDefinition(line), number <= lastMarker + 2, number > lastDefinition,
               previousWasBreak || inFootnote != nil {
                flushParagraph()
                flushFootnote()
                inFootnote = Footnote(number: number, report: report, lines: [line.content], clean: CleanText())
                lastDefinition = number
                previousWasBreak = false
                continue
            }
            if inFootnote != nil && !startsWithSpace {
                inFootnote!.lines.append(line.content)
                continue
            }
            flushFootnote()
            previousWasBreak = false
            if isFurniture(line) || isTableOfContents(line) {
                flushParagraph()
                continue
            }
            if isReportHeading(line) {
                flushParagraph()
                report += 1
                lastMarker = 0
                lastDefinition = 0
            }
            if Bytes.hasPrefix(text, at: line.content.lowerBound, "Vragen en opmerkingen van de leden van") {
                // A faction heading stands alone even when no blank line separates it.
                flushParagraph()
                current = [line.content]
                flushParagraph()
                continue
            }
            if isAnswerMarker(line) {
                flushParagraph()
                result.paragraphs.append(Paragraph(index: result.paragraphs.count, lines: [line.content], kind: .answerMarker,
                                                   bold: false, report: report, clean: CleanText.build(text, lines: [line.content])))
                continue
            }
            // A short heading line directly followed by a question ("Staat van Schengen ..." then
            // "De leden van de CDA-fractie ..."): the heading is a paragraph of its own.
            if (1...2).contains(current.count), isStandaloneHeading(current[0]), current.allSatisfy({ isHeadingLine($0) }),
               current.reduce(0, { $0 + $1.count }) <= 160,
               DocumentLayout.memberSubjects.contains(where: { Bytes.hasPrefix(text, at: line.content.lowerBound, $0) }) {
                flushParagraph()
            }
            // A bullet starts a list item.
            if Bytes.hasPrefix(text, at: line.content.lowerBound, "• ") { flushParagraph() }
            // A page starts with a space; when the previous line ended a sentence, so did the paragraph.
            if startsWithSpace, let last = current.last, let end = text[last].last, ".?!:".utf8.contains(end) {
                flushParagraph()
            }
            for marker in pdfMarkers(line, expectedAfter: lastMarker) {
                currentMarkers.append(marker)
                lastMarker = marker.number
            }
            current.append(line.content)
        }
        flushParagraph()
        flushFootnote()
        return result
    }

    /// `N text` at a line start where the text does not read as a date or a count ("4 maart 2024",
    /// "13 en 14 juni").
    private func footnoteDefinition(_ line: Line) -> Int? {
        var j = line.content.lowerBound
        let start = j
        while j < line.content.upperBound && Bytes.isDigit(text[j]) { j += 1 }
        guard j > start, j - start <= 3, j < line.content.upperBound, text[j] == 0x20,
              let number = Bytes.number(text, start..<j), number > 0 else { return nil }
        var k = j + 1
        let wordStart = k
        while k < line.content.upperBound && Bytes.isLetter(text[k]) { k += 1 }
        let word = text[wordStart..<k].map(Bytes.lower)
        if DutchDate.month(word) != nil || word.elementsEqual("en".utf8) || word.isEmpty && k < line.content.upperBound && text[k] == UInt8(ascii: "-") {
            return nil
        }
        return number
    }

    /// Footnote markers in a body line: the next expected number(s) glued to a word or punctuation
    /// (`Brussel1.`, `CDA-fractie.3`, `maart10`), or standing alone after a sentence end at the line end.
    private func pdfMarkers(_ line: Line, expectedAfter last: Int) -> [(range: Range<Int>, number: Int)] {
        var found: [(Range<Int>, Int)] = []
        var expected = last
        var i = line.content.lowerBound
        let end = line.content.upperBound
        while i < end {
            guard Bytes.isDigit(text[i]) else { i += 1; continue }
            let start = i
            while i < end && Bytes.isDigit(text[i]) { i += 1 }
            guard i - start <= 2, let number = Bytes.number(text, start..<i),
                  number == expected + 1 || number == expected + 2 else { continue }
            let before = start > line.content.lowerBound ? text[start - 1] : 0x20
            let after = i < end ? text[i] : 0x20
            let afterOK = after == 0x20 || after == UInt8(ascii: ".") || after == UInt8(ascii: ",") || after == UInt8(ascii: ";")
                || after == UInt8(ascii: ":") || after == UInt8(ascii: ")")
            let glued = Bytes.isLetter(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: ")")
                || before == UInt8(ascii: ",") || before == 0x9D || before == 0x99   // ” ’ end bytes
            var standalone = false
            if before == 0x20 && start >= line.content.lowerBound + 2 && text[start - 2] == UInt8(ascii: ".") && i == end {
                standalone = true   // "gecommuniceerd. 2"
            }
            guard afterOK, glued || standalone else { continue }
            // A glued number after a letter inside a known pattern (e.g. "COVID-19") was excluded by
            // the hyphen check: the byte before must not be '-' or '/'.
            found.append((start..<i, number))
            expected = number
        }
        return found
    }

    /// A line that could belong to a heading: short, no sentence punctuation at its end, no question mark.
    private func isHeadingLine(_ range: Range<Int>) -> Bool {
        let bytes = text[range]
        guard !bytes.isEmpty, bytes.count <= 110, let last = bytes.last, !".,;:?!)".utf8.contains(last) else { return false }
        return !bytes.contains(UInt8(ascii: "?"))
    }

    /// A single short line without sentence punctuation, starting with a capital: a sub-topic heading.
    private func isStandaloneHeading(_ range: Range<Int>) -> Bool {
        let bytes = text[range]
        guard bytes.count >= 3, bytes.count <= 110, let first = bytes.first, Bytes.isUpper(first) || Bytes.isDigit(first) else { return false }
        guard let last = bytes.last, !".,;:?!)".utf8.contains(last) else { return false }
        return !bytes.contains(UInt8(ascii: "?"))
    }
}
