/// Where a token or syntax element stands in the query text: 1-based line and column (columns count
/// Unicode scalars), and the 0-based UTF-8 byte offset and length.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars from the start of the line.
    public var column: Int
    /// 0-based UTF-8 byte offset of the first byte.
    public var offset: Int
    /// Length in UTF-8 bytes.
    public var length: Int

    public init(line: Int, column: Int, offset: Int, length: Int) {
        self.line = line
        self.column = column
        self.offset = offset
        self.length = length
    }

    /// A span that points nowhere in particular (the start of the text).
    public static let start = SourceSpan(line: 1, column: 1, offset: 0, length: 0)

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// The byte range covered.
    public var range: Range<Int> { offset..<(offset + length) }
}
