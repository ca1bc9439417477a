/// Applying transactions to a graph: node and edge facts, and retractions of earlier facts.
extension Graph {
    /// Starts applying the transaction `info` (its `endRef` and counts may be provisional).
    public func beginTransaction(_ info: TransactionInfo) {
        openTransaction = info
    }

    /// Ends the open transaction and records `info` as committed.
    public func commitTransaction(_ info: TransactionInfo) {
        transactions.append(info)
        openTransaction = nil
    }

    /// Applies one record stored at `ref`. References must grow from call to call.
    public func apply(_ record: FactRecord, ref: FactRef) throws {
        switch record {
        case .node(let fact): try applyNode(fact, ref: ref)
        case .edge(let fact): try applyEdge(fact, ref: ref)
        case .retraction(let retraction): try applyRetraction(retraction, ref: ref)
        }
    }

    /// Throws `tooManyNames` when `batch` would bring more labels or relationship types than the graph
    /// can hold, so a writer can refuse it before writing anything.
    public func checkCapacity(for batch: GraphBatch) throws {
        var newLabels = Set<String>(), newTypes = Set<String>()
        for node in batch.nodes { for label in node.labels where labelNames.id(of: label.name) == nil { newLabels.insert(label.name) } }
        for edge in batch.edges where typeNames.id(of: edge.type.name) == nil { newTypes.insert(edge.type.name) }
        if labelNames.count + newLabels.count > SymbolTable.capacity {
            throw GraphError.tooManyNames(kind: "labels", limit: SymbolTable.capacity)
        }
        if typeNames.count + newTypes.count > SymbolTable.capacity {
            throw GraphError.tooManyNames(kind: "relationship types", limit: SymbolTable.capacity)
        }
    }

    /// The node index of `id`, adding an empty slot when new.
    func intern(_ id: NodeID) -> Int {
        let (index, added) = ids.intern(id.rawValue)
        if added {
            labelBits.append(0)
            nodeRefs.appendElement()
            liveDegree.append(0)
        }
        return index
    }

    func applyNode(_ fact: NodeFact, ref: FactRef) throws {
        let labels = try fact.labels.map { try labelNames.intern($0.name, kind: "labels") }
        let node = intern(fact.id)
        for label in labels { addLabel(label, to: node) }
        nodeRefs.append(ref, to: node)
        nodePropertyCache.removeValue(forKey: node)
        labelIndexCache = nil
    }

    func addLabel(_ label: UInt16, to node: Int) {
        if label < 64 {
            labelBits[node] |= 1 << UInt64(label)
        } else if !(labelMore[UInt32(node)]?.contains(label) ?? false) {
            labelMore[UInt32(node), default: []].append(label)
        }
    }

    func applyEdge(_ fact: EdgeFact, ref: FactRef) throws {
        let type = try typeNames.intern(fact.type.name, kind: "relationship types")
        let source = intern(fact.from)
        let target = intern(fact.to)
        let wasAlive = (isAlive(source), isAlive(target))
        if let edge = compacted.edge(from: source, type: type, to: target) {
            if deadEdges.remove(UInt32(edge)) != nil { addDegree(source, target, 1) }
            edgeRefs.append(ref, to: edge)
        } else if let edge = pending.find(source: source, type: type, target: target) {
            if pending.refs.isEmpty(edge) { addDegree(source, target, 1) }
            pending.refs.append(ref, to: edge)
        } else {
            pending.append(source: source, type: type, target: target, ref: ref)
            addDegree(source, target, 1)
        }
        if wasAlive != (isAlive(source), isAlive(target)) { labelIndexCache = nil }
    }

    func addDegree(_ source: Int, _ target: Int, _ delta: Int32) {
        liveDegree[source] = UInt32(Int32(liveDegree[source]) + delta)
        liveDegree[target] = UInt32(Int32(liveDegree[target]) + delta)
    }

    /// True when pending additions or retractions have not yet been folded into the adjacency.
    var needsCompaction: Bool { pending.count > 0 || !deadEdges.isEmpty || compacted.nodeCount < nodeCount }

