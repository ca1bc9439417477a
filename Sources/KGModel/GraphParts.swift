/// Every array of a `Graph`, exposed so the store can save a snapshot and restore from one
/// without replaying the log.
public struct GraphParts: Sendable {
    public var ids: NodeIDTable
    public var labelNames: [String]
    public var typeNames: [String]
    public var labelBits: [UInt64]
    public var labelMore: [UInt32: [UInt16]]
    public var nodeRefs: FactRefs
    public var liveDegree: [UInt32]
    public var adjacency: Adjacency
    public var edgeRefs: FactRefs
    public var transactions: [TransactionInfo]

    public init(ids: NodeIDTable, labelNames: [String], typeNames: [String], labelBits: [UInt64],
                labelMore: [UInt32: [UInt16]], nodeRefs: FactRefs, liveDegree: [UInt32], adjacency: Adjacency,
                edgeRefs: FactRefs, transactions: [TransactionInfo]) {
        self.ids = ids
        self.labelNames = labelNames
        self.typeNames = typeNames
        self.labelBits = labelBits
        self.labelMore = labelMore
        self.nodeRefs = nodeRefs
        self.liveDegree = liveDegree
        self.adjacency = adjacency
        self.edgeRefs = edgeRefs
        self.transactions = transactions
    }
}

extension Graph {
    /// The graph's arrays (compacted first).
    public func parts() -> GraphParts {
        let adjacency = self.adjacency
        return GraphParts(
            ids: ids, labelNames: labelNames.names, typeNames: typeNames.names, labelBits: labelBits,
            labelMore: labelMore, nodeRefs: nodeRefs, liveDegree: liveDegree, adjacency: adjacency,
            edgeRefs: edgeRefs, transactions: transactions)
    }

    /// A graph restored from saved arrays; throws `GraphError.invariantViolated` when they disagree in a
    /// way that could make a later read or retraction trap, loop or answer wrongly (linear-time checks,
    /// `GraphParts.structuralProblem()`; `checkInvariants()` adds the id lookups).
    public convenience init(loader: FactLoader, parts: GraphParts) throws {
        self.init(loader: loader)
        let nodes = parts.ids.count
        guard parts.labelBits.count == nodes, parts.nodeRefs.count == nodes, parts.liveDegree.count == nodes,
              parts.adjacency.nodeCount == nodes, parts.edgeRefs.count == parts.adjacency.edgeCount,
              parts.labelNames.count <= Int(UInt16.max), parts.typeNames.count <= Int(UInt16.max)
        else { throw GraphError.invariantViolated("saved arrays disagree on the number of nodes or edges") }
        let typeCount = UInt16(parts.typeNames.count)
        guard parts.adjacency.outTypes.allSatisfy({ $0 < typeCount }),
              parts.adjacency.outTargets.allSatisfy({ Int($0) < nodes }),
              parts.adjacency.inSources.allSatisfy({ Int($0) < nodes }),
              parts.adjacency.inEdges.allSatisfy({ Int($0) < parts.adjacency.edgeCount })
        else { throw GraphError.invariantViolated("saved adjacency refers to nodes, edges or types that do not exist") }
        if let problem = parts.structuralProblem() { throw GraphError.invariantViolated("saved arrays: " + problem) }
        ids = parts.ids
        labelNames = try SymbolTable(names: parts.labelNames, kind: "labels")
        typeNames = try SymbolTable(names: parts.typeNames, kind: "relationship types")
        labelBits = parts.labelBits
        labelMore = parts.labelMore
        nodeRefs = parts.nodeRefs
        liveDegree = parts.liveDegree
        compacted = parts.adjacency
        edgeRefs = parts.edgeRefs
        transactions = parts.transactions
    }
}

extension GraphParts {
    /// The first way the arrays contradict each other, or nil: names that repeat, label ids beyond the
    /// names, adjacency entries out of order or disagreeing between directions, live degrees that are not
    /// the edge counts, edges without facts, inverted transaction ranges. O(nodes + edges), no hashing of
    /// ids; what `Graph.checkInvariants()` checks, except that every id looks up to its own index.
    public func structuralProblem() -> String? {
        let nodes = ids.count, a = adjacency, edges = a.edgeCount
        guard labelBits.count == nodes, liveDegree.count == nodes, nodeRefs.count == nodes, a.nodeCount == nodes,
              edgeRefs.count == edges else { return "arrays disagree on the number of nodes or edges" }
        if Set(labelNames).count != labelNames.count || Set(typeNames).count != typeNames.count { return "label or type names repeat" }
        let labelCount = labelNames.count, typeCount = typeNames.count
        let bitsInUse: UInt64 = labelCount >= 64 ? .max : (1 << UInt64(labelCount)) - 1
        if labelBits.contains(where: { $0 & ~bitsInUse != 0 }) { return "a node has a label id beyond the \(labelCount) label names" }
        for (node, labels) in labelMore where Int(node) >= nodes || labels.contains(where: { $0 < 64 || Int($0) >= labelCount }) {
            return "labels of node \(node) beyond the bit set are not label ids 64..<\(labelCount)"
        }
        var degree = [UInt32](repeating: 0, count: nodes)
        for source in 0..<nodes {
            var previous: (UInt16, UInt32)?
            for edge in a.outRange(source) {
                let key = (a.outTypes[edge], a.outTargets[edge])
                guard Int(key.0) < typeCount, Int(key.1) < nodes else { return "edge \(edge) names a missing type or node" }
                if let previous, !(previous < key) { return "out-entries of node \(source) not strictly sorted" }
                guard !edgeRefs.isEmpty(edge) else { return "edge \(edge) has no facts" }
                previous = key
                degree[source] &+= 1
                degree[Int(key.1)] &+= 1
            }
        }
        if let node = (0..<nodes).first(where: { degree[$0] != liveDegree[$0] }) {
            return "node \(node) has live degree \(liveDegree[node]) but \(degree[node]) edges"
        }
        if let node = (0..<nodes).first(where: { liveDegree[$0] == 0 && nodeRefs.isEmpty($0) && (labelBits[$0] != 0 || labelMore[UInt32($0)] != nil) }) {
            return "deleted node \(node) keeps labels"
        }
        var listed = [Bool](repeating: false, count: edges)
        for target in 0..<nodes {
            var previous: (UInt16, UInt32)?
            for entry in a.inRange(target) {
                let edge = Int(a.inEdges[entry]), source = Int(a.inSources[entry])
                guard edge < edges, source < nodes, !listed[edge], Int(a.outTargets[edge]) == target,
                      a.outRange(source).contains(edge), a.inTypes[entry] == a.outTypes[edge]
                else { return "in-entry \(entry) of node \(target) disagrees with the out-edges" }
                listed[edge] = true
                let key = (a.inTypes[entry], a.inSources[entry])
                if let previous, !(previous < key) { return "in-entries of node \(target) not strictly sorted" }
                previous = key
            }
        }
        if let transaction = transactions.first(where: { $0.firstRef > $0.endRef }) {
            return "transaction \(transaction.sequence) has an inverted fact range"
        }
        return nil
    }
}
