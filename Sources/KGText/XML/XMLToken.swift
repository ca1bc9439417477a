/// One attribute of a start tag.
public struct XMLAttribute: Hashable, Sendable {
    /// The attribute name as written (`xsi:noNamespaceSchemaLocation`; prefixes are not interpreted).
    public let name: String
    /// The value with entities decoded.
    public let value: String
    /// The raw value's bytes in the source, between the quotes.
    public let valueRange: Range<Int>
}

/// A start tag (`<name attr="v">`, or `<name/>` with `isSelfClosing`).
public struct XMLStartTag: Hashable, Sendable {
    /// The element name as written.
    public let name: String
    /// The attributes in source order.
    public let attributes: [XMLAttribute]
    /// `<name/>`: no end tag follows; treat it exactly like `<name></name>`.
    public let isSelfClosing: Bool
    /// The whole tag, `<` through `>`.
    public let range: Range<Int>

    /// The decoded value of the first attribute called `name`.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first attribute called `name`, with its source range.
    public func attributeEntry(_ name: String) -> XMLAttribute? {
        attributes.first { $0.name == name }
    }
}

/// What the tokenizer reads: markup and character data, each with its exact byte range.
public enum XMLToken: Hashable, Sendable {
    /// `<name ...>` or `<name .../>`.
    case startTag(XMLStartTag)
    /// `</name>`.
    case endTag(name: String, range: Range<Int>)
    /// Character data up to the next `<`, raw (entities not decoded: see `XMLEntities`).
    case text(Range<Int>)
    /// `<![CDATA[...]]>`: `content` is the literal text between the brackets.
    case cdata(content: Range<Int>, range: Range<Int>)
    /// `<?target ...?>`, including the XML declaration.
    case processingInstruction(target: String, range: Range<Int>)
    /// `<!-- ... -->`.
    case comment(Range<Int>)
    /// `<!DOCTYPE ...>` (an internal subset is skipped, never interpreted).
    case doctype(Range<Int>)

    /// The token's whole source range.
    public var range: Range<Int> {
        switch self {
        case .startTag(let tag): return tag.range
        case .endTag(_, let range), .text(let range), .cdata(_, let range), .processingInstruction(_, let range),
             .comment(let range), .doctype(let range):
            return range
        }
    }
}
