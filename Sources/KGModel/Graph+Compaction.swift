/// Folding pending edges and retractions into a fresh CSR adjacency.
extension Graph {
    /// Rebuilds the adjacency from the compacted edges still alive plus the pending ones. O(V + E);
    /// edge indices change, node indices do not. Called lazily by `adjacency`.
    public func compact() {
        let old = compacted
        let nodes = nodeCount

        // Pending edges that are alive, ordered by (source, type, target).
        var order = (0..<pending.count).filter { !pending.refs.isEmpty($0) }
        order.sort { a, b in
            let pa = pending, sa = pa.sources[a], sb = pa.sources[b]
            if sa != sb { return sa < sb }
            if pa.types[a] != pa.types[b] { return pa.types[a] < pa.types[b] }
            return pa.targets[a] < pa.targets[b]
        }

        var outOffsets = [UInt32](repeating: 0, count: nodes + 1)
        var outTargets: [UInt32] = []
        var outTypes: [UInt16] = []
        let capacity = old.edgeCount - deadEdges.count + order.count
        outTargets.reserveCapacity(capacity)
        outTypes.reserveCapacity(capacity)
        var newRefs = FactRefs(first: [], more: [:])
        newRefs.first.reserveCapacity(capacity)

        var cursor = 0
        for node in 0..<nodes {
            var baseEdge = node < old.nodeCount ? Int(old.outOffsets[node]) : 0
            let baseEnd = node < old.nodeCount ? Int(old.outOffsets[node + 1]) : 0
            while true {
                while baseEdge < baseEnd && deadEdges.contains(UInt32(baseEdge)) { baseEdge += 1 }
                let hasBase = baseEdge < baseEnd
                let hasPending = cursor < order.count && Int(pending.sources[order[cursor]]) == node
                if !hasBase && !hasPending { break }
                var takeBase = hasBase
                if hasBase && hasPending {
                    let p = order[cursor]
                    let baseKey = (old.outTypes[baseEdge], old.outTargets[baseEdge])
                    let pendingKey = (pending.types[p], pending.targets[p])
                    takeBase = baseKey < pendingKey
                }
                let newIndex = outTargets.count
                newRefs.first.append(FactRefs.none)
                if takeBase {
                    outTargets.append(old.outTargets[baseEdge])
                    outTypes.append(old.outTypes[baseEdge])
                    newRefs.set(edgeRefs.refs(baseEdge), at: newIndex)
                    baseEdge += 1
                } else {
                    let p = order[cursor]
                    outTargets.append(pending.targets[p])
                    outTypes.append(pending.types[p])
                    newRefs.set(pending.refs.refs(p), at: newIndex)
                    cursor += 1
                }
            }
            outOffsets[node + 1] = UInt32(outTargets.count)
        }

        compacted = Graph.buildIncoming(outOffsets: outOffsets, outTargets: outTargets, outTypes: outTypes,
                                        typeCount: typeNames.count)
        edgeRefs = newRefs
        deadEdges.removeAll()
        pending.removeAll()
    }

    /// Builds the in-direction from the out-direction with two stable counting sorts (by type, then by
    /// target), so each node's in-entries come out sorted by (type, source).
    static func buildIncoming(outOffsets: [UInt32], outTargets: [UInt32], outTypes: [UInt16], typeCount: Int) -> Adjacency {
        let nodes = outOffsets.count - 1
        let edges = outTargets.count
        // Edge sources, in out order.
        var sources = [UInt32](repeating: 0, count: edges)
        for node in 0..<nodes {
            for edge in Int(outOffsets[node])..<Int(outOffsets[node + 1]) { sources[edge] = UInt32(node) }
        }
        // Pass 1: edges ordered by type (stable: by source within a type).
        var typeStart = [Int](repeating: 0, count: typeCount + 1)
        for type in outTypes { typeStart[Int(type) + 1] += 1 }
        for t in 0..<typeCount { typeStart[t + 1] += typeStart[t] }
        var byType = [UInt32](repeating: 0, count: edges)
        for edge in 0..<edges {
            let t = Int(outTypes[edge])
            byType[typeStart[t]] = UInt32(edge)
            typeStart[t] += 1
        }
        // Pass 2: bucket by target, keeping the (type, source) order.
        var inOffsets = [UInt32](repeating: 0, count: nodes + 1)
        for target in outTargets { inOffsets[Int(target) + 1] += 1 }
        for node in 0..<nodes { inOffsets[node + 1] += inOffsets[node] }
        var fill = inOffsets
        var inSources = [UInt32](repeating: 0, count: edges)
        var inEdges = [UInt32](repeating: 0, count: edges)
        var inTypes = [UInt16](repeating: 0, count: edges)
        for edge in byType {
            let e = Int(edge)
            let target = Int(outTargets[e])
            let slot = Int(fill[target])
            fill[target] += 1
            inSources[slot] = sources[e]
            inEdges[slot] = edge
            inTypes[slot] = outTypes[e]
        }
        var adjacency = Adjacency()
        adjacency.outOffsets = outOffsets
        adjacency.outTargets = outTargets
        adjacency.outTypes = outTypes
        adjacency.inOffsets = inOffsets
        adjacency.inSources = inSources
        adjacency.inEdges = inEdges
        adjacency.inTypes = inTypes
        return adjacency
    }
}
