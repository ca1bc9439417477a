import Foundation
@testable import KGExtract
import KGModel
import KGTestSupport
import Testing

/// The extractor's fast paths against the plain code they replaced (kept here as references): the
/// same clean text, the same words, the same decisions, on every line of the corpus and on random
/// text made of the bytes the cleaner treats specially.
@Suite struct FastPathTests {
    static let corpusLines: [(text: [UInt8], lines: [Range<Int>])] = ["000", "001", "002", "003", "004"].map { prefix in
        let text = RepositoryPaths.bytes(RepositoryPaths.corpus(prefix))
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0...text.count where i == text.count || text[i] == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        return (text, lines)
    }

    /// Random text over an alphabet rich in markup, spaces and multi-byte sequences.
    static func randomText(_ random: inout SeededRandom, count: Int) -> [UInt8] {
        let pieces: [[UInt8]] = [[0x20], [0x20], [0x20, 0x20], [0x09], [0x0A], Array("*".utf8), Array("_".utf8), Array("\\".utf8),
                                 Array("<sup>3</sup>".utf8), Array("<b>".utf8), Array("</i>".utf8), Array("<".utf8), Array("[a](b)".utf8),
                                 Array("[".utf8), Array("]".utf8), Array("(".utf8), Array(")".utf8), [0xC2, 0xA0], [0xEF, 0xBF, 0xBD],
                                 Array("•".utf8), Array("# ".utf8), Array("- ".utf8), Array(">".utf8), Array("-".utf8), Array("'".utf8),
                                 Array(",".utf8), Array(".".utf8), Array("é".utf8), Array("’".utf8), Array("–".utf8), Array("Raad".utf8),
                                 Array("motie".utf8), Array("12".utf8), Array("2024".utf8), Array("EU-".utf8), Array("x".utf8), [0xC3], [0xE2]]
        var out: [UInt8] = []
        while out.count < count { out += pieces[Int(random.next() % UInt64(pieces.count))] }
        return out
    }

    @Test func cleanTextEqualsThePlainCleanerOnTheCorpus() {
        for (text, lines) in Self.corpusLines {
            for k in lines.indices {
                for width in 1...3 where k + width <= lines.count {
                    let group = Array(lines[k..<(k + width)])
                    // PDF markers: every run of one or two digits glued to a letter.
                    var markers: [(range: Range<Int>, number: Int)] = []
                    for line in group {
                        var i = line.lowerBound
                        while i < line.upperBound {
                            var j = i
                            while j < line.upperBound && Bytes.isDigit(text[j]) { j += 1 }
                            if j > i, j - i <= 2, i > line.lowerBound, Bytes.isLetter(text[i - 1]) {
                                markers.append((i..<j, Bytes.number(text, i..<j) ?? 0))
                            }
                            i = max(j, i + 1)
                        }
                    }
                    Self.expectSameClean(text, group, [])
                    if !markers.isEmpty { Self.expectSameClean(text, group, markers) }
                }
            }
        }
    }

