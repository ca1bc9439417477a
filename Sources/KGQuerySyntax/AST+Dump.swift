/// Printing a tree back as canonical query text: one line, keywords in upper case, every operator
/// application in parentheses, names quoted only when they must be. Parsing the text gives an equal
/// tree (the round trip the parser tests check), so the dump is also a readable AST dump.

extension Query: CustomStringConvertible {
    public var description: String { clauses.map(\.description).joined(separator: " ") }
}

extension Clause: CustomStringConvertible {
    public var description: String {
        switch self {
        case .match(let match):
            var text = (match.optional ? "OPTIONAL MATCH " : "MATCH ") + match.patterns.map(\.description).joined(separator: ", ")
            if let predicate = match.predicate { text += " WHERE " + predicate.description }
            return text
        case .unwind(let unwind):
            return "UNWIND \(unwind.expression) AS \(Dump.variable(unwind.variable))"
        case .with(let projection): return "WITH " + projection.body
        case .return(let projection): return "RETURN " + projection.body
        }
    }
}

extension ProjectionClause {
    /// The text after WITH or RETURN.
    public var body: String {
        var parts: [String] = []
        if star { parts.append("*") }
        for item in items {
            parts.append(item.expression.description + (item.alias.map { " AS " + Dump.variable($0) } ?? ""))
        }
        var text = (distinct ? "DISTINCT " : "") + parts.joined(separator: ", ")
        if !orderBy.isEmpty {
            text += " ORDER BY " + orderBy.map { $0.expression.description + ($0.descending ? " DESC" : "") }.joined(separator: ", ")
        }
        if let skip { text += " SKIP \(skip)" }
        if let limit { text += " LIMIT \(limit)" }
        if let predicate { text += " WHERE \(predicate)" }
        return text
    }
}

extension PatternPart: CustomStringConvertible {
    public var description: String {
        let prefix = variable.map { Dump.variable($0) + " = " } ?? ""
        switch selector {
        case .all: return prefix + path.description
        case .shortest, .allShortest: return prefix + selector.rawValue + "(" + path.description + ")"
        }
    }
}

extension PathPattern: CustomStringConvertible {
    public var description: String {
        start.description + steps.map { $0.relationship.description + $0.node.description }.joined()
    }
}

extension NodePattern: CustomStringConvertible {
    public var description: String {
        var text = "(" + (variable.map(Dump.variable) ?? "")
        for label in labels { text += ":" + Dump.name(label) }
        if !properties.isEmpty { text += (variable == nil && labels.isEmpty ? "" : " ") + Dump.map(properties) }
        return text + ")"
    }
}

extension RelationshipPattern: CustomStringConvertible {
    public var description: String {
        var inner = variable.map(Dump.variable) ?? ""
        if !types.isEmpty { inner += ":" + types.map(Dump.name).joined(separator: "|") }
        if let length {
            inner += "*"
            switch (length.min, length.max) {
            case (nil, nil): break
            case (let low?, let high?) where low == high: inner += "\(low)"
            case (let low, let high): inner += (low.map(String.init) ?? "") + ".." + (high.map(String.init) ?? "")
            }
        }
        if !properties.isEmpty { inner += (inner.isEmpty ? "" : " ") + Dump.map(properties) }
        switch direction {
        case .outgoing: return "-[" + inner + "]->"
        case .incoming: return "<-[" + inner + "]-"
        case .either: return "-[" + inner + "]-"
        }
    }
}

extension Expression: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .null: return "NULL"
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .integer(let value): return String(value)
        case .float(let value): return Dump.float(value)
        case .string(let value): return Dump.string(value)
        case .parameter(let name): return "$" + (name.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } ? name : Dump.name(name))
        case .variable(let name): return Dump.variable(name)
        case .property(let base, let key): return base.description + "." + Dump.name(key)
        case .subscripted(let base, let index): return base.description + "[" + index.description + "]"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): return Dump.map(entries)
        case .unary(.not, let operand): return "(NOT " + operand.description + ")"
        case .unary(let op, let operand): return "(" + op.rawValue + "(" + operand.description + "))"
        case .binary(let op, let left, let right): return "(" + left.description + " " + op.rawValue + " " + right.description + ")"
        case .isNull(let operand, let negated): return "(" + operand.description + (negated ? " IS NOT NULL)" : " IS NULL)")
        case .hasLabels(let operand, let labels): return "(" + operand.description + labels.map { ":" + Dump.name($0) }.joined() + ")"
        case .call(let name, let distinct, let arguments):
            return Dump.name(name) + "(" + (distinct ? "DISTINCT " : "") + arguments.map(\.description).joined(separator: ", ") + ")"
        case .countStar: return "count(*)"
        case .exists(let part): return "exists(" + part.description + ")"
        case .listComprehension(let variable, let list, let predicate, let projection):
            return "[" + Dump.variable(variable) + " IN " + list.description + (predicate.map { " WHERE " + $0.description } ?? "")
                + (projection.map { " | " + $0.description } ?? "") + "]"
        }
    }
}

/// Quoting helpers for the dump.
enum Dump {
    /// A name as written unquoted when it is a plain name, else in backticks.
    static func name(_ text: String) -> String {
        var plain = !text.isEmpty
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let isLetter = scalar == "_" || (scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic)
            let isDigit = ("0"..."9").contains(scalar)
            if !(isLetter || (isDigit && index > 0)) { plain = false; break }
        }
        return plain ? text : "`" + text.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    /// A variable: also quoted when it is a reserved word.
    static func variable(_ text: String) -> String {
        Keywords.isReserved(text) ? "`" + text + "`" : name(text)
    }

    static func map(_ entries: [MapEntry]) -> String {
        "{" + entries.map { name($0.key) + ": " + $0.value.description }.joined(separator: ", ") + "}"
    }

    static func string(_ value: String) -> String {
        var text = "'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "'": text += "\\'"
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "'"
    }

    /// A float that reads back as the same value and as a float (`1.0`, `1e-05`).
    static func float(_ value: Double) -> String {
        let text = "\(value)"
        if text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }
}
