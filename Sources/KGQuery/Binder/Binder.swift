import KGModel
import KGQuerySyntax

/// Resolves a parsed query against a graph: variables to row slots (checking that each is defined and
/// used as the right kind), labels and types to ids (unknown ones are warnings, and match nothing),
/// functions to builtins, parameters to indices, aggregates to result slots; splits WHERE into
/// conjuncts and decides where duplicates cannot matter. Errors are `QueryError`s with spans.
struct Binder {
    /// What a variable holds, as far as the binder can tell.
    enum VariableKind: Equatable {
        case node, relationship, relationshipList, path, value

        var described: String {
            switch self {
            case .node: return "a node"
            case .relationship: return "a relationship"
            case .relationshipList: return "a list of relationships (a variable-length relationship)"
            case .path: return "a path"
            case .value: return "a value"
            }
        }
    }

    let graph: Graph
    let parameterIndex: [String: Int]
    let parameterNames: [String]

    var slotNames: [String] = []
    var slotKinds: [VariableKind] = []
    /// Visible variables.
    var scope: [String: Int] = [:]
    var anonymousCount = 0
    var warnings: [QueryWarning] = []
    var warned: Set<String> = []
    var existsPatterns: [BoundPattern] = []
    var existsOuterSlots: [Set<Int>] = []
    var propertyKeys: [(name: String, span: SourceSpan)] = []
    var propertyKeyIndex: [String: Int] = [:]

    init(graph: Graph, parameterNames: [String]) {
        self.graph = graph
        self.parameterNames = parameterNames
        var index: [String: Int] = [:]
        for (i, name) in parameterNames.enumerated() { index[name] = i }
        self.parameterIndex = index
    }

    /// Binds `query`.
    static func bind(_ query: Query, graph: Graph, parameterNames: [String]) throws(QueryError) -> BoundQuery {
        var binder = Binder(graph: graph, parameterNames: parameterNames)
        return try binder.bind(query)
    }

    mutating func bind(_ query: Query) throws(QueryError) -> BoundQuery {
        var clauses: [BoundClause] = []
        var columns: [(name: String, slot: Int)] = []
        for clause in query.clauses {
            switch clause {
            case .match(let match):
                clauses.append(.match(try bindMatch(match)))
            case .unwind(let unwind):
                var context = ExpressionContext(place: "in UNWIND")
                let expression = try bind(unwind.expression, &context)
                guard scope[unwind.variable] == nil else { throw .variableRedefined(unwind.variable, at: unwind.span) }
                let slot = newSlot(unwind.variable, kind: .value)
                scope[unwind.variable] = slot
                clauses.append(.unwind(expression, slot: slot))
            case .with(let projection):
                clauses.append(.projection(try bindProjection(projection, isReturn: false)))
            case .return(let projection):
                let bound = try bindProjection(projection, isReturn: true)
                columns = Array(zip(bound.itemNames, bound.itemSlots)).map { (name: $0.0, slot: $0.1) }
                clauses.append(.projection(bound))
            }
        }
        // Rows from a MATCH reach the next projection; when that ignores duplicates, so may the MATCH.
        var insensitive = false
        for index in clauses.indices.reversed() {
            switch clauses[index] {
            case .projection(let projection): insensitive = projection.duplicateInsensitive
            case .match(var pattern):
                pattern.duplicateInsensitive = insensitive
                clauses[index] = .match(pattern)
            case .unwind: break
            }
        }
        return BoundQuery(clauses: clauses, slotNames: slotNames, parameterNames: parameterNames,
                          existsPatterns: existsPatterns, existsOuterSlots: existsOuterSlots, columns: columns,
                          warnings: warnings, propertyKeys: propertyKeys)
    }

    // MARK: - Slots and warnings

    mutating func newSlot(_ name: String, kind: VariableKind) -> Int {
        slotNames.append(name)
        slotKinds.append(kind)
        return slotNames.count - 1
    }

    /// A slot for an anonymous node or relationship, or an internal value (named `#n`).
    mutating func newAnonymousSlot(kind: VariableKind) -> Int {
        anonymousCount += 1
        return newSlot("#\(anonymousCount)", kind: kind)
    }

    mutating func warn(_ message: String, at span: SourceSpan?, once key: String) {
        guard warned.insert(key).inserted else { return }
        warnings.append(QueryWarning(message, at: span))
    }

    /// Resolves label names; unknown ones are warned about and make the result nil.
    mutating func resolveLabels(_ names: [String], at span: SourceSpan) -> [UInt16]? {
        var ids: [UInt16] = []
        var unknown = false
        for name in names {
            if let id = graph.labelNames.id(of: name) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                unknown = true
                let suggestion = Suggest.closest(to: name, among: graph.labelNames.names)
                warn("unknown label :\(name): no node in the graph has it, so this matches nothing"
                        + (suggestion.map { " (did you mean :\($0)?)" } ?? ""), at: span, once: "label:" + name)
            }
        }
        return unknown ? nil : ids
    }

    /// Resolves type names; unknown ones are warned about and dropped. Nil means any type; an empty
    /// list means every named type is unknown.
    mutating func resolveTypes(_ names: [String], at span: SourceSpan) -> [UInt16]? {
        if names.isEmpty { return nil }
        var ids: [UInt16] = []
        for name in names {
            if let id = graph.typeNames.id(of: name) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                let suggestion = Suggest.closest(to: name, among: graph.typeNames.names)
                warn("unknown relationship type :\(name): no edge in the graph has it, so it matches nothing"
                        + (suggestion.map { " (did you mean :\($0)?)" } ?? ""), at: span, once: "type:" + name)
            }
        }
        return ids.sorted()
    }

    mutating func keyIndex(_ key: String, at span: SourceSpan) -> Int {
        if let index = propertyKeyIndex[key] { return index }
        propertyKeys.append((key, span))
        propertyKeyIndex[key] = propertyKeys.count - 1
        return propertyKeys.count - 1
    }
}