    @Test func cleanTextEqualsThePlainCleanerOnRandomText() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<3_000 {
            let text = Self.randomText(&random, count: 1 + Int(random.next() % 120))
            var lines: [Range<Int>] = []
            var start = 0
            for i in 0...text.count where i == text.count || text[i] == 0x0A {
                lines.append(start..<i)
                start = i + 1
            }
            var markers: [(range: Range<Int>, number: Int)] = []
            for i in text.indices where Bytes.isDigit(text[i]) && random.next() % 3 == 0 && (markers.last?.range.upperBound ?? 0) <= i {
                markers.append((i..<(i + 1), Int(text[i] - 0x30)))
            }
            Self.expectSameClean(text, lines, markers)
        }
    }

    static func expectSameClean(_ text: [UInt8], _ lines: [Range<Int>], _ markers: [(range: Range<Int>, number: Int)]) {
        let fast = CleanText.build(text, lines: lines, pdfMarkers: markers)
        let plain = PlainCleaner.build(text, lines: lines, pdfMarkers: markers)
        #expect(fast.bytes == plain.bytes && fast.origins == plain.origin
                && fast.markers.map { [$0.number, $0.at, $0.textOffset] } == plain.markers.map { [$0.number, $0.at, $0.textOffset] },
                "clean text of \(String(decoding: text, as: UTF8.self).debugDescription) lines \(lines)")
        for offset in [-1, 0, 1, 5, text.count / 2, text.count - 1, text.count, text.count + 3] {
            #expect(fast.firstIndex(fromTextOffset: offset) == plain.origin.firstIndex { $0 >= offset })
        }
    }

    @Test func signatureLinePreCheckNeverRejectsALineEndingInAComma() {
        var random = SeededRandom(seed: 11)
        var inputs = Self.corpusLines
        for _ in 0..<3_000 {
            let text = Self.randomText(&random, count: 1 + Int(random.next() % 60))
            inputs.append((text, [0..<text.count]))
        }
        var kept = 0, total = 0
        for (text, lines) in inputs {
            for line in lines {
                total += 1
                let clean = CleanText.build(text, lines: [line]).bytes
                if CleanText.mayEnd(with: UInt8(ascii: ","), text, line: line) {
                    kept += 1
                } else {
                    #expect(clean.last != UInt8(ascii: ","), "rejected \(String(decoding: text[line], as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(kept < total)
    }

    @Test func wordTokensEqualThePlainTokeniser() {
        var random = SeededRandom(seed: 3)
        var texts = Self.corpusLines.flatMap { text, lines in lines.map { CleanText.build(text, lines: [$0]).bytes } }
        for _ in 0..<3_000 { texts.append(Self.randomText(&random, count: Int(random.next() % 100))) }
        for text in texts {
            let fast = WordTokens(text)
            let plain = PlainTokeniser.tokens(text)
            #expect(fast.count == plain.count)
            for i in 0..<min(fast.count, plain.count) {
                let (a, b) = (fast[i], plain[i])
                #expect(a.range == b.range && Array(fast.lower(i)) == b.lower && a.capitalized == b.capitalized && a.isNumber == b.isNumber
                        && a.hash == b.hash, "token \(i) of \(String(decoding: text, as: UTF8.self).debugDescription)")
                for word in ["de", "minister", "motie", b.lower.isEmpty ? "x" : String(decoding: b.lower, as: UTF8.self)] {
                    #expect(fast.is(i, word) == b.lower.elementsEqual(word.utf8))
                }
            }
        }
    }

    @Test func byteSearchFindsWhatALoopFinds() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 70)).map { _ in UInt8(random.next() % 6) + 0x08 }
            let a = Int(random.next() % UInt64(text.count + 1)), b = Int(random.next() % UInt64(text.count + 1))
            let range = min(a, b)..<max(a, b)
            for byte in UInt8(0x08)...0x0E {
                #expect(ByteSearch.firstIndex(of: byte, in: text, range) == text[range].firstIndex(of: byte))
            }
            #expect(ByteSearch.offsets(of: 0x0A, in: text) == text.indices.filter { text[$0] == 0x0A })
            let pattern = Array(text[range].prefix(Int(random.next() % 4) + 1))
            let probe = pattern.isEmpty ? [0x0A, 0x0B] : pattern
            let expected = range.count >= probe.count && (range.lowerBound...(range.upperBound - probe.count)).contains { text[$0..<($0 + probe.count)].elementsEqual(probe) }
            #expect(ByteSearch.contains(probe, in: text, range) == expected)
        }
    }

    @Test func twoPlacesWritesWhatPrintfWrites() {
        for denominator in 1...1_200 {
            for numerator in 0...denominator {
                let value = Double(numerator) / Double(denominator)
                #expect(DecimalText.twoPlaces(value) == String(format: "%.2f", value), "\(numerator)/\(denominator)")
            }
        }
        var random = SeededRandom(seed: 5)
        for _ in 0..<100_000 {
            let value = Double(random.next() % 100_000_000) / 1_000_000 + Double(random.next() % 1000) / 8
            #expect(DecimalText.twoPlaces(value) == String(format: "%.2f", value), "\(value)")
        }
        for value in [0.0, 0.005, 0.015, 0.125, 0.375, 0.625, 0.875, 1.0, 2.675, 1.005, 0.705, 99.995, 0.7] {
            #expect(DecimalText.twoPlaces(value) == String(format: "%.2f", value), "\(value)")
        }
    }
}

/// The cleaner as it was before its fast path: one byte at a time.
enum PlainCleaner {
    struct Result {
        var bytes: [UInt8] = []
        var origin: [Int] = []
        var markers: [(number: Int, at: Int, textOffset: Int)] = []

        mutating func append(_ byte: UInt8, from offset: Int) {
            if byte == 0x20 {
                if bytes.isEmpty || bytes.last == 0x20 { return }
            }
            bytes.append(byte)
            origin.append(offset)
        }
    }

