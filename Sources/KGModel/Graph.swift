/// The graph in memory: interned node ids, labels, CSR adjacency, and references to the stored facts
/// behind every node and edge (properties and provenance are decoded on demand through `loader`).
///
/// Nodes and edges are addressed by dense indices (`Int`). A node exists while a fact asserts it or a
/// live edge touches it; an edge exists while at least one fact asserts it. Mutations (`apply`) come
/// from the store's replay or writer; the adjacency is re-compacted lazily on the next read.
/// Not thread-safe: one graph per thread.
public final class Graph {
    /// Where facts are loaded from.
    public let loader: FactLoader

    /// Interned node ids; index = node index.
    public internal(set) var ids = NodeIDTable()
    /// Label names and ids.
    public internal(set) var labelNames = SymbolTable()
    /// Edge type names and ids.
    public internal(set) var typeNames = SymbolTable()

    /// Label ids below 64 of each node, as bits.
    @usableFromInline var labelBits: [UInt64] = []
    /// Label ids 64 and above, for the nodes that have them.
    @usableFromInline var labelMore: [UInt32: [UInt16]] = [:]
    /// Facts asserting each node.
    @usableFromInline var nodeRefs = FactRefs()
    /// Live edges touching each node (a self-loop counts twice).
    @usableFromInline var liveDegree: [UInt32] = []

    /// The compacted adjacency (may lag behind `pending` and `deadEdges` until `compact()`).
    var compacted = Adjacency()
    /// Facts asserting each compacted edge.
    var edgeRefs = FactRefs()
    /// Compacted edges whose facts were all retracted; dropped at the next compaction.
    var deadEdges: Set<UInt32> = []
    /// Edges added since the last compaction.
    var pending = PendingEdges()

    /// Committed transactions, in order.
    public internal(set) var transactions: [TransactionInfo] = []
    /// The transaction being applied, if any.
    var openTransaction: TransactionInfo?

    var labelIndexCache: [[UInt32]]?
    var nodePropertyCache: [Int: Properties] = [:]

    /// An empty graph whose facts live in `loader`.
    public init(loader: FactLoader) {
        self.loader = loader
    }

    // MARK: - Nodes

    /// Number of node slots, including nodes that no longer exist (see `isAlive`).
    public var nodeCount: Int { ids.count }

    /// Whether node `node` exists: asserted by a fact or touched by a live edge.
    @inlinable public func isAlive(_ node: Int) -> Bool {
        !nodeRefs.isEmpty(node) || liveDegree[node] > 0
    }

    /// Number of existing nodes.
    public var liveNodeCount: Int {
        var count = 0
        for node in 0..<nodeCount where isAlive(node) { count += 1 }
        return count
    }

    /// The index of the existing node with id `id`, or nil.
    public func index(of id: String) -> Int? {
        guard let node = ids.index(of: id), isAlive(node) else { return nil }
        return node
    }

    /// The id of node `node`.
    public func id(of node: Int) -> NodeID { ids.id(at: node) }

    /// Whether node `node` carries label id `label`.
    @inlinable public func hasLabel(_ node: Int, label: UInt16) -> Bool {
        if label < 64 { return labelBits[node] & (1 << UInt64(label)) != 0 }
        return labelMore[UInt32(node)]?.contains(label) ?? false
    }

    /// Label ids of node `node`, ascending.
    public func labelIDs(of node: Int) -> [UInt16] {
        var result: [UInt16] = []
        var bits = labelBits[node]
        while bits != 0 {
            let bit = bits.trailingZeroBitCount
            result.append(UInt16(bit))
            bits &= bits - 1
        }
        if let more = labelMore[UInt32(node)] { result += more.sorted() }
        return result
    }

    /// Labels of node `node`, sorted by name.
    public func labels(of node: Int) -> [Label] {
        labelIDs(of: node).map { Label(known: labelNames[$0]) }.sorted()
    }

    /// Existing nodes carrying label id `label`, ascending (index built once, kept until a change).
    public func nodes(withLabel label: UInt16) -> [UInt32] {
        if labelIndexCache == nil {
            var index = [[UInt32]](repeating: [], count: labelNames.count)
            for node in 0..<nodeCount where isAlive(node) {
                for label in labelIDs(of: node) { index[Int(label)].append(UInt32(node)) }
            }
            labelIndexCache = index
        }
        let index = labelIndexCache!
        return Int(label) < index.count ? index[Int(label)] : []
    }

    /// References of the facts asserting node `node`.
    public func factRefs(ofNode node: Int) -> [FactRef] { nodeRefs.refs(node) }

