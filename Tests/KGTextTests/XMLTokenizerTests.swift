import KGModel
@testable import KGText
import Testing

/// The tokenizer alone: tokens with exact ranges, entities, and refusals naming the byte.
@Suite struct XMLTokenizerTests {
    /// The tokens of `xml` as short strings (`<a x=1>`, `</a>`, `"text"`, `?xpp`, `!--`, `[CDATA x]`, `!DOCTYPE`).
    static func tokens(_ xml: String) throws -> [String] {
        let bytes = Array(xml.utf8)
        var tokenizer = XMLTokenizer(bytes)
        var out: [String] = []
        while let token = try tokenizer.next() {
            switch token {
            case .startTag(let tag):
                let attributes = tag.attributes.map { " \($0.name)=\($0.value)" }.joined()
                out.append("<\(tag.name)\(attributes)\(tag.isSelfClosing ? "/" : "")>")
            case .endTag(let name, _): out.append("</\(name)>")
            case .text(let range): out.append("\"" + String(decoding: bytes[range], as: UTF8.self) + "\"")
            case .cdata(let content, _): out.append("[CDATA " + String(decoding: bytes[content], as: UTF8.self) + "]")
            case .processingInstruction(let target, _): out.append("?" + target)
            case .comment: out.append("!--")
            case .doctype: out.append("!DOCTYPE")
            }
        }
        return out
    }

    /// The error `xml` is refused with.
    static func refusal(_ xml: [UInt8]) -> TextSourceError? {
        var tokenizer = XMLTokenizer(xml, maxDepth: 8)
        do {
            while try tokenizer.next() != nil {}
            return nil
        } catch let error as TextSourceError {
            return error
        } catch {
            return .malformedXML(offset: -1, reason: "unexpected error type \(error)")
        }
    }