    static func build(_ text: [UInt8], lines ranges: [Range<Int>], pdfMarkers: [(range: Range<Int>, number: Int)]) -> Result {
        var clean = Result()
        var markerIndex = 0
        for (lineIndex, lineRange) in ranges.enumerated() {
            var i = lineRange.lowerBound
            var end = lineRange.upperBound
            while i < end && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
            while i < end && text[i] == UInt8(ascii: "#") { i += 1 }
            if i < end && text[i] == UInt8(ascii: ">") { i += 1 }
            if i + 1 < end && text[i] == UInt8(ascii: "-") && text[i + 1] == 0x20 { i += 2 }
            if Bytes.hasPrefix(text, at: i, "• ") { i += 4 }
            while end > i && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
            while i < end {
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
                case UInt8(ascii: "\\") where i + 1 < end && "\\`*_{}[]()#+-.!".utf8.contains(text[i + 1]):
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
                    if let close = link(text, i, end) {
                        var j = i + 1
                        while j < close.labelEnd {
                            if text[j] != UInt8(ascii: "\\") { clean.append(text[j], from: j) }
                            j += 1
                        }
                        i = close.next
                        continue
                    }
                case 0xC2 where i + 1 < end && text[i + 1] == 0xA0:
                    clean.append(0x20, from: i)
                    i += 2
                    continue
                case 0xEF where i + 2 < end && text[i + 1] == 0xBF && text[i + 2] == 0xBD:
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
            if lineIndex < ranges.count - 1 {
                if let last = clean.bytes.last, last == UInt8(ascii: "-"),
                   clean.bytes.count >= 2, Bytes.isLetter(clean.bytes[clean.bytes.count - 2]) || Bytes.isDigit(clean.bytes[clean.bytes.count - 2]) {
                    continue
                }
                clean.append(0x20, from: max(lineRange.lowerBound, end))
            }
        }
        while clean.bytes.last == 0x20 {
            clean.bytes.removeLast()
            clean.origin.removeLast()
        }
        // A marker after a removed space stands at the new end; removing a leading space moves markers back.
        for index in clean.markers.indices where clean.markers[index].at > clean.bytes.count { clean.markers[index].at = clean.bytes.count }
        while clean.bytes.first == 0x20 {
            clean.bytes.removeFirst()
            clean.origin.removeFirst()
            for index in clean.markers.indices where clean.markers[index].at > 0 { clean.markers[index].at -= 1 }
        }
        return clean
    }

    static func isEmphasisUnderscore(_ text: [UInt8], _ i: Int, _ end: Int) -> Bool {
        let before = i > 0 ? text[i - 1] : 0x20
        let after = i + 1 < end ? text[i + 1] : 0x20
        return !(Bytes.isLetter(before) || Bytes.isDigit(before)) || !(Bytes.isLetter(after) || Bytes.isDigit(after))
    }

    static func htmlTag(_ text: [UInt8], _ i: Int, _ end: Int) -> (Int, Int?)? {
        if Bytes.hasPrefix(text, at: i, "<sup>") {
            var j = i + 5
            let start = j
            while j < end && Bytes.isDigit(text[j]) { j += 1 }
            let digits = start..<j
            if Bytes.hasPrefix(text, at: j, "</sup>") { return (j + 6, Bytes.number(text, digits)) }
            return (i + 5, nil)
        }
        for tag in ["</sup>", "<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<br>", "<br/>", "<sub>", "</sub>", "<em>", "</em>", "<strong>", "</strong>"] {
            if Bytes.hasPrefix(text, at: i, tag) { return (i + tag.utf8.count, nil) }
        }
        return nil
    }

    static func link(_ text: [UInt8], _ i: Int, _ end: Int) -> (labelEnd: Int, next: Int)? {
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

/// The tokeniser as it was before it shared one lower-cased buffer: an array per word.
enum PlainTokeniser {
    struct Token {
        var range: Range<Int>
        var lower: [UInt8]
        var capitalized: Bool
        var isNumber: Bool
        var hash: UInt64
    }

    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if Bytes.isLetter(b) || Bytes.isDigit(b) {
                let start = i
                var allDigits = true
                while i < n {
                    let c = bytes[i]
                    if Bytes.isLetter(c) || Bytes.isDigit(c) {
                        if !Bytes.isDigit(c) { allDigits = false }
                        if c == 0xE2 { break }
                        i += 1
                    } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")) && i + 1 < n && (Bytes.isLetter(bytes[i + 1]) || Bytes.isDigit(bytes[i + 1])) && bytes[i + 1] != 0xE2 {
                        allDigits = false
                        i += 1
                    } else if c == UInt8(ascii: "-") && (i + 1 == n || bytes[i + 1] == 0x20) {
                        i += 1
                        allDigits = false
                        break
                    } else {
                        break
                    }
                }
                if i == start { i += 1; continue }
                var lower = [UInt8](repeating: 0, count: i - start)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for k in start..<i {
                    let folded = Bytes.lower(bytes[k])
                    lower[k - start] = folded
                    hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01b3
                }
                tokens.append(Token(range: start..<i, lower: lower, capitalized: Bytes.isUpper(bytes[start]) || bytes[start] >= 0xC3,
                                    isNumber: allDigits, hash: hash))
            } else {
                i += 1
            }
        }
        return tokens
    }
}
