import KGModel

/// The scalar functions (see `Builtin`). Null in gives null out, except `coalesce` (in the evaluator).
extension ExecutionContext {
    func call(_ builtin: Builtin, _ arguments: [Value]) throws(QueryError) -> Value {
        let value = arguments[0]
        if value.isNull { return .null }
        func wrongType() -> QueryError {
            .invalidArgument(function: builtin.name, message: "does not take \(value.typeName) (\(ValueText.literal(value)))")
        }
        switch builtin {
        case .id:
            switch value {
            case .node(let node): return .string(graph.id(of: node).rawValue)
            case .relationship(let edge):
                let (source, target) = endpoints(ofEdge: edge)
                return .string("(\(graph.id(of: source)))-[:\(graph.typeName(adjacency.outTypes[edge]))]->(\(graph.id(of: target)))")
            default: throw wrongType()
            }
        case .labels:
            guard case .node(let node) = value else { throw wrongType() }
            return .list(graph.labelIDs(of: node).map { graph.labelName($0) }.sorted().map { .string($0) })
        case .type:
            guard case .relationship(let edge) = value else { throw wrongType() }
            return .string(graph.typeName(adjacency.outTypes[edge]))
        case .properties, .keys:
            let map: [String: Value]
            switch value {
            case .node(let node): map = try nodeProperties(node).mapValues(Value.init)
            case .relationship(let edge): map = try edgeProperties(edge).mapValues(Value.init)
            case .map(let entries): map = entries
            default: throw wrongType()
            }
            return builtin == .properties ? .map(map) : .list(map.keys.sorted().map { .string($0) })
        case .length:
            switch value {
            case .path(let path): return .int(Int64(path.length))
            case .list(let items): return .int(Int64(items.count))
            case .string(let text): return .int(Int64(text.count))
            default: throw wrongType()
            }
        case .size:
            switch value {
            case .list(let items): return .int(Int64(items.count))
            case .string(let text): return .int(Int64(text.count))
            case .map(let map): return .int(Int64(map.count))
            case .path(let path): return .int(Int64(path.length))
            default: throw wrongType()
            }
        case .nodes:
            guard case .path(let path) = value else { throw wrongType() }
            return .list(path.nodes.map { .node($0) })
        case .relationships:
            guard case .path(let path) = value else { throw wrongType() }
            return .list(path.relationships.map { .relationship($0) })
        case .startNode, .endNode:
            guard case .relationship(let edge) = value else { throw wrongType() }
            let (source, target) = endpoints(ofEdge: edge)
            return .node(builtin == .startNode ? source : target)
        case .coalesce:
            return value
        case .toLower, .toUpper, .trim:
            guard case .string(let text) = value else { throw wrongType() }
            switch builtin {
            case .toLower: return .string(text.lowercased())
            case .toUpper: return .string(text.uppercased())
            default: return .string(text.trimmingSpaces)
            }
        case .date:
            switch value {
            case .date: return value
            case .string(let text):
                guard let day = try? Day(iso: text) else {
                    throw .invalidArgument(function: "date", message: "'\(text)' is not a YYYY-MM-DD calendar date")
                }
                return .date(day)
            default: throw wrongType()
            }
        case .toString:
            switch value {
            case .list, .map, .node, .relationship, .path: throw wrongType()
            default: return .string(value.concatenationText ?? ValueText.literal(value))
            }
        case .toInteger:
            switch value {
            case .int: return value
            case .float(let d):
                guard d.isFinite, abs(d) < 9.2e18 else { return .null }
                return .int(Int64(d.rounded(.towardZero)))
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let text):
                let trimmed = text.trimmingSpaces
                if let i = Int64(trimmed) { return .int(i) }
                if let d = Double(trimmed), d.isFinite, abs(d) < 9.2e18 { return .int(Int64(d.rounded(.towardZero))) }
                return .null
            default: throw wrongType()
            }
        case .toFloat:
            switch value {
            case .int(let i): return .float(Double(i))
            case .float: return value
            case .string(let text): return Double(text.trimmingSpaces).map { .float($0) } ?? .null
            default: throw wrongType()
            }
        case .head, .last:
            guard case .list(let items) = value else { throw wrongType() }
            return (builtin == .head ? items.first : items.last) ?? .null
        case .abs:
            switch value {
            case .int(let i):
                guard i != Int64.min else { throw .typeMismatch("integer overflow in abs(\(i))") }
                return .int(Swift.abs(i))
            case .float(let d): return .float(Swift.abs(d))
            default: throw wrongType()
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
