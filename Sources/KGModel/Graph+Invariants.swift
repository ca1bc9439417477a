/// Consistency checks that tests run after every append (swift-collections' `_checkInvariants`).
extension Graph {
    /// Throws `GraphError.invariantViolated` naming the first inconsistency: every edge endpoint
    /// exists, in- and out-adjacency agree, entries are sorted, degrees and id lookups are right.
    public func checkInvariants() throws {
        let adjacency = self.adjacency
        func fail(_ what: String) -> GraphError { .invariantViolated(what) }
        let nodes = nodeCount
        guard adjacency.nodeCount == nodes else { throw fail("adjacency covers \(adjacency.nodeCount) of \(nodes) nodes") }
        guard labelBits.count == nodes, nodeRefs.count == nodes, liveDegree.count == nodes else {
            throw fail("per-node arrays disagree on the node count \(nodes)")
        }
        guard edgeRefs.count == adjacency.edgeCount else { throw fail("edge references cover \(edgeRefs.count) of \(adjacency.edgeCount) edges") }
        if let problem = ids.check() { throw fail(problem) }

        var degree = [UInt32](repeating: 0, count: nodes)
        for source in 0..<nodes {
            let range = adjacency.outRange(source)
            guard range.lowerBound <= range.upperBound else { throw fail("out offsets decrease at node \(source)") }
            var previous: (UInt16, UInt32)?
            for edge in range {
                let target = Int(adjacency.outTargets[edge])
                guard target < nodes else { throw fail("edge \(edge) points to missing node \(target)") }
                guard !edgeRefs.isEmpty(edge) else { throw fail("edge \(edge) has no facts") }
                let key = (adjacency.outTypes[edge], adjacency.outTargets[edge])
                if let previous, !(previous < key) { throw fail("out-entries of node \(source) not strictly sorted") }
                previous = key
                degree[source] += 1
                degree[target] += 1
                guard adjacency.source(ofEdge: edge) == source else { throw fail("source(ofEdge: \(edge)) is not \(source)") }
            }
        }
        var seenEdges = 0
        for target in 0..<nodes {
            let range = adjacency.inRange(target)
            var previous: (UInt16, UInt32)?
            for entry in range {
                let edge = Int(adjacency.inEdges[entry])
                guard edge < adjacency.edgeCount else { throw fail("in-entry \(entry) names missing edge \(edge)") }
                guard Int(adjacency.outTargets[edge]) == target,
                      adjacency.outRange(Int(adjacency.inSources[entry])).contains(edge),
                      adjacency.inTypes[entry] == adjacency.outTypes[edge]
                else { throw fail("in-entry \(entry) of node \(target) disagrees with out-edge \(edge)") }
                let key = (adjacency.inTypes[entry], adjacency.inSources[entry])
                if let previous, !(previous < key) { throw fail("in-entries of node \(target) not strictly sorted") }
                previous = key
                seenEdges += 1
            }
        }
        guard seenEdges == adjacency.edgeCount else { throw fail("\(seenEdges) in-entries for \(adjacency.edgeCount) edges") }
        for node in 0..<nodes where degree[node] != liveDegree[node] {
            throw fail("node \(ids.id(at: node)) has live degree \(liveDegree[node]) but \(degree[node]) edges")
        }
        for node in 0..<nodes where !isAlive(node) {
            if labelBits[node] != 0 || labelMore[UInt32(node)] != nil { throw fail("deleted node \(ids.id(at: node)) keeps labels") }
        }
        for transaction in transactions where transaction.firstRef > transaction.endRef {
            throw fail("transaction \(transaction.sequence) has an inverted fact range")
        }
    }
}