    // MARK: - Retraction

    func applyRetraction(_ retraction: Retraction, ref: FactRef) throws {
        var changedNodes = Set<Int>()
        switch retraction {
        case .source(let source):
            let sequence = openTransaction?.sequence ?? 0
            var ranges: [Range<FactRef>] = []
            for index in transactions.indices
            where transactions[index].source == source && transactions[index].supersededBy == 0 {
                transactions[index].supersededBy = sequence
                ranges.append(transactions[index].firstRef..<transactions[index].endRef)
            }
            if ranges.isEmpty { return }
            let retracted: (FactRef) -> Bool = { candidate in
                candidate < ref && ranges.contains { $0.contains(candidate) }
            }
            for node in 0..<nodeCount where !nodeRefs.isEmpty(node) {
                if nodeRefs.remove(from: node, where: retracted) { changedNodes.insert(node) }
            }
            removeEdgeRefs(where: retracted, onlyTouching: nil)
        case .node(let id):
            guard let node = ids.index(of: id.rawValue) else { return }
            if nodeRefs.remove(from: node, where: { $0 < ref }) { changedNodes.insert(node) }
            removeEdgeRefs(where: { $0 < ref }, onlyTouching: node)
        case .edge(let key):
            guard let source = ids.index(of: key.from.rawValue), let target = ids.index(of: key.to.rawValue),
                  let type = typeNames.id(of: key.type.name) else { return }
            if let edge = compacted.edge(from: source, type: type, to: target), !deadEdges.contains(UInt32(edge)) {
                if edgeRefs.remove(from: edge, where: { $0 < ref }), edgeRefs.isEmpty(edge) {
                    deadEdges.insert(UInt32(edge))
                    addDegree(source, target, -1)
                }
            } else if let edge = pending.find(source: source, type: type, target: target), !pending.refs.isEmpty(edge) {
                if pending.refs.remove(from: edge, where: { $0 < ref }), pending.refs.isEmpty(edge) {
                    addDegree(source, target, -1)
                }
            }
        }
        for node in changedNodes { try recomputeLabels(of: node) }
        nodePropertyCache.removeAll()
        labelIndexCache = nil
    }

    /// Removes edge references picked by `shouldRemove`, from all edges or those touching `node`;
    /// edges left without references die.
    func removeEdgeRefs(where shouldRemove: (FactRef) -> Bool, onlyTouching node: Int?) {
        let adjacency = compacted
        func visitCompacted(_ edge: Int, source: Int) {
            guard !deadEdges.contains(UInt32(edge)) else { return }
            if edgeRefs.remove(from: edge, where: shouldRemove), edgeRefs.isEmpty(edge) {
                deadEdges.insert(UInt32(edge))
                addDegree(source, Int(adjacency.outTargets[edge]), -1)
            }
        }
        if let node {
            if node < adjacency.nodeCount {
                for edge in adjacency.outRange(node) { visitCompacted(edge, source: node) }
                for entry in adjacency.inRange(node) {
                    visitCompacted(Int(adjacency.inEdges[entry]), source: Int(adjacency.inSources[entry]))
                }
            }
        } else {
            for source in 0..<adjacency.nodeCount {
                for edge in adjacency.outRange(source) { visitCompacted(edge, source: source) }
            }
        }
        for edge in 0..<pending.count where !pending.refs.isEmpty(edge) {
            let source = Int(pending.sources[edge]), target = Int(pending.targets[edge])
            if let node, source != node, target != node { continue }
            if pending.refs.remove(from: edge, where: shouldRemove), pending.refs.isEmpty(edge) {
                addDegree(source, target, -1)
            }
        }
    }

    /// Labels of `node` from its remaining facts.
    func recomputeLabels(of node: Int) throws {
        labelBits[node] = 0
        labelMore.removeValue(forKey: UInt32(node))
        for fact in try facts(ofNode: node) {
            for label in fact.labels { addLabel(try labelNames.intern(label.name, kind: "labels"), to: node) }
        }
    }
}
