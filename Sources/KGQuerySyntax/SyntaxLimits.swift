/// The explicit limits that keep hostile query text from exhausting memory or the stack.
///
/// The lexer and parser check against these numbers and report the limit they hit as a `SyntaxError`;
/// nothing in this module traps on input. Queries/README.md documents them.
public enum SyntaxLimits {
    /// Longest query text accepted, in UTF-8 bytes (1 MiB).
    public static let maxQueryBytes = 1 << 20
    /// Longest string literal or quoted name, in UTF-8 bytes after unescaping (64 KiB).
    public static let maxLiteralBytes = 1 << 16
    /// Deepest nesting of brackets, parentheses, braces, `NOT` and unary signs the parser follows.
    public static let maxNestingDepth = 64
    /// Tallest expression tree accepted (`1+1+...+1` builds a tall tree without nesting brackets);
    /// later stages walk the tree recursively, so its height bounds their stack use.
    public static let maxExpressionHeight = 256
    /// Most tokens accepted in one query.
    public static let maxTokens = 200_000
}
