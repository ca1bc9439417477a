import KGModel

/// The state one query run shares between its operators: the graph, parameters, the time budget,
/// per-query caches (edge properties, compiled regular expressions), counters behind the
/// end-of-run warnings, and the sub-pipelines of `exists(...)`.
final class ExecutionContext {
    let graph: Graph
    let adjacency: Adjacency
    let kernels: TraversalKernels
    let budget: Budget
    let parameters: [Value]
    /// Reads and hits per property key index (for "no element had this key").
    var keyReads: [Int]
    var keyHits: [Int]
    var edgePropertyCache: [Int: Properties] = [:]
    var regexCache: [String: Regex<AnyRegexOutput>] = [:]
    var warnings: [QueryWarning] = []
    var warned: Set<String> = []
    /// Sub-pipelines of `exists(...)`, by index.
    var existsChains: [(head: Operator, tap: ExistsTap)] = []

    init(graph: Graph, kernels: TraversalKernels, parameters: [Value], propertyKeyCount: Int) {
        self.graph = graph
        self.kernels = kernels
        self.adjacency = kernels.adjacency
        self.budget = kernels.budget
        self.parameters = parameters
        keyReads = [Int](repeating: 0, count: propertyKeyCount)
        keyHits = keyReads
    }

    @inline(__always)
    func tick() throws(QueryError) { try budget.tick() }

    func warn(_ message: String, key: String) {
        guard warned.insert(key).inserted else { return }
        warnings.append(QueryWarning(message))
    }

    // MARK: - Graph reads

    func nodeProperties(_ node: Int) throws(QueryError) -> Properties {
        do {
            return try graph.properties(ofNode: node)
        } catch {
            throw .graph("properties of node \(graph.id(of: node)): \(error)")
        }
    }

    func edgeProperties(_ edge: Int) throws(QueryError) -> Properties {
        if let cached = edgePropertyCache[edge] { return cached }
        do {
            let properties = try graph.properties(ofEdge: edge)
            if edgePropertyCache.count > 1 << 20 { edgePropertyCache.removeAll(keepingCapacity: true) }
            edgePropertyCache[edge] = properties
            return properties
        } catch {
            throw .graph("properties of edge #\(edge): \(error)")
        }
    }

    /// `value.key` (`keyIndex` counts the read): a node's `id` is its id string; dates have `year`,
    /// `month`, `day`; maps their entries; null gives null.
    func property(of value: Value, key: String, keyIndex: Int?) throws(QueryError) -> Value {
        switch value {
        case .null:
            return .null
        case .node(let node):
            if let keyIndex { keyReads[keyIndex] += 1 }
            if key == "id" {
                if let keyIndex { keyHits[keyIndex] += 1 }
                return .string(graph.id(of: node).rawValue)
            }
            guard let found = try nodeProperties(node)[key] else { return .null }
            if let keyIndex { keyHits[keyIndex] += 1 }
            return Value(found)
        case .relationship(let edge):
            if let keyIndex { keyReads[keyIndex] += 1 }
            guard let found = try edgeProperties(edge)[key] else { return .null }
            if let keyIndex { keyHits[keyIndex] += 1 }
            return Value(found)
        case .map(let map):
            return map[key] ?? .null
        case .date(let day):
            let (year, month, dayOfMonth) = day.components
            switch key {
            case "year": return .int(Int64(year))
            case "month": return .int(Int64(month))
            case "day": return .int(Int64(dayOfMonth))
            default: throw .typeMismatch("a date has no property `\(key)` (it has year, month, day)")
            }
        default:
            throw .typeMismatch("cannot read property `\(key)` of \(value.typeName)")
        }
    }

    /// Whether node `node` carries every label of `check`.
    @inline(__always)
    func passes(_ node: Int, _ check: NodeCheck) -> Bool {
        if check.impossible { return false }
        for label in check.labels where !graph.hasLabel(node, label: label) { return false }
        return true
    }

    /// Whether edge `edge` carries the evaluated property map.
    func edgeMatches(_ edge: Int, _ properties: [(String, Value)]) throws(QueryError) -> Bool {
        if properties.isEmpty { return true }
        let stored = try edgeProperties(edge)
        for (key, wanted) in properties {
            guard let found = stored[key], Value.equals(Value(found), wanted) == true else { return false }
        }
        return true
    }

    /// The source and target of edge `edge`.
    func endpoints(ofEdge edge: Int) -> (source: Int, target: Int) {
        (adjacency.source(ofEdge: edge), Int(adjacency.outTargets[edge]))
    }
}