    /// The facts asserting node `node`, in log order.
    ///
    /// Each record read must be a fact about this node: a record of another node (a file rewritten
    /// under the reader) is an error, never served as this node's.
    public func facts(ofNode node: Int) throws -> [NodeFact] {
        let expected = id(of: node)
        return try nodeRefs.refs(node).map { ref in
            guard case .node(let fact) = try loader.loadFact(at: ref) else {
                throw loader.mismatch(at: ref, expected: "a node fact of \(expected)")
            }
            guard fact.id == expected else {
                throw loader.mismatch(at: ref, expected: "a node fact of \(expected), not of \(fact.id)")
            }
            return fact
        }
    }

    /// Properties of node `node`: its facts' properties merged in log order (later wins). Cached.
    public func properties(ofNode node: Int) throws -> Properties {
        if let cached = nodePropertyCache[node] { return cached }
        var merged: Properties = [:]
        for fact in try facts(ofNode: node) {
            merged.merge(fact.properties) { _, new in new }
        }
        if nodePropertyCache.count > 1 << 20 { nodePropertyCache.removeAll(keepingCapacity: true) }
        nodePropertyCache[node] = merged
        return merged
    }

    /// Node `node` as one merged fact: id, labels, properties and all provenance.
    public func node(_ node: Int) throws -> NodeFact {
        let facts = try facts(ofNode: node)
        var merged = NodeFact(id: id(of: node), labels: labels(of: node))
        for fact in facts {
            merged.properties.merge(fact.properties) { _, new in new }
            merged.provenance += fact.provenance
        }
        return merged
    }

    // MARK: - Edges

    /// The traversal structure, compacted first if the graph changed since the last read.
    public var adjacency: Adjacency {
        if needsCompaction { compact() }
        return compacted
    }

    /// Number of existing edges.
    public var edgeCount: Int { adjacency.edgeCount }

    /// The type id of edge `edge`.
    public func type(ofEdge edge: Int) -> UInt16 { adjacency.outTypes[edge] }

    /// The target node of edge `edge`.
    public func target(ofEdge edge: Int) -> Int { Int(adjacency.outTargets[edge]) }

    /// The source node of edge `edge` (binary search).
    public func source(ofEdge edge: Int) -> Int { adjacency.source(ofEdge: edge) }

    /// The edge `source -[type]-> target`, or nil.
    public func edge(from source: Int, type: UInt16, to target: Int) -> Int? {
        adjacency.edge(from: source, type: type, to: target)
    }

    /// References of the facts asserting edge `edge`.
    public func factRefs(ofEdge edge: Int) -> [FactRef] {
        _ = adjacency
        return edgeRefs.refs(edge)
    }

    /// The facts asserting edge `edge`, in log order.
    ///
    /// Each record read must assert this edge (same ends and type), as for nodes.
    public func facts(ofEdge edge: Int) throws -> [EdgeFact] {
        let adjacency = self.adjacency
        let from = id(of: adjacency.source(ofEdge: edge)), to = id(of: Int(adjacency.outTargets[edge]))
        let type = typeNames[adjacency.outTypes[edge]]
        return try factRefs(ofEdge: edge).map { ref in
            guard case .edge(let fact) = try loader.loadFact(at: ref) else {
                throw loader.mismatch(at: ref, expected: "an edge fact")
            }
            guard fact.from == from, fact.to == to, fact.type.name == type else {
                throw loader.mismatch(at: ref, expected: "the edge \(from) -[\(type)]-> \(to), not \(fact.from) -[\(fact.type.name)]-> \(fact.to)")
            }
            return fact
        }
    }

    /// Edge `edge` as one merged fact: properties merged in log order, provenance of every source.
    public func edge(_ edge: Int) throws -> EdgeFact {
        let facts = try facts(ofEdge: edge)
        let adjacency = self.adjacency
        var merged = EdgeFact(
            from: id(of: adjacency.source(ofEdge: edge)), type: EdgeType(known: typeNames[adjacency.outTypes[edge]]),
            to: id(of: Int(adjacency.outTargets[edge])))
        for fact in facts {
            merged.properties.merge(fact.properties) { _, new in new }
            merged.provenance += fact.provenance
        }
        return merged
    }

    /// Properties of edge `edge`.
    public func properties(ofEdge edge: Int) throws -> Properties { try self.edge(edge).properties }

    /// The name of edge type id `type`.
    public func typeName(_ type: UInt16) -> String { typeNames[type] }

    /// The name of label id `label`.
    public func labelName(_ label: UInt16) -> String { labelNames[label] }

    /// The last committed sequence number, 0 for an empty graph.
    public var lastSequence: UInt64 { transactions.last?.sequence ?? 0 }
}
