/// A paragraph's text with layout removed — Markdown emphasis and headings, HTML tags, link syntax,
/// footnote markers, line breaks, hyphenated line ends, non-breaking spaces — and a map from every
/// byte back to the document text, so a match in clean text has an exact source span.
///
/// The map is kept as runs: most clean bytes come from consecutive text bytes, so a run (its first
/// clean byte and the text offset that byte came from) stands for all of them, and `origin(_:)` finds
/// a byte's offset by binary search over a paragraph's few runs.
struct CleanText {
    /// The cleaned UTF-8 bytes: words separated by single spaces.
    private(set) var bytes: [UInt8] = []
    /// Clean bytes from `runs[k].clean` up to the next run's start came from consecutive text bytes
    /// starting at `runs[k].text`. Every run holds at least one byte; the first starts at 0.
    private var runs: [(clean: Int, text: Int)] = []
    /// Footnote markers removed from the text: the number and the clean offset where it stood.
    private(set) var markers: [(number: Int, at: Int, textOffset: Int)] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    /// The offset of the document-text byte clean byte `i` came from (0 ≤ i < bytes.count).
    func origin(_ i: Int) -> Int {
        var low = 0, high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].clean <= i { low = mid } else { high = mid - 1 }
        }
        return runs[low].text + (i - runs[low].clean)
    }

    /// For each clean byte, the offset of the document-text byte it came from.
    var origins: [Int] { bytes.indices.map(origin) }

    /// The first clean byte that came from text offset `offset` or later, if any.
    func firstIndex(fromTextOffset offset: Int) -> Int? {
        for (k, run) in runs.enumerated() {
            let end = k + 1 < runs.count ? runs[k + 1].clean : bytes.count
            if run.text + (end - run.clean) - 1 >= offset { return run.clean + max(0, offset - run.text) }
        }
        return nil
    }

    /// The document-text range a clean range came from.
    func textRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.upperBound <= bytes.count else {
            let at = range.lowerBound < bytes.count ? origin(range.lowerBound) : (bytes.isEmpty ? 0 : origin(bytes.count - 1) + 1)
            return at..<at
        }
        return origin(range.lowerBound)..<(origin(range.upperBound - 1) + 1)
    }

    mutating func append(_ byte: UInt8, from offset: Int) {
        if byte == 0x20 {
            if bytes.isEmpty || bytes.last == 0x20 { return }
        }
        bytes.append(byte)
        mapLast(1, from: offset)
    }

    /// Appends `text[range]` as it is.
    mutating func append(_ text: [UInt8], _ range: Range<Int>) {
        bytes.append(contentsOf: text[range])
        mapLast(range.count, from: range.lowerBound)
    }

    /// Records that the last `count` clean bytes came from the text bytes from `offset` on.
    private mutating func mapLast(_ count: Int, from offset: Int) {
        let start = bytes.count - count
        if let last = runs.last, last.text + (start - last.clean) == offset { return }
        runs.append((start, offset))
    }

    mutating func trimTrailingSpace() {
        while bytes.last == 0x20 {
            bytes.removeLast()
            if let last = runs.last, last.clean >= bytes.count { runs.removeLast() }
        }
        // A marker that stood after the space just removed ("voetnoot <sup>7</sup>" at a paragraph end)
        // now stands at the end.
        for index in markers.indices where markers[index].at > bytes.count { markers[index].at = bytes.count }
    }

    /// Drops the first clean byte (the map of the others is unchanged).
    private mutating func removeFirst() {
        bytes.removeFirst()
        for index in markers.indices where markers[index].at > 0 { markers[index].at -= 1 }
        guard !bytes.isEmpty else { runs = []; return }
        runs[0].text += 1
        for k in runs.indices.dropFirst() { runs[k].clean -= 1 }
        if runs.count > 1 && runs[1].clean == 0 { runs.removeFirst() }
    }

    /// Cleans the lines `ranges` of `text`. `pdfMarkers` are PDF footnote markers to remove
    /// (document-text offset ranges of the digits, and their numbers).
    static func build(_ text: [UInt8], lines ranges: [Range<Int>], pdfMarkers: [(range: Range<Int>, number: Int)] = []) -> CleanText {
        var clean = CleanText()
        // Every clean byte comes from a distinct text byte, or is the space joining two lines.
        clean.bytes.reserveCapacity(ranges.reduce(ranges.count) { $0 + $1.count })
        var markerIndex = 0
        for (lineIndex, lineRange) in ranges.enumerated() {
            var i = lineRange.lowerBound
            var end = lineRange.upperBound
            // Line prefixes: Markdown headings, block quotes, list bullets stay as text ("- " is kept out).
            while i < end && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
            while i < end && text[i] == UInt8(ascii: "#") { i += 1 }
            if i < end && text[i] == UInt8(ascii: ">") { i += 1 }
            if i + 1 < end && text[i] == UInt8(ascii: "-") && text[i + 1] == 0x20 { i += 2 }
            if Bytes.hasPrefix(text, at: i, "• ") { i += 4 }
            while end > i && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
            while i < end {
                // The next marker stops a run of plain text (one already passed is never matched).
                let stop = markerIndex < pdfMarkers.count && pdfMarkers[markerIndex].range.lowerBound >= i
                    ? min(end, pdfMarkers[markerIndex].range.lowerBound) : end
                let run = plainRun(text, from: i, to: stop, after: clean.bytes.last ?? 0x20)
                if run > i {
                    clean.append(text, i..<run)
                    i = run
                    continue
                }
                let b = text[i]
                if markerIndex < pdfMarkers.count && pdfMarkers[markerIndex].range.lowerBound == i {
                    clean.markers.append((pdfMarkers[markerIndex].number, clean.bytes.count, i))
                    i = pdfMarkers[markerIndex].range.upperBound
                    markerIndex += 1
                    continue
                }
                switch b {
                case UInt8(ascii: "*"):
                    i += 1
                    continue
                case UInt8(ascii: "_") where isEmphasisUnderscore(text, i, end):
                    i += 1
                    continue
                case UInt8(ascii: "\\") where i + 1 < end && isMarkdownEscapable(text[i + 1]):
                    clean.append(text[i + 1], from: i + 1)
                    i += 2
                    continue
                case UInt8(ascii: "<"):
                    if let (next, number) = htmlTag(text, i, end) {
                        if let number { clean.markers.append((number, clean.bytes.count, i)) }
                        i = next
                        continue
                    }
                case UInt8(ascii: "["):
                    // [label](url): keep the label, drop the URL.
                    if let close = link(text, i, end) {
                        var j = i + 1
                        while j < close.labelEnd {
                            if text[j] != UInt8(ascii: "\\") { clean.append(text[j], from: j) }
                            j += 1
                        }
                        i = close.next
                        continue
                    }
                case 0xC2 where i + 1 < end && text[i + 1] == 0xA0:   // no-break space
                    clean.append(0x20, from: i)
                    i += 2
                    continue
                case 0xEF where i + 2 < end && text[i + 1] == 0xBF && text[i + 2] == 0xBD:   // U+FFFD (lost bullet glyph)
                    i += 3
                    continue
                case 0x09:
                    clean.append(0x20, from: i)
                    i += 1
                    continue
                default:
                    break
                }
                clean.append(b, from: i)
                i += 1
            }
            // Join lines: a hyphen at a line end joins without a space ("EU-⏎Contraterrorisme").
            if lineIndex < ranges.count - 1 {
                if let last = clean.bytes.last, last == UInt8(ascii: "-"),
                   clean.bytes.count >= 2, Bytes.isLetter(clean.bytes[clean.bytes.count - 2]) || Bytes.isDigit(clean.bytes[clean.bytes.count - 2]) {
                    continue
                }
                clean.append(0x20, from: max(lineRange.lowerBound, end))
            }
        }
        clean.trimTrailingSpace()
        while clean.bytes.first == 0x20 { clean.removeFirst() }
        return clean
    }

    /// Whether the clean text of the single line `line` (without PDF markers) can end with the ASCII
    /// byte `last`, judged from the line's last byte without cleaning it: that byte is `last` itself,
    /// or ends something `build` drops or turns into a trailing space (`*`, an emphasis `_`, a tag's
    /// `>`, a link's `)`, U+FFFD, a no-break space). A quick test that never says no wrongly.
    static func mayEnd(with last: UInt8, _ text: [UInt8], line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        guard end > line.lowerBound else { return false }
        switch text[end - 1] {
        case last, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: ">"), UInt8(ascii: ")"), 0xBD, 0xA0: return true
        default: return false
        }
    }

    /// The end of the run of bytes from `i` that `build` copies as they are: no markup, no byte it
    /// replaces or drops, no space after a space (`after` is the clean byte before `i`).
    @inline(__always)
    private static func plainRun(_ text: [UInt8], from i: Int, to end: Int, after: UInt8) -> Int {
        var j = i
        var previous = after
        while j < end {
            let c = text[j]
            switch c {
            case 0x20 where previous == 0x20: return j
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: "["), 0xC2, 0xEF, 0x09: return j
            default: break
            }
            previous = c
            j += 1
        }
        return j
    }

    private static func isEmphasisUnderscore(_ text: [UInt8], _ i: Int, _ end: Int) -> Bool {
        // `_` is emphasis only at a word edge; inside a word (snake_case, URLs) it is text.
        let before = i > 0 ? text[i - 1] : 0x20
        let after = i + 1 < end ? text[i + 1] : 0x20
        return !(Bytes.isLetter(before) || Bytes.isDigit(before)) || !(Bytes.isLetter(after) || Bytes.isDigit(after))
    }

    private static func isMarkdownEscapable(_ b: UInt8) -> Bool {
        "\\`*_{}[]()#+-.!".utf8.contains(b)
    }

    /// An HTML tag at `i` (`<sup>3</sup>`, `<b>`, `</b>`, `<br>`): the offset after it and, for a
    /// `<sup>` footnote marker, its number.
    private static func htmlTag(_ text: [UInt8], _ i: Int, _ end: Int) -> (Int, Int?)? {
        if Bytes.hasPrefix(text, at: i, "<sup>") {
            var j = i + 5
            let start = j
            while j < end && Bytes.isDigit(text[j]) { j += 1 }
            let digits = start..<j
            if Bytes.hasPrefix(text, at: j, "</sup>") {
                return (j + 6, Bytes.number(text, digits))
            }
            // <sup>text</sup> that is not a number: drop the tags only.
            return (i + 5, nil)
        }
        for tag in ["</sup>", "<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<br>", "<br/>", "<sub>", "</sub>", "<em>", "</em>", "<strong>", "</strong>"] {
            if Bytes.hasPrefix(text, at: i, tag) { return (i + tag.utf8.count, nil) }
        }
        return nil
    }

    private static func link(_ text: [UInt8], _ i: Int, _ end: Int) -> (labelEnd: Int, next: Int)? {
        var j = i + 1
        while j < end && text[j] != UInt8(ascii: "]") {
            if text[j] == UInt8(ascii: "[") { return nil }
            j += 1
        }
        guard j + 1 < end, text[j + 1] == UInt8(ascii: "(") else { return nil }
        var k = j + 2
        while k < end && text[k] != UInt8(ascii: ")") && text[k] != 0x20 { k += 1 }
        guard k < end, text[k] == UInt8(ascii: ")") else { return nil }
        return (j, k + 1)
    }
}
