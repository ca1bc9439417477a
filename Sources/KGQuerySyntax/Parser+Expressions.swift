/// Expressions by precedence climbing, lowest first: OR, XOR, AND, NOT, comparisons (chained),
/// IN / STARTS WITH / ENDS WITH / CONTAINS / =~ / IS [NOT] NULL, + -, * / %, ^, unary + -, then
/// postfix property access, subscripts and label tests on atoms.
extension Parser {
    /// expression = or-expression.
    mutating func parseExpression() throws(SyntaxError) -> Expression {
        try enter()
        defer { leave() }
        return try parseBinary(minimum: 1)
    }

    static let notPrecedence = 4

    /// Operators at or above `minimum`, left-associative; comparisons chain into AND.
    mutating func parseBinary(minimum: Int) throws(SyntaxError) -> Expression {
        var left: Expression
        if current.isKeyword("NOT") && minimum <= Parser.notPrecedence {
            let start = advance().span
            try enter()
            defer { leave() }
            let operand = try parseBinary(minimum: Parser.notPrecedence)
            left = try checked(Expression(.unary(.not, operand), span: span(from: start)))
        } else {
            left = try parseUnary()
        }
        var lastComparison: Expression?
        while true {
            let before = index
            if current.isKeyword("IS") && 6 >= minimum {
                advance()
                let negated = acceptKeyword("NOT")
                try expectKeyword("NULL", negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS")
                left = try checked(Expression(.isNull(left, negated: negated), span: span(from: left.span)))
                lastComparison = nil
                continue
            }
            guard let (op, width) = binaryOperator(), op.precedence >= minimum else { break }
            for _ in 0..<width { advance() }
            let right = try parseBinary(minimum: op.precedence + 1)
            if op.isComparison, let previousRight = lastComparison {
                // a < b < c means a < b AND b < c.
                let next = Expression(.binary(op, previousRight, right), span: span(from: previousRight.span))
                left = try checked(Expression(.binary(.and, left, next), span: span(from: left.span)))
            } else {
                left = try checked(Expression(.binary(op, left, right), span: span(from: left.span)))
            }
            lastComparison = op.isComparison ? right : nil
            try checkProgress(since: before)
        }
        return left
    }

    /// The binary operator at the current token and how many tokens it spans.
    func binaryOperator() -> (BinaryOperator, Int)? {
        let token = current
        switch token.kind {
        case .symbol:
            switch token.text {
            case "=": return (.equal, 1)
            case "<>", "!=": return (.notEqual, 1)
            case "<": return (.less, 1)
            case "<=": return (.lessOrEqual, 1)
            case ">": return (.greater, 1)
            case ">=": return (.greaterOrEqual, 1)
            case "=~": return (.regexMatch, 1)
            case "+": return (.add, 1)
            case "-": return (.subtract, 1)
            case "*": return (.multiply, 1)
            case "/": return (.divide, 1)
            case "%": return (.modulo, 1)
            case "^": return (.power, 1)
            default: return nil
            }
        case .identifier:
            if token.isKeyword("OR") { return (.or, 1) }
            if token.isKeyword("XOR") { return (.xor, 1) }
            if token.isKeyword("AND") { return (.and, 1) }
            if token.isKeyword("IN") { return (.in, 1) }
            if token.isKeyword("CONTAINS") { return (.contains, 1) }
            if token.isKeyword("STARTS") && peek(1).isKeyword("WITH") { return (.startsWith, 2) }
            if token.isKeyword("ENDS") && peek(1).isKeyword("WITH") { return (.endsWith, 2) }
            return nil
        default:
            return nil
        }
    }

    /// unary = ( "-" | "+" ) unary | postfix. A minus directly before a number folds into it.
    mutating func parseUnary() throws(SyntaxError) -> Expression {
        let start = current.span
        if current.isSymbol("-") || current.isSymbol("+") {
            let minus = advance().isSymbol("-")
            try enter()
            defer { leave() }
            if minus {
                switch current.kind {
                case .integer(let value):
                    advance()
                    return Expression(.integer(-value), span: span(from: start))
                case .float(let value):
                    advance()
                    return Expression(.float(-value), span: span(from: start))
                default: break
                }
            }
            let operand = try parseUnary()
            return try checked(Expression(.unary(minus ? .minus : .plus, operand), span: span(from: start)))
        }
        return try parsePostfix()
    }

    /// postfix = atom { "." key | "[" expression "]" | ":" label { ":" label } }.
    mutating func parsePostfix() throws(SyntaxError) -> Expression {
        var expression = try parseAtom()
        while true {
            let before = index
            if current.isSymbol(".") {
                advance()
                let key = try parseSymbolicName("a property name after '.'")
                expression = try checked(Expression(.property(expression, key), span: span(from: expression.span)))
            } else if current.isSymbol("[") {
                advance()
                let subscriptExpression = try parseExpression()
                try expectSymbol("]", "']' to close the subscript")
                expression = try checked(Expression(.subscripted(expression, subscriptExpression), span: span(from: expression.span)))
            } else if current.isSymbol(":"), peek(1).kind == .identifier || peek(1).kind == .quotedIdentifier {
                var labels: [String] = []
                while acceptSymbol(":") {
                    let labelStart = index
                    labels.append(try parseSymbolicName("a label name after ':'"))
                    try checkProgress(since: labelStart)
                }
                expression = try checked(Expression(.hasLabels(expression, labels), span: span(from: expression.span)))
            } else {
                break
            }
            try checkProgress(since: before)
        }
        return expression
    }

    /// atom = literal | parameter | list | map | "(" expression ")" | count(*) | exists(pattern)
    ///      | function call | variable.
    mutating func parseAtom() throws(SyntaxError) -> Expression {
        let start = current.span
        switch current.kind {
        case .integer(let value): advance(); return Expression(.integer(value), span: start)
        case .float(let value): advance(); return Expression(.float(value), span: start)
        case .string(let value): advance(); return Expression(.string(value), span: start)
        case .parameter(let name): advance(); return Expression(.parameter(name), span: start)
        case .quotedIdentifier: advance(); return Expression(.variable(previous.text), span: start)
        case .symbol:
            if acceptSymbol("(") {
                let inner = try parseExpression()
                try expectSymbol(")", "')' to close the parenthesis")
                return inner
            }
            if acceptSymbol("[") {
                // Elements go through parseExpression, which counts the nesting level.
                if atVariable && peek(1).isKeyword("IN") {
                    return try parseListComprehension(start: start)
                }
                var items: [Expression] = []
                if !current.isSymbol("]") {
                    repeat {
                        let before = index
                        items.append(try parseExpression())
                        try checkProgress(since: before)
                    } while acceptSymbol(",")
                }
                try expectSymbol("]", "',' or ']' in the list")
                return try checked(Expression(.list(items), span: span(from: start)))
            }
            if current.isSymbol("{") {
                let entries = try parseMapEntries()
                return try checked(Expression(.map(entries), span: span(from: start)))
            }
            throw unexpected(expected: "an expression")
        case .identifier:
            if acceptKeyword("TRUE") { return Expression(.bool(true), span: start) }
            if acceptKeyword("FALSE") { return Expression(.bool(false), span: start) }
            if acceptKeyword("NULL") { return Expression(.null, span: start) }
            if Keywords.isReserved(current.text) { throw unexpected(expected: "an expression") }
            if peek(1).isSymbol("(") { return try parseCall() }
            advance()
            return Expression(.variable(previous.text), span: start)
        case .end:
            throw unexpected(expected: "an expression")
        }
    }

    /// comprehension = "[" variable IN expression [ WHERE expression ] [ "|" expression ] "]" (after "[").
    mutating func parseListComprehension(start: SourceSpan) throws(SyntaxError) -> Expression {
        let variable = advance().text
        try expectKeyword("IN")
        let list = try parseExpression()
        var predicate: Expression?
        if acceptKeyword("WHERE") { predicate = try parseExpression() }
        var projection: Expression?
        if acceptSymbol("|") { projection = try parseExpression() }
        try expectSymbol("]", predicate == nil && projection == nil ? "WHERE, '|' or ']' in the list comprehension" : "']' to close the list comprehension")
        return try checked(Expression(.listComprehension(variable: variable, list: list, predicate: predicate, projection: projection),
                                      span: span(from: start)))
    }

    /// call = name "(" ( "*" | [ DISTINCT ] [ expression { "," expression } ] ) ")";
    /// `exists` takes a pattern when its argument starts with "(".
    mutating func parseCall() throws(SyntaxError) -> Expression {
        let start = current.span
        let name = advance().text
        try expectSymbol("(")
        let lower = name.lowercased()
        if lower == "count" && current.isSymbol("*") {
            advance()
            try expectSymbol(")", "')' after count(*")
            return Expression(.countStar, span: span(from: start))
        }
        if lower == "exists" && current.isSymbol("(") {
            let part = try parsePatternPart()
            try expectSymbol(")", "')' to close exists(")
            return Expression(.exists(part), span: span(from: start))
        }
        let distinct = acceptKeyword("DISTINCT")
        var arguments: [Expression] = []
        if !current.isSymbol(")") {
            repeat {
                let before = index
                arguments.append(try parseExpression())
                try checkProgress(since: before)
            } while acceptSymbol(",")
        }
        try expectSymbol(")", "',' or ')' in the arguments of \(name)(")
        return try checked(Expression(.call(name, distinct: distinct, arguments: arguments), span: span(from: start)))
    }
}
