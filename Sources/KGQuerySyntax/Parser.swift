/// A recursive-descent parser from tokens to a `Query` (the grammar is in Queries/README.md).
///
/// Split by grammar area: clauses (Parser+Clauses.swift), patterns (Parser+Patterns.swift) and
/// expressions (Parser+Expressions.swift, precedence climbing). Guards against hostile input: the
/// nesting depth is capped (`SyntaxLimits.maxNestingDepth`), expression trees have a height cap, and
/// every loop checks that it consumed a token (`checkProgress`), so no input loops forever or
/// overflows the stack.
public struct Parser {
    let tokens: [Token]
    let source: [UInt8]
    var index = 0
    var depth = 0

    init(tokens: [Token], source: String) {
        self.tokens = tokens
        self.source = Array(source.utf8)
    }

    /// Parses a whole query.
    public static func parse(_ text: String) throws(SyntaxError) -> Query {
        try parse(tokens: try Lexer.tokenize(text), source: text)
    }

    /// Parses tokens already made by `Lexer.tokenize(source)` (the query engine counts them first).
    public static func parse(tokens: [Token], source: String) throws(SyntaxError) -> Query {
        var parser = Parser(tokens: tokens, source: source)
        return try parser.parseQuery()
    }

    /// Parses one expression filling the whole text (for tests and tools).
    public static func parseExpression(_ text: String) throws(SyntaxError) -> Expression {
        var parser = Parser(tokens: try Lexer.tokenize(text), source: text)
        let expression = try parser.parseExpression()
        guard case .end = parser.current.kind else { throw parser.unexpected(expected: "the end of the expression") }
        return expression
    }

    // MARK: - Token access

    var current: Token { tokens[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    var atEnd: Bool {
        if case .end = current.kind { return true }
        return false
    }

    /// Consumes and returns the current token (the end token is never consumed).
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// The token before the current one.
    var previous: Token { tokens[max(0, index - 1)] }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        if current.isSymbol(symbol) { advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ keyword: String) -> Bool {
        if current.isKeyword(keyword) { advance(); return true }
        return false
    }

    @discardableResult
    mutating func expectSymbol(_ symbol: String, _ expected: String? = nil) throws(SyntaxError) -> Token {
        guard current.isSymbol(symbol) else { throw unexpected(expected: expected ?? "'\(symbol)'") }
        return advance()
    }

    @discardableResult
    mutating func expectKeyword(_ keyword: String, _ expected: String? = nil) throws(SyntaxError) -> Token {
        guard current.isKeyword(keyword) else { throw unexpected(expected: expected ?? keyword) }
        return advance()
    }

    /// The error for the current token when `expected` should have come.
    func unexpected(expected: String) -> SyntaxError {
        .unexpectedToken(found: current.described, expected: expected, at: current.span)
    }

    // MARK: - Names

    /// Whether the current token can be a variable name (a non-reserved or quoted name).
    var atVariable: Bool {
        switch current.kind {
        case .quotedIdentifier: return true
        case .identifier: return !Keywords.isReserved(current.text)
        default: return false
        }
    }

    /// A variable name (reserved words need backticks).
    mutating func parseVariable(_ expected: String = "a variable name") throws(SyntaxError) -> String {
        guard atVariable else { throw unexpected(expected: expected) }
        return advance().text
    }

    /// A label, type, property key or map key: any name, reserved words included.
    mutating func parseSymbolicName(_ expected: String) throws(SyntaxError) -> String {
        switch current.kind {
        case .identifier, .quotedIdentifier: return advance().text
        default: throw unexpected(expected: expected)
        }
    }

    // MARK: - Guards

    /// Enters one nesting level; throws past `SyntaxLimits.maxNestingDepth`. Pair with `leave()`.
    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > SyntaxLimits.maxNestingDepth {
            throw .nestingTooDeep(limit: SyntaxLimits.maxNestingDepth, at: current.span)
        }
    }

    mutating func leave() { depth -= 1 }

    /// Throws unless a token was consumed since `before` (an index into the tokens).
    func checkProgress(since before: Int) throws(SyntaxError) {
        if index == before { throw .noProgress(at: current.span) }
    }

    /// Checks the height cap on a freshly built expression.
    func checked(_ expression: Expression) throws(SyntaxError) -> Expression {
        if expression.height > SyntaxLimits.maxExpressionHeight {
            throw .nestingTooDeep(limit: SyntaxLimits.maxExpressionHeight, at: expression.span)
        }
        return expression
    }

    /// The span from `start` to the end of the previous token.
    func span(from start: SourceSpan) -> SourceSpan {
        let end = previous.span.offset + previous.span.length
        return SourceSpan(line: start.line, column: start.column, offset: start.offset, length: max(0, end - start.offset))
    }

    /// The source text of `span`.
    func text(of span: SourceSpan) -> String {
        let lower = min(span.offset, source.count), upper = min(span.offset + span.length, source.count)
        return String(decoding: source[lower..<upper], as: UTF8.self)
    }
}
