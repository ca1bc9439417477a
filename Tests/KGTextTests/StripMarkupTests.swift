import KGModel
@testable import KGText
import Testing

/// "Strip the markup and compare": the words of the XML's character data (entities decoded, markup
/// and PIs removed, footnotes taken out of their paragraph) are exactly the words of the rendered text
/// (its footnote markers removed, its footnote lines taken apart). Independent of the renderer: the
/// expectation is computed from the tokenizer's character data alone.
@Suite struct StripMarkupTests {
    /// Subtrees the text leaves out on purpose (Graph/TEXT.md §Elements): metadata and printer codes.
    static let skipped: Set<String> = ["metadata", "versie", "ordernr", "vergjaar", "colspec"]

    /// The character data of `bytes`: the body, and each footnote's text, in document order.
    static func characterData(_ bytes: [UInt8]) throws -> (body: String, footnotes: [String]) {
        var tokenizer = XMLTokenizer(bytes)
        var stack: [String] = []
        var body: [UInt8] = []
        var footnotes: [[UInt8]] = []
        var footnoteDepth: [Int] = []
        while let token = try tokenizer.next() {
            switch token {
            case .startTag(let tag):
                if !tag.isSelfClosing {
                    stack.append(tag.name)
                    if tag.name == "noot" || tag.name == "voetnoot" {
                        footnoteDepth.append(stack.count)
                        footnotes.append([])
                    }
                }
            case .endTag(let name, _):
                if footnoteDepth.last == stack.count, name == "noot" || name == "voetnoot" { footnoteDepth.removeLast() }
                stack.removeLast()
            case .text(let range), .cdata(let range, _):
                if stack.contains(where: skipped.contains) || stack.last == "noot.nr" { continue }
                var decoded: [UInt8]
                if case .cdata = token { decoded = Array(bytes[range]) } else { decoded = XMLEntities.decodedBytes(bytes, range) }
                if footnoteDepth.isEmpty { body += decoded } else { footnotes[footnotes.count - 1] += decoded }
            case .processingInstruction, .comment, .doctype:
                continue
            }
        }
        return (String(decoding: body, as: UTF8.self), footnotes.map { String(decoding: $0, as: UTF8.self) })
    }

    /// Maximal runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    @Test(arguments: Corpus.xmlFiles)
    func theTextHasEveryWordOfTheCharacterDataInOrder(_ file: String) throws {
        let bytes = try Corpus.xml(file)
        let expected = try Self.characterData(bytes)
        let publication = try PublicationXML.read(bytes)
        let text = publication.sourceText

        // Footnotes: each footnote's text is exactly its character data.
        #expect(publication.footnotes.count == expected.footnotes.count)
        for (footnote, data) in zip(publication.footnotes, expected.footnotes) {
            #expect(Self.words(text.slice(footnote.textRange)) == Self.words(data), "\(file) footnote \(footnote.label)")
        }

        // Body: the text without footnote lines, `---` separators and `<sup>n</sup>` markers.
        var body = text.utf8
        let removals = publication.footnotes.map(\.lineRange) + publication.footnotes.compactMap(\.markerRange)
        for range in removals.sorted(by: { $0.lowerBound > $1.lowerBound }) { body.removeSubrange(range) }
        let bodyText = String(decoding: body, as: UTF8.self).split(separator: "\n").filter { $0 != "---" }.joined(separator: "\n")
        let actualWords = Self.words(bodyText), expectedWords = Self.words(expected.body)
        #expect(actualWords.count == expectedWords.count, "\(file)")
        if let first = zip(actualWords, expectedWords).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("\(file): word \(first.offset) is \(first.element.0.debugDescription), the XML has \(first.element.1.debugDescription)")
        }
    }

    /// Every non-whitespace byte of character data outside the skipped subtrees is covered by the map:
    /// some text byte maps to it (copied) or to the entity that holds it.
    @Test(arguments: Corpus.xmlFiles)
    func everyCharacterDataByteIsCoveredByTheMap(_ file: String) throws {
        let bytes = try Corpus.xml(file)
        let text = try PublicationXML.read(bytes).sourceText
        var covered = [Bool](repeating: false, count: bytes.count)
        for run in text.runs {
            if run.isVerbatim || run.sourceLength <= 12 {  // copies, entities, collapsed whitespace, labels
                for offset in run.sourceStart..<run.sourceEnd { covered[offset] = true }
            }
        }
        var tokenizer = XMLTokenizer(bytes)
        var stack: [String] = []
        while let token = try tokenizer.next() {
            switch token {
            case .startTag(let tag): if !tag.isSelfClosing { stack.append(tag.name) }
            case .endTag: stack.removeLast()
            case .text(let range), .cdata(let range, _):
                guard !stack.contains(where: Self.skipped.contains) else { continue }
                if let missed = range.first(where: { !UTF8Validation.isSpace(bytes[$0]) && !covered[$0] }) {
                    Issue.record("\(file): source byte \(missed) (line \(text.lineNumber(ofSourceOffset: missed))) is not in the text")
                }
            default: continue
            }
        }
    }
}