    @Test func elementsTextAndAttributesWithExactRanges() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a x=\"1\" y='two'>hi<b/></a>\n"
        #expect(try Self.tokens(xml) == ["?xml", "\"\n\"", "<a x=1 y=two>", "\"hi\"", "<b/>", "</a>", "\"\n\""])
        var tokenizer = XMLTokenizer(Array(xml.utf8))
        var ranges: [Range<Int>] = []
        while let token = try tokenizer.next() { ranges.append(token.range) }
        #expect(ranges == [0..<38, 38..<39, 39..<56, 56..<58, 58..<62, 62..<66, 66..<67])
    }

    @Test func quotedGreaterThanDoesNotEndTheTag() throws {
        #expect(try Self.tokens("<a title=\"x > y\" b='it\"s'>t</a>") == ["<a title=x > y b=it\"s>", "\"t\"", "</a>"])
    }

    @Test func attributeValuesAreEntityDecodedAndKeepTheirRawRange() throws {
        let xml = Array("<a v=\"A&amp;B &#x263A;\"/>".utf8)
        var tokenizer = XMLTokenizer(xml)
        guard case .startTag(let tag)? = try tokenizer.next(), let value = tag.attributeEntry("v") else {
            Issue.record("no start tag")
            return
        }
        #expect(value.value == "A&B ☺")
        #expect(String(decoding: xml[value.valueRange], as: UTF8.self) == "A&amp;B &#x263A;")
    }

    @Test func multiLineStartTagsAndSelfClosingWithoutSpace() throws {
        let xml = "<m>\n<meta name=\"DC.title\" scheme=\"\"\n      content=\"Memorie\"/>\n</m>"
        #expect(try Self.tokens(xml) == ["<m>", "\"\n\"", "<meta name=DC.title scheme= content=Memorie/>", "\"\n\"", "</m>"])
    }

    @Test func commentsCDATAProcessingInstructionsAndDoctype() throws {
        let xml = "<!DOCTYPE a [ <!ENTITY x \"]>\"> ]><a>p<?xpp afbm?>q<!-- c > d --><![CDATA[<b>&amp;]]></a>"
        #expect(try Self.tokens(xml) == ["!DOCTYPE", "<a>", "\"p\"", "?xpp", "\"q\"", "!--", "[CDATA <b>&amp;]", "</a>"])
    }

    @Test func entitiesDecode() {
        let cases: [(String, String?)] = [
            ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#65;", "A"),
            ("&#x42;", "B"), ("&#X42;", nil), ("&#x1F600;", "😀"), ("&#xe9;", "é"), ("&#0;", nil), ("&#xD800;", nil),
            ("&#x110000;", nil), ("&nbsp;", nil), ("& x;", nil), ("&amp", nil), ("&#;", nil), ("&#x;", nil),
            ("&#99999999999;", nil),
        ]
        for (input, expected) in cases {
            let bytes = Array(input.utf8)
            let decoded = XMLEntities.decode(bytes, at: 0, end: bytes.count).map { String(decoding: $0.bytes, as: UTF8.self) }
            #expect(decoded == expected, "\(input)")
        }
        let mixed = Array("a &nbsp; &lt;b&gt; &amp;amp;".utf8)
        #expect(XMLEntities.decodeText(mixed, 0..<mixed.count) == "a &nbsp; <b> &amp;")
    }

    /// Every refusal names the byte where the problem is.
    @Test(arguments: [
        ("<a>", 3, "the document ends inside <a> (opened at byte 0): the file is truncated or an end tag is missing"),
        ("<a><b>text", 10, "the document ends inside <b> (opened at byte 3)"),
        ("<a><b></a>", 6, "end tag </a> does not match <b> (opened at byte 3)"),
        ("<a", 0, "unterminated start tag <a"),
        ("<a x=\"1\"", 0, "unterminated start tag <a"),
        ("<a x=1></a>", 5, "the value of attribute x of <a must be quoted"),
        ("<a x></a>", 4, "attribute x of <a has no value"),
        ("<a x='1' x='2'></a>", 11, "duplicate attribute x in <a"),
        ("<a x=\"1></a>", 8, "'<' inside the value of attribute x of <a"),
        ("<a x=\"1", 5, "unterminated value of attribute x of <a"),
        ("<a b='1'c='2'/>", 8, "attributes of <a must be separated by whitespace"),
        ("<a/ >", 2, "expected '>' after '/' in <a"),
        ("<a><!-- x</a>", 3, "unterminated comment"),
        ("<a><![CDATA[x</a>", 3, "unterminated CDATA section"),
        ("<a><?xpp afbm</a>", 3, "unterminated processing instruction"),
        ("<a><? x?></a>", 3, "a processing instruction needs a target name"),
        ("<a>1 < 2</a>", 5, "'<' must begin a tag (write &lt; for a literal '<')"),
        ("<a><1/></a>", 3, "'<' must begin a tag"),
        ("</a>", 0, "end tag </a> with no element open"),
        ("<a></a ", 3, "unterminated end tag </a"),
        ("<a></a x>", 7, "expected '>' to close the end tag </a"),
        ("<a></a><b/>", 7, "a second root element <b> after the first one ended"),
        ("x<a/>", 0, "text before the root element"),
        ("<a/> x", 5, "text after the root element"),
        ("<a><!ELEMENT x></a>", 3, "unknown markup declaration"),
        ("<a/><!DOCTYPE a>", 4, "DOCTYPE after the root element started"),
        ("<!DOCTYPE a [", 0, "unterminated DOCTYPE"),
        ("<![CDATA[x]]><a/>", 0, "CDATA section outside the root element"),
        ("", 0, "no root element"),
        ("  \n", 3, "no root element"),
        ("<a>\u{1}</a>", 3, "the control character 0x01, which XML does not allow"),
        ("<a>\u{0}</a>", 3, "a NUL byte (binary data, not XML)"),
        ("<a><b><c><d><e><f><g><h><i/></h></g></f></e></d></c></b></a>", 24, "elements nested deeper than 8 levels"),
    ] as [(String, Int, String)])
    func malformedInputIsRefusedAtItsByte(xml: String, offset: Int, reason: String) {
        let error = Self.refusal(Array(xml.utf8))
        guard case .malformedXML(let actualOffset, let actualReason)? = error else {
            Issue.record("expected malformedXML for \(xml.debugDescription), got \(String(describing: error))")
            return
        }
        #expect(actualOffset == offset, "\(xml.debugDescription): \(actualReason)")
        #expect(actualReason.hasPrefix(reason), "\(xml.debugDescription)")
    }

    @Test func invalidUTF8IsRefusedWithItsOffsetAndAHint() {
        let latin1: [UInt8] = Array("<a>Caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(Self.refusal(latin1) == .malformedXML(offset: 6, reason: "invalid UTF-8 (byte 0xE9): Latin-1 or Windows-1252? convert to UTF-8"))
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF]] {
            #expect(UTF8Validation.firstInvalidOffset([0x41] + bad + [0x42]) == 1, "\(bad)")
        }
        #expect(UTF8Validation.firstInvalidOffset(Array("é€😀ĳ".utf8)) == nil)
    }

    @Test func aByteOrderMarkIsSkippedAndADeclaredForeignEncodingWarns() throws {
        let xml: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<?xml version='1.0' encoding='ISO-8859-1'?><a/>".utf8)
        var tokenizer = XMLTokenizer(xml)
        var count = 0
        while try tokenizer.next() != nil { count += 1 }
        #expect(count == 2)
        #expect(tokenizer.warnings.map(\.message) == ["the XML declaration says encoding \"iso-8859-1\" but the bytes are valid UTF-8; read as UTF-8"])
    }

    @Test func theRealFilesTokenizeAndEveryTokenFollowsTheLast() throws {
        for name in Corpus.xmlFiles {
            let bytes = try Corpus.xml(name)
            var tokenizer = XMLTokenizer(bytes)
            var position = 0
            while let token = try tokenizer.next() {
                #expect(token.range.lowerBound == position, "\(name): gap before \(token)")
                position = token.range.upperBound
            }
            #expect(position == bytes.count, "\(name)")
        }
    }
}
