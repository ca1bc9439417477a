/// Turns query text into tokens with line:column and byte positions.
///
/// Works on the UTF-8 bytes in one forward pass (no backtracking beyond one byte of lookahead), so
/// its cost is linear in the text; every loop consumes at least one byte. Limits from `SyntaxLimits`.
public struct Lexer {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var column = 1

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// All tokens of `text`, ending with one `.end` token.
    public static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        let size = text.utf8.count
        if size > SyntaxLimits.maxQueryBytes {
            throw .queryTooLong(size: size, limit: SyntaxLimits.maxQueryBytes, unit: "bytes")
        }
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
            if tokens.count > SyntaxLimits.maxTokens {
                throw .queryTooLong(size: tokens.count, limit: SyntaxLimits.maxTokens, unit: "tokens")
            }
        }
    }

    // MARK: - Scanning

    var atEnd: Bool { position >= bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    /// Consumes one byte, keeping line and column (columns count scalars: continuation bytes don't).
    mutating func advance() {
        let byte = bytes[position]
        position += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    func span(from start: (offset: Int, line: Int, column: Int)) -> SourceSpan {
        SourceSpan(line: start.line, column: start.column, offset: start.offset, length: position - start.offset)
    }

    var mark: (offset: Int, line: Int, column: Int) { (position, line, column) }

    func text(from offset: Int) -> String { String(decoding: bytes[offset..<position], as: UTF8.self) }

    /// The next token.
    public mutating func next() throws(SyntaxError) -> Token {
        try skipTrivia()
        let start = mark
        guard let byte = peek() else {
            return Token(kind: .end, text: "", span: SourceSpan(line: line, column: column, offset: position, length: 0))
        }
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            let value = try string(quote: byte)
            return Token(kind: .string(value), text: text(from: start.offset), span: span(from: start))
        case UInt8(ascii: "`"):
            let name = try quotedName()
            return Token(kind: .quotedIdentifier, text: name, span: span(from: start))
        case UInt8(ascii: "$"):
            advance()
            if peek() == UInt8(ascii: "`") {
                let name = try quotedName()
                return Token(kind: .parameter(name), text: text(from: start.offset), span: span(from: start))
            }
            let nameStart = position
            while let next = peek(), Lexer.isNameByte(next) || isNonASCIILetter() { advanceScalar() }
            guard position > nameStart else {
                throw .unexpectedToken(found: "'$'", expected: "a parameter name after $", at: span(from: start))
            }
            return Token(kind: .parameter(text(from: nameStart)), text: text(from: start.offset), span: span(from: start))
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "."):
            if let next = peek(1), Lexer.isDigit(next) { return try number() }
            advance()
            if peek() == UInt8(ascii: ".") { advance() }
            return Token(kind: .symbol, text: text(from: start.offset), span: span(from: start))
        default:
            if Lexer.isNameStart(byte) || isNonASCIILetter() {
                while let next = peek(), Lexer.isNameByte(next) || isNonASCIILetter() { advanceScalar() }
                return Token(kind: .identifier, text: text(from: start.offset), span: span(from: start))
            }
            if let symbol = symbol() {
                return Token(kind: .symbol, text: symbol, span: span(from: start))
            }
            advanceScalar()
            let character = text(from: start.offset)
            let shown = byte < 0x20 || byte == 0x7F
                ? "U+" + String(byte, radix: 16, uppercase: true) : "'" + character + "'"
            throw .invalidCharacter(shown, at: span(from: start))
        }
    }

    /// Skips whitespace and comments.
    mutating func skipTrivia() throws(SyntaxError) {
        while let byte = peek() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                advance()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let next = peek(), next != 0x0A { advance() }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let start = mark
                advance(); advance()
                while true {
                    guard let next = peek() else {
                        position = start.offset + 2
                        throw .unterminatedComment(at: SourceSpan(line: start.line, column: start.column, offset: start.offset, length: 2))
                    }
                    if next == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { advance(); advance(); break }
                    advance()
                }
            default:
                return
            }
        }
    }

    mutating func symbol() -> String? {
        guard let byte = peek() else { return nil }
        let two: [String] = ["<>", "!=", "<=", ">=", "=~"]
        if let next = peek(1) {
            let pair = String(decoding: [byte, next], as: UTF8.self)
            if two.contains(pair) { advance(); advance(); return pair }
        }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ";"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "^"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"):
            advance()
            return String(UnicodeScalar(byte))
        default:
            return nil
        }
    }

    // MARK: - Literals

    mutating func number() throws(SyntaxError) -> Token {
        let start = mark
        var isFloat = false
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            advance(); advance()
            let digitsStart = position
            while let next = peek(), Lexer.isHexDigit(next) { advance() }
            let digits = text(from: digitsStart)
            try rejectTrailingName(start)
            guard !digits.isEmpty, let value = Int64(digits, radix: 16) else {
                throw .invalidNumber(text(from: start.offset), reason: digits.isEmpty ? "no hexadecimal digits" : "too large for a 64-bit integer", at: span(from: start))
            }
            return Token(kind: .integer(value), text: text(from: start.offset), span: span(from: start))
        }
        while let next = peek(), Lexer.isDigit(next) { advance() }
        if peek() == UInt8(ascii: "."), let next = peek(1), Lexer.isDigit(next) {
            isFloat = true
            advance()
            while let next = peek(), Lexer.isDigit(next) { advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var ahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { ahead = 2 }
            if let digit = peek(ahead), Lexer.isDigit(digit) {
                isFloat = true
                for _ in 0..<ahead { advance() }
                while let next = peek(), Lexer.isDigit(next) { advance() }
            }
        }
        try rejectTrailingName(start)
        let literal = text(from: start.offset)
        if isFloat {
            guard let value = Double(literal), value.isFinite else {
                throw .invalidNumber(literal, reason: "out of range for a 64-bit float", at: span(from: start))
            }
            return Token(kind: .float(value), text: literal, span: span(from: start))
        }
        guard let value = Int64(literal) else {
            throw .invalidNumber(literal, reason: "too large for a 64-bit integer", at: span(from: start))
        }
        return Token(kind: .integer(value), text: literal, span: span(from: start))
    }

    /// `12abc` is one bad number, not a number followed by a name.
    mutating func rejectTrailingName(_ start: (offset: Int, line: Int, column: Int)) throws(SyntaxError) {
        guard let next = peek(), Lexer.isNameByte(next) || isNonASCIILetter() else { return }
        while let next = peek(), Lexer.isNameByte(next) || isNonASCIILetter() { advanceScalar() }
        throw .invalidNumber(text(from: start.offset), reason: "letters directly after digits", at: span(from: start))
    }

    /// A quoted string starting at the opening quote; returns the unescaped value.
    mutating func string(quote: UInt8) throws(SyntaxError) -> String {
        let start = mark
        advance()
        var value: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw .unterminatedString(at: SourceSpan(line: start.line, column: start.column, offset: start.offset, length: 1))
            }
            if value.count > SyntaxLimits.maxLiteralBytes {
                throw .literalTooLong(limit: SyntaxLimits.maxLiteralBytes,
                                      at: SourceSpan(line: start.line, column: start.column, offset: start.offset, length: 1))
            }
            if byte == quote { advance(); break }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = mark
                advance()
                guard let code = peek() else { continue }
                advance()
                switch code {
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "/"): value.append(code)
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "b"): value.append(0x08)
                case UInt8(ascii: "f"): value.append(0x0C)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = code == UInt8(ascii: "u") ? 4 : 8
                    var scalarValue: UInt32 = 0
                    for _ in 0..<count {
                        guard let digit = peek(), Lexer.isHexDigit(digit) else {
                            throw .invalidEscape(text(from: escapeStart.offset), at: span(from: escapeStart))
                        }
                        scalarValue = scalarValue * 16 + UInt32(Lexer.hexValue(digit))
                        advance()
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else {
                        throw .invalidEscape(text(from: escapeStart.offset), at: span(from: escapeStart))
                    }
                    value.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    if code & 0xC0 == 0xC0 { while let next = peek(), next & 0xC0 == 0x80 { advance() } }
                    throw .invalidEscape(text(from: escapeStart.offset), at: span(from: escapeStart))
                }
                continue
            }
            value.append(byte)
            advance()
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// A backtick-quoted name starting at the backtick (two backticks stand for one).
    mutating func quotedName() throws(SyntaxError) -> String {
        let start = mark
        advance()
        var value: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw .unterminatedQuotedName(at: SourceSpan(line: start.line, column: start.column, offset: start.offset, length: 1))
            }
            if value.count > SyntaxLimits.maxLiteralBytes {
                throw .literalTooLong(limit: SyntaxLimits.maxLiteralBytes,
                                      at: SourceSpan(line: start.line, column: start.column, offset: start.offset, length: 1))
            }
            advance()
            if byte == UInt8(ascii: "`") {
                if peek() == UInt8(ascii: "`") { advance(); value.append(byte); continue }
                break
            }
            value.append(byte)
        }
        guard !value.isEmpty else {
            throw .invalid("a quoted name must not be empty", at: span(from: start))
        }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: - Characters

    /// Consumes one whole scalar (1 to 4 bytes).
    mutating func advanceScalar() {
        advance()
        while let next = peek(), next & 0xC0 == 0x80 { advance() }
    }

    /// Whether a non-ASCII letter starts at the current position.
    func isNonASCIILetter() -> Bool {
        guard let byte = peek(), byte >= 0x80 else { return false }
        var end = position + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 && end - position < 4 { end += 1 }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        guard let scalar = text.unicodeScalars.first, scalar != "\u{FFFD}" else { return false }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
    static func hexValue(_ byte: UInt8) -> UInt8 {
        isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
    }
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
    static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
}
