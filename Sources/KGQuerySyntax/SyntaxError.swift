/// Why a query text is not a query: what was found where, and what was expected.
///
/// Every case carries the span it concerns; `render(source:)` prints the message with the source line
/// and a caret under the offending token:
///
/// ```
/// syntax error at 1:25: unexpected 'RETRUN', expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)
/// MATCH (a)-[:cites]->(b) RETRUN b
///                         ^^^^^^
/// ```
public enum SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A token that cannot stand here; `found` as `Token.described` names it.
    case unexpectedToken(found: String, expected: String, at: SourceSpan)
    /// A string literal without its closing quote.
    case unterminatedString(at: SourceSpan)
    /// A backtick-quoted name without its closing backtick.
    case unterminatedQuotedName(at: SourceSpan)
    /// A `/* ...` comment without `*/`.
    case unterminatedComment(at: SourceSpan)
    /// A character that starts no token.
    case invalidCharacter(String, at: SourceSpan)
    /// A backslash escape the language does not know.
    case invalidEscape(String, at: SourceSpan)
    /// A number that cannot be read (too large, malformed).
    case invalidNumber(String, reason: String, at: SourceSpan)
    /// A string literal or quoted name longer than `SyntaxLimits.maxLiteralBytes`.
    case literalTooLong(limit: Int, at: SourceSpan)
    /// The whole text is longer than `SyntaxLimits.maxQueryBytes` or has more than `maxTokens` tokens.
    case queryTooLong(size: Int, limit: Int, unit: String)
    /// Brackets, `NOT`s or signs nested deeper than `SyntaxLimits.maxNestingDepth`, or an expression
    /// taller than `maxExpressionHeight`.
    case nestingTooDeep(limit: Int, at: SourceSpan)
    /// Tokens that parse but break a rule of the language (RETURN not last, a bad range, ...).
    case invalid(String, at: SourceSpan)
    /// The parser stopped advancing (an internal guard; reported instead of looping forever).
    case noProgress(at: SourceSpan)

    /// Where the error is.
    public var span: SourceSpan {
        switch self {
        case .unexpectedToken(_, _, let at), .unterminatedString(let at), .unterminatedQuotedName(let at),
             .unterminatedComment(let at), .invalidCharacter(_, let at), .invalidEscape(_, let at),
             .invalidNumber(_, _, let at), .literalTooLong(_, let at), .nestingTooDeep(_, let at),
             .invalid(_, let at), .noProgress(let at):
            return at
        case .queryTooLong: return .start
        }
    }

    /// The message without position.
    public var message: String {
        switch self {
        case .unexpectedToken(let found, let expected, _): return "unexpected \(found), expected \(expected)"
        case .unterminatedString: return "unterminated string literal (no closing quote)"
        case .unterminatedQuotedName: return "unterminated quoted name (no closing backtick)"
        case .unterminatedComment: return "unterminated comment (no closing */)"
        case .invalidCharacter(let character, _): return "unexpected character \(character)"
        case .invalidEscape(let escape, _): return "unknown escape \(escape) in a string literal"
        case .invalidNumber(let text, let reason, _): return "invalid number \(Token.quote(text)): \(reason)"
        case .literalTooLong(let limit, _): return "string literal or quoted name longer than \(limit) bytes"
        case .queryTooLong(let size, let limit, let unit): return "query text has \(size) \(unit), more than the limit of \(limit)"
        case .nestingTooDeep(let limit, _): return "expression nested deeper than \(limit) levels"
        case .invalid(let message, _): return message
        case .noProgress: return "the parser made no progress here (please report this query)"
        }
    }

    /// `syntax error at LINE:COLUMN: MESSAGE`.
    public var description: String {
        if case .queryTooLong = self { return "syntax error: " + message }
        return "syntax error at \(span): \(message)"
    }

    /// The description, then the source line of the error and a caret line under the offending token.
    public func render(source: String) -> String {
        if case .queryTooLong = self { return description }
        guard let excerpt = SourceExcerpt.render(span, in: source) else { return description }
        return description + "\n" + excerpt
    }

    /// The text of 1-based line `number` (without its newline) and the byte offset where it starts.
    static func line(_ number: Int, of source: String) -> (String, Int)? {
        var current = 1
        var start = 0
        var index = 0
        let bytes = Array(source.utf8)
        while current < number {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            index = newline + 1
            start = index
            current += 1
        }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start)
    }
}
