import KGModel

/// A pull tokenizer for XML over bytes: every token carries its exact byte range, so text can be
/// mapped back to the file. Spec: Graph/TEXT.md §XML (and XML 1.0 for the syntax it accepts).
///
/// It checks what a reader of untrusted files must check, and throws
/// `TextSourceError.malformedXML(offset:reason:)` naming the byte where it found the problem:
/// UTF-8 validity and control characters (binary data), unterminated tags, comments, CDATA, PIs and
/// attribute values, unquoted or missing attribute values, duplicate attributes, end tags that do not
/// match (no recovery: a broken file is refused, not guessed at), text or a second element outside the
/// root, a document that ends with elements open (truncation), and nesting deeper than
/// `Limits.maxXMLDepth`. Quotes are honoured inside tags, so `<a title="x > y">` is one tag.
///
/// It does not read DTDs or expand entities other than the predefined ones and character references
/// (see `XMLEntities`), and does not interpret namespaces (`xsi:type` is just a name).
///
/// Every call to `next()` consumes at least one byte or ends, so hostile input cannot make it loop.
public struct XMLTokenizer {
    /// The document.
    public let bytes: [UInt8]
    /// The offset of the next unread byte.
    public private(set) var position = 0
    /// The elements open at `position`, innermost last, with the offsets of their start tags.
    public private(set) var openElements: [(name: String, offset: Int)] = []
    /// Things that are allowed but worth saying (a declared encoding other than UTF-8).
    public private(set) var warnings: [(offset: Int, message: String)] = []

    private let maxDepth: Int
    private var checkedCharacters = false
    private var rootSeen = false
    private var rootClosed = false

    /// A tokenizer over `bytes`; nothing is checked until the first `next()`.
    public init(_ bytes: [UInt8], maxDepth: Int = Limits.maxXMLDepth) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// The next token, or nil at the end of a well-formed document.
    public mutating func next() throws -> XMLToken? {
        if !checkedCharacters {
            try XMLTokenizer.checkCharacters(bytes)
            checkedCharacters = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        guard position < bytes.count else {
            if let open = openElements.last {
                throw malformed(bytes.count, "the document ends inside <\(open.name)> (opened at byte \(open.offset)): "
                    + "the file is truncated or an end tag is missing")
            }
            if !rootSeen { throw malformed(bytes.count, "no root element") }
            return nil
        }
        let start = position
        let token: XMLToken
        if bytes[start] != 0x3C {
            token = try readText(from: start)
        } else if matches("<?", at: start) {
            token = try readProcessingInstruction(from: start)
        } else if matches("<!--", at: start) {
            guard let end = find("-->", from: start + 4) else { throw malformed(start, "unterminated comment") }
            position = end + 3
            token = .comment(start..<position)
        } else if matches("<![CDATA[", at: start) {
            guard !openElements.isEmpty else { throw malformed(start, "CDATA section outside the root element") }
            guard let end = find("]]>", from: start + 9) else { throw malformed(start, "unterminated CDATA section") }
            position = end + 3
            token = .cdata(content: (start + 9)..<end, range: start..<position)
        } else if matches("<!DOCTYPE", at: start) {
            token = try readDoctype(from: start)
        } else if matches("<!", at: start) {
            throw malformed(start, "unknown markup declaration (expected <!--, <![CDATA[ or <!DOCTYPE)")
        } else if matches("</", at: start) {
            token = try readEndTag(from: start)
        } else {
            token = try readStartTag(from: start)
        }
        // Loop-progress guard: every token consumes input.
        guard position > start else { throw malformed(start, "internal error: the tokenizer made no progress") }
        return token
    }

    /// Refuses bytes that cannot be XML text: invalid UTF-8, NUL and other control characters.
    public static func checkCharacters(_ bytes: [UInt8]) throws {
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw TextSourceError.malformedXML(offset: bad, reason: "invalid UTF-8 (byte \(UTF8Validation.hex(bytes[bad]))): "
                + "Latin-1 or Windows-1252? convert to UTF-8")
        }
        let control = bytes.withUnsafeBufferPointer { buffer in
            buffer.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        }
        if let offset = control {
            let byte = bytes[offset]
            let what = byte == 0 ? "a NUL byte (binary data, not XML)"
                : "the control character \(UTF8Validation.hex(byte)), which XML does not allow (binary data?)"
            throw TextSourceError.malformedXML(offset: offset, reason: what)
        }
    }

