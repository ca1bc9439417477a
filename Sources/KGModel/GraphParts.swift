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

    /// A graph restored from saved arrays; throws `GraphError.invariantViolated` when their sizes
    /// disagree (cheap checks only: run `checkInvariants()` for the full ones).
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
