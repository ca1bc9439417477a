/// The explicit limits that keep hostile input from exhausting memory or the stack.
///
/// Every module that accepts input checks against these numbers and reports the limit it hit.
public enum Limits {
    /// Longest node id, in UTF-8 bytes.
    public static let maxIDBytes = 1024
    /// Longest label or edge-type name, in UTF-8 bytes.
    public static let maxNameBytes = 128
    /// Deepest nesting of list property values.
    public static let maxValueDepth = 16
    /// Largest single record payload in the graph file (64 MiB).
    public static let maxRecordBytes = 64 << 20
    /// Deepest nesting accepted by the JSON reader.
    public static let maxJSONDepth = 64
    /// Longest single line accepted by line-oriented readers (JSON Lines): 16 MiB.
    public static let maxLineBytes = 16 << 20
}
