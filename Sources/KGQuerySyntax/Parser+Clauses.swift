/// Clauses: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN and their projection bodies.
extension Parser {
    static let clauseStart = "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)"

    /// query = clause { clause } [ ";" ] ; the last clause is RETURN, and only the last.
    mutating func parseQuery() throws(SyntaxError) -> Query {
        var clauses: [Clause] = []
        while !atEnd && !current.isSymbol(";") {
            let before = index
            if case .return = clauses.last {
                throw unexpected(expected: "the end of the query after RETURN")
            }
            clauses.append(try parseClause())
            try checkProgress(since: before)
        }
        if clauses.isEmpty { throw unexpected(expected: Parser.clauseStart) }
        guard case .return = clauses.last else {
            throw unexpected(expected: "\(Parser.clauseStart); a query ends with RETURN")
        }
        _ = acceptSymbol(";")
        guard atEnd else { throw unexpected(expected: "the end of the query") }
        return Query(clauses: clauses)
    }

    mutating func parseClause() throws(SyntaxError) -> Clause {
        let start = current.span
        if acceptKeyword("OPTIONAL") {
            try expectKeyword("MATCH", "MATCH after OPTIONAL")
            return .match(try parseMatch(optional: true, start: start))
        }
        if acceptKeyword("MATCH") { return .match(try parseMatch(optional: false, start: start)) }
        if acceptKeyword("UNWIND") {
            let expression = try parseExpression()
            try expectKeyword("AS", "AS after the UNWIND expression")
            let variable = try parseVariable()
            return .unwind(UnwindClause(expression: expression, variable: variable, span: span(from: start)))
        }
        if acceptKeyword("WITH") { return .with(try parseProjection(isWith: true, start: start)) }
        if acceptKeyword("RETURN") { return .return(try parseProjection(isWith: false, start: start)) }
        throw unexpected(expected: Parser.clauseStart)
    }

    mutating func parseMatch(optional: Bool, start: SourceSpan) throws(SyntaxError) -> MatchClause {
        var patterns = [try parsePatternPart()]
        while acceptSymbol(",") {
            let before = index
            patterns.append(try parsePatternPart())
            try checkProgress(since: before)
        }
        var predicate: Expression?
        if acceptKeyword("WHERE") { predicate = try parseExpression() }
        return MatchClause(optional: optional, patterns: patterns, predicate: predicate, span: span(from: start))
    }

    /// projection = [ DISTINCT ] ( "*" [ "," items ] | items ) [ ORDER BY sortItems ] [ SKIP e ] [ LIMIT e ]
    ///              and for WITH [ WHERE e ].
    mutating func parseProjection(isWith: Bool, start: SourceSpan) throws(SyntaxError) -> ProjectionClause {
        let distinct = acceptKeyword("DISTINCT")
        var star = false
        var items: [ProjectionItem] = []
        if acceptSymbol("*") {
            star = true
            if acceptSymbol(",") { items = try parseProjectionItems() }
        } else {
            items = try parseProjectionItems()
        }
        var orderBy: [SortItem] = []
        if acceptKeyword("ORDER") {
            try expectKeyword("BY", "BY after ORDER")
            repeat {
                let before = index
                let expression = try parseExpression()
                var descending = false
                if acceptKeyword("DESC") || acceptKeyword("DESCENDING") {
                    descending = true
                } else if acceptKeyword("ASC") || acceptKeyword("ASCENDING") {
                    descending = false
                }
                orderBy.append(SortItem(expression: expression, descending: descending))
                try checkProgress(since: before)
            } while acceptSymbol(",")
        }
        var skip: Expression?, limit: Expression?
        if acceptKeyword("SKIP") { skip = try parseExpression() }
        if acceptKeyword("LIMIT") { limit = try parseExpression() }
        var predicate: Expression?
        if isWith && acceptKeyword("WHERE") { predicate = try parseExpression() }
        return ProjectionClause(distinct: distinct, star: star, items: items, orderBy: orderBy, skip: skip,
                                limit: limit, predicate: predicate, span: span(from: start))
    }

    mutating func parseProjectionItems() throws(SyntaxError) -> [ProjectionItem] {
        var items: [ProjectionItem] = []
        repeat {
            let before = index
            let start = current.span
            if atEnd || Parser.isClauseKeyword(current) {
                throw unexpected(expected: "an expression to project")
            }
            let expression = try parseExpression()
            let text = self.text(of: span(from: start))
            var alias: String?
            if acceptKeyword("AS") { alias = try parseVariable("a name after AS") }
            items.append(ProjectionItem(expression: expression, alias: alias, text: text))
            try checkProgress(since: before)
        } while acceptSymbol(",")
        return items
    }

    static func isClauseKeyword(_ token: Token) -> Bool {
        ["MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "ORDER", "SKIP", "LIMIT", "WHERE"].contains { token.isKeyword($0) }
    }
}
