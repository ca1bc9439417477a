import KGModel

/// The limits that keep hostile source files from exhausting memory or the stack while they are read
/// as text (see `Limits` in KGModel for the graph's own limits, among them `maxLineBytes`).
extension Limits {
    /// Deepest element nesting the XML tokenizer accepts.
    public static let maxXMLDepth = 256
    /// Longest element or attribute name, in bytes.
    public static let maxXMLNameBytes = 1024
    /// Most attributes on one start tag.
    public static let maxXMLAttributes = 256
    /// Longest entity reference (`&...;`) that is decoded; longer ones are kept as written.
    public static let maxXMLEntityBytes = 32
    /// Largest source file read as text (1 GiB); larger files are refused rather than half-read.
    public static let maxSourceBytes = 1 << 30
}
