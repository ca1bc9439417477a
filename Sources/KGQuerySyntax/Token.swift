/// One lexical token of the query language with its position in the text.
public struct Token: Hashable, Sendable {
    /// What kind of token this is.
    public enum Kind: Hashable, Sendable {
        /// A name: a keyword, variable, label, type, property key or function name (case kept).
        case identifier
        /// A name written in backticks (`` `odd name` ``): never a keyword.
        case quotedIdentifier
        /// An integer literal (decimal, or hexadecimal with `0x`).
        case integer(Int64)
        /// A floating-point literal (`1.5`, `2e3`, `.5`).
        case float(Double)
        /// A string literal in single or double quotes, unescaped.
        case string(String)
        /// `$name` or `$0`: the name without the dollar sign.
        case parameter(String)
        /// Punctuation or an operator, its text in `text`: `( ) [ ] { } , . .. : | ; * + - / % ^ = <> != < <= > >= =~`.
        case symbol
        /// The end of the text.
        case end
    }

    public var kind: Kind
    /// The text as written (for strings and quoted names: the value; see `kind`).
    public var text: String
    public var span: SourceSpan

    public init(kind: Kind, text: String, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }

    /// Whether this is the symbol `symbol`.
    @inlinable public func isSymbol(_ symbol: String) -> Bool {
        if case .symbol = kind { return text == symbol }
        return false
    }

    /// Whether this is the unquoted keyword `keyword` (case-insensitive; `keyword` in upper case).
    public func isKeyword(_ keyword: String) -> Bool {
        guard case .identifier = kind, text.utf8.count == keyword.utf8.count else { return false }
        return text.uppercased() == keyword
    }

    /// The token as an error message names it: `'RETRUN'`, `string 'abc'`, `end of input`.
    public var described: String {
        switch kind {
        case .end: return "end of input"
        case .string(let value): return "string " + Token.quote(value)
        case .quotedIdentifier: return "`" + Token.shorten(text) + "`"
        case .parameter(let name): return "parameter $" + name
        default: return Token.quote(text)
        }
    }

    static func quote(_ text: String) -> String { "'" + shorten(text) + "'" }

    static func shorten(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if scalars.count <= 40 { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(37))
        return String(out) + "..."
    }
}

/// Words that cannot be used as unquoted variable names (they start clauses or are operators).
public enum Keywords {
    /// The reserved words, upper case.
    public static let reserved: Set<String> = [
        "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "AS", "DISTINCT", "ORDER", "BY", "ASC",
        "ASCENDING", "DESC", "DESCENDING", "SKIP", "LIMIT", "AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS",
        "CONTAINS", "IS", "NULL", "TRUE", "FALSE", "UNION", "CREATE", "DELETE", "SET", "REMOVE", "MERGE", "CALL",
        "CASE", "WHEN", "THEN", "ELSE", "END",
    ]

    /// Whether `word` is reserved (case-insensitive).
    public static func isReserved(_ word: String) -> Bool { reserved.contains(word.uppercased()) }
}