    // MARK: - Constructs

    private mutating func readText(from start: Int) throws -> XMLToken {
        var end = start
        while end < bytes.count, bytes[end] != 0x3C { end += 1 }
        position = end
        if openElements.isEmpty, let stray = (start..<end).first(where: { !UTF8Validation.isSpace(bytes[$0]) }) {
            throw malformed(stray, rootSeen ? "text after the root element" : "text before the root element")
        }
        return .text(start..<end)
    }

    private mutating func readProcessingInstruction(from start: Int) throws -> XMLToken {
        let nameEnd = scanName(from: start + 2)
        guard nameEnd > start + 2 else { throw malformed(start, "a processing instruction needs a target name after <?") }
        guard let end = find("?>", from: nameEnd) else { throw malformed(start, "unterminated processing instruction") }
        let target = String(decoding: bytes[(start + 2)..<nameEnd], as: UTF8.self)
        position = end + 2
        if target == "xml" { checkDeclaration(start..<position) }
        return .processingInstruction(target: target, range: start..<position)
    }

    private mutating func checkDeclaration(_ range: Range<Int>) {
        let key = Array("encoding".utf8)
        var index = range.lowerBound
        while index + key.count < range.upperBound, !bytes[index..<(index + key.count)].elementsEqual(key) { index += 1 }
        guard index + key.count < range.upperBound else { return }
        index = skipSpace(from: index + key.count)
        guard index < range.upperBound, bytes[index] == 0x3D else { return }
        index = skipSpace(from: index + 1)
        guard index < range.upperBound, bytes[index] == 0x22 || bytes[index] == 0x27 else { return }
        let quote = bytes[index]
        var end = index + 1
        while end < range.upperBound, bytes[end] != quote { end += 1 }
        let declared = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
        if !["utf-8", "utf8", "us-ascii", "ascii"].contains(declared) {
            warnings.append((range.lowerBound, "the XML declaration says encoding \"\(declared)\" but the bytes are valid UTF-8; "
                + "read as UTF-8"))
        }
    }

