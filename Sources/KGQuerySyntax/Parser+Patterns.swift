/// Patterns: path parts, node patterns, relationship patterns, hop ranges and property maps.
extension Parser {
    /// part = [ variable "=" ] ( ( "shortestPath" | "allShortestPaths" ) "(" path ")" | path ).
    mutating func parsePatternPart() throws(SyntaxError) -> PatternPart {
        let start = current.span
        var variable: String?
        if atVariable && peek(1).isSymbol("=") {
            variable = advance().text
            advance()
        }
        if case .identifier = current.kind, peek(1).isSymbol("(") {
            let name = current.text.lowercased()
            let selector: PatternPart.Selector? =
                name == "shortestpath" ? .shortest : name == "allshortestpaths" ? .allShortest : nil
            if let selector {
                advance()
                advance()
                try enter()
                defer { leave() }
                let path = try parsePath()
                try expectSymbol(")", "')' to close \(selector.rawValue)(")
                return PatternPart(variable: variable, selector: selector, path: path, span: span(from: start))
            }
        }
        let path = try parsePath()
        return PatternPart(variable: variable, selector: .all, path: path, span: span(from: start))
    }

    /// path = node { relationship node }.
    mutating func parsePath() throws(SyntaxError) -> PathPattern {
        let start = try parseNode()
        var steps: [PatternStep] = []
        while current.isSymbol("-") || current.isSymbol("<") {
            let before = index
            let relationship = try parseRelationship()
            let node = try parseNode()
            steps.append(PatternStep(relationship: relationship, node: node))
            try checkProgress(since: before)
        }
        return PathPattern(start: start, steps: steps)
    }

    /// node = "(" [ variable ] { ":" label } [ properties ] ")".
    mutating func parseNode() throws(SyntaxError) -> NodePattern {
        let start = current.span
        try expectSymbol("(", "a node pattern '('")
        var variable: String?
        if atVariable { variable = advance().text }
        var labels: [String] = []
        while acceptSymbol(":") {
            let before = index
            labels.append(try parseSymbolicName("a label name after ':'"))
            try checkProgress(since: before)
        }
        var properties: [MapEntry] = []
        if current.isSymbol("{") { properties = try parseMapEntries() }
        guard current.isSymbol(")") else {
            let expected = variable == nil && labels.isEmpty && properties.isEmpty
                ? "a variable, ':' and a label, '{' or ')' in the node pattern"
                : properties.isEmpty ? "':' and a label, '{' or ')' in the node pattern" : "')' to close the node pattern"
            throw unexpected(expected: expected)
        }
        advance()
        return NodePattern(variable: variable, labels: labels, properties: properties, span: span(from: start))
    }

    /// relationship = ( "<-" | "-" ) [ "[" detail "]" ] ( "->" | "-" ); both arrows are an error.
    mutating func parseRelationship() throws(SyntaxError) -> RelationshipPattern {
        let start = current.span
        let pointsLeft = acceptSymbol("<")
        try expectSymbol("-", pointsLeft ? "'-' after '<' in a relationship pattern" : "'-' to start a relationship pattern")
        var variable: String?
        var types: [String] = []
        var length: LengthRange?
        var properties: [MapEntry] = []
        if acceptSymbol("[") {
            if atVariable { variable = advance().text }
            if acceptSymbol(":") {
                types.append(try parseSymbolicName("a relationship type after ':'"))
                while acceptSymbol("|") {
                    let before = index
                    _ = acceptSymbol(":")
                    types.append(try parseSymbolicName("a relationship type after '|'"))
                    try checkProgress(since: before)
                }
            }
            if current.isSymbol("*") { length = try parseRange() }
            if current.isSymbol("{") { properties = try parseMapEntries() }
            try expectSymbol("]", "']' to close the relationship pattern (or ':' and a type, '*', '{')")
        }
        try expectSymbol("-", "'-' to continue the relationship pattern")
        let pointsRight = acceptSymbol(">")
        if pointsLeft && pointsRight {
            throw .invalid("a relationship pattern cannot point both ways; write -[...]- to match either direction",
                           at: span(from: start))
        }
        let direction: PatternDirection = pointsRight ? .outgoing : pointsLeft ? .incoming : .either
        return RelationshipPattern(variable: variable, types: types, direction: direction, length: length,
                                   properties: properties, span: span(from: start))
    }

    /// range = "*" [ int ] [ ".." [ int ] ].
    mutating func parseRange() throws(SyntaxError) -> LengthRange {
        let start = current.span
        try expectSymbol("*")
        var range = LengthRange(min: nil, max: nil)
        if case .integer(let low) = current.kind {
            advance()
            range.min = try hopCount(low, at: previous.span)
            if acceptSymbol("..") {
                if case .integer(let high) = current.kind {
                    advance()
                    range.max = try hopCount(high, at: previous.span)
                }
            } else {
                range.max = range.min
            }
        } else if acceptSymbol("..") {
            guard case .integer(let high) = current.kind else { throw unexpected(expected: "an upper bound after '*..'") }
            advance()
            range.max = try hopCount(high, at: previous.span)
        }
        if let low = range.min, let high = range.max, low > high {
            throw .invalid("the hop range *\(low)..\(high) is empty (the lower bound is above the upper bound)",
                           at: span(from: start))
        }
        return range
    }

    func hopCount(_ value: Int64, at span: SourceSpan) throws(SyntaxError) -> Int {
        guard value <= 1_000_000 else { throw .invalid("hop count \(value) is too large", at: span) }
        return Int(value)
    }

    /// map = "{" [ key ":" expression { "," key ":" expression } ] "}".
    mutating func parseMapEntries() throws(SyntaxError) -> [MapEntry] {
        try expectSymbol("{")
        var entries: [MapEntry] = []
        if acceptSymbol("}") { return entries }
        repeat {
            let before = index
            let key = try parseSymbolicName("a property name in the map")
            try expectSymbol(":", "':' after the property name \(Token.quote(key))")
            entries.append(MapEntry(key: key, value: try parseExpression()))
            try checkProgress(since: before)
        } while acceptSymbol(",")
        try expectSymbol("}", "',' or '}' in the map")
        return entries
    }
}