    private mutating func readDoctype(from start: Int) throws -> XMLToken {
        guard !rootSeen else { throw malformed(start, "DOCTYPE after the root element started") }
        var index = start + 9, depth = 0
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x5B {
                depth += 1
            } else if byte == 0x5D {
                depth -= 1
            } else if byte == 0x3E && depth <= 0 {
                position = index + 1
                return .doctype(start..<position)
            }
            index += 1
        }
        throw malformed(start, "unterminated DOCTYPE")
    }

    private mutating func readEndTag(from start: Int) throws -> XMLToken {
        let nameEnd = scanName(from: start + 2)
        guard nameEnd > start + 2 else { throw malformed(start, "an end tag needs a name after </") }
        let name = String(decoding: bytes[(start + 2)..<nameEnd], as: UTF8.self)
        var index = skipSpace(from: nameEnd)
        guard index < bytes.count else { throw malformed(start, "unterminated end tag </\(name)") }
        guard bytes[index] == 0x3E else { throw malformed(index, "expected '>' to close the end tag </\(name)") }
        index += 1
        guard let open = openElements.last else {
            throw malformed(start, "end tag </\(name)> with no element open")
        }
        guard open.name == name else {
            throw malformed(start, "end tag </\(name)> does not match <\(open.name)> (opened at byte \(open.offset))")
        }
        openElements.removeLast()
        if openElements.isEmpty { rootClosed = true }
        position = index
        return .endTag(name: name, range: start..<index)
    }

    private mutating func readStartTag(from start: Int) throws -> XMLToken {
        let nameEnd = scanName(from: start + 1)
        guard nameEnd > start + 1, isNameStart(bytes[start + 1]) else {
            throw malformed(start, "'<' must begin a tag (write &lt; for a literal '<')")
        }
        let name = String(decoding: bytes[(start + 1)..<nameEnd], as: UTF8.self)
        if rootClosed { throw malformed(start, "a second root element <\(name)> after the first one ended") }
        var attributes: [XMLAttribute] = []
        var index = nameEnd
        var selfClosing = false
        while true {
            let beforeSpace = index
            index = skipSpace(from: index)
            guard index < bytes.count else { throw malformed(start, "unterminated start tag <\(name)") }
            let byte = bytes[index]
            if byte == 0x3E { index += 1; break }
            if byte == 0x2F {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x3E else {
                    throw malformed(index, "expected '>' after '/' in <\(name)")
                }
                selfClosing = true
                index += 2
                break
            }
            if byte == 0x3C { throw malformed(index, "unterminated start tag <\(name) (found '<' before '>')") }
            guard index > beforeSpace else { throw malformed(index, "attributes of <\(name) must be separated by whitespace") }
            let attributeNameEnd = scanName(from: index)
            guard attributeNameEnd > index, isNameStart(bytes[index]) else {
                throw malformed(index, "unexpected character '\(printable(byte))' in the start tag <\(name)")
            }
            let attributeName = String(decoding: bytes[index..<attributeNameEnd], as: UTF8.self)
            index = skipSpace(from: attributeNameEnd)
            guard index < bytes.count, bytes[index] == 0x3D else {
                throw malformed(index, "attribute \(attributeName) of <\(name) has no value (expected '=')")
            }
            index = skipSpace(from: index + 1)
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else {
                throw malformed(index, "the value of attribute \(attributeName) of <\(name) must be quoted")
            }
            let quote = bytes[index]
            let valueStart = index + 1
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != quote {
                if bytes[valueEnd] == 0x3C {
                    throw malformed(valueEnd, "'<' inside the value of attribute \(attributeName) of <\(name) "
                        + "(unterminated value opened at byte \(index)?)")
                }
                valueEnd += 1
            }
            guard valueEnd < bytes.count else {
                throw malformed(index, "unterminated value of attribute \(attributeName) of <\(name)")
            }
            if attributes.contains(where: { $0.name == attributeName }) {
                throw malformed(index, "duplicate attribute \(attributeName) in <\(name)")
            }
            guard attributes.count < Limits.maxXMLAttributes else {
                throw malformed(index, "more than \(Limits.maxXMLAttributes) attributes in <\(name)")
            }
            attributes.append(XMLAttribute(name: attributeName, value: XMLEntities.decodeText(bytes, valueStart..<valueEnd),
                                           valueRange: valueStart..<valueEnd))
            index = valueEnd + 1
        }
        guard openElements.count < maxDepth else {
            throw malformed(start, "elements nested deeper than \(maxDepth) levels")
        }
        rootSeen = true
        if selfClosing {
            if openElements.isEmpty { rootClosed = true }
        } else {
            openElements.append((name, start))
        }
        position = index
        return .startTag(XMLStartTag(name: name, attributes: attributes, isSelfClosing: selfClosing, range: start..<index))
    }

    // MARK: - Helpers

    /// The end of a name starting at `start`: any bytes except whitespace and `/ > = < " ' ? !`,
    /// at most `Limits.maxXMLNameBytes` of them.
    private func scanName(from start: Int) -> Int {
        var index = start
        let limit = min(bytes.count, start + Limits.maxXMLNameBytes)
        while index < limit {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E, 0x3D, 0x3C, 0x22, 0x27, 0x3F, 0x21: return index
            default: index += 1
            }
        }
        return index
    }

    /// Letters, `_`, `:` and any non-ASCII byte may start a name (not digits, `-`, `.`).
    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    private func skipSpace(from start: Int) -> Int {
        var index = start
        while index < bytes.count, UTF8Validation.isSpace(bytes[index]) { index += 1 }
        return index
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            for k in 0..<count where bytes[offset + k] != pattern[k] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if matches(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : UTF8Validation.hex(byte)
    }

    private func malformed(_ offset: Int, _ reason: String) -> TextSourceError {
        .malformedXML(offset: offset, reason: reason)
    }
}
