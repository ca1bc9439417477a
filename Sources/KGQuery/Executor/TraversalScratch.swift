/// Per-node working arrays for breadth-first searches, reused across searches and queries: a node
/// counts as visited when its stamp equals the current generation, so starting a search costs O(1)
/// instead of clearing O(V) memory. Arrays grow to the node count on first use and stay.
final class TraversalScratch {
    var generation: UInt32 = 0
    /// Visited marks of the forward search.
    var stamp: [UInt32] = []
    /// Visited marks of the backward search.
    var stamp2: [UInt32] = []
    var depth: [UInt32] = []
    var depth2: [UInt32] = []
    /// First edge out of the start on the way to each node (undirected cycle detection).
    var branch: [UInt32] = []
    var parentEdge: [UInt32] = []
    var parentNode: [UInt32] = []
    var parentEdge2: [UInt32] = []
    var parentNode2: [UInt32] = []
    var frontier: [UInt32] = []
    var next: [UInt32] = []
    var frontier2: [UInt32] = []

    /// Starts a new search over `nodeCount` nodes: a fresh generation (stamps reset only on wrap-around).
    func begin(nodeCount: Int) {
        TraversalScratch.grow(&stamp, nodeCount)
        TraversalScratch.grow(&stamp2, nodeCount)
        if generation == UInt32.max {
            for i in stamp.indices { stamp[i] = 0 }
            for i in stamp2.indices { stamp2[i] = 0 }
            generation = 0
        }
        generation += 1
        frontier.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        frontier2.removeAll(keepingCapacity: true)
    }

    /// Makes sure the arrays a search needs cover `nodeCount` nodes.
    func need(depths: Bool = false, branches: Bool = false, parents: Bool = false, nodeCount: Int) {
        if depths {
            TraversalScratch.grow(&depth, nodeCount)
            TraversalScratch.grow(&depth2, nodeCount)
        }
        if branches { TraversalScratch.grow(&branch, nodeCount) }
        if parents {
            TraversalScratch.grow(&parentEdge, nodeCount)
            TraversalScratch.grow(&parentNode, nodeCount)
            TraversalScratch.grow(&parentEdge2, nodeCount)
            TraversalScratch.grow(&parentNode2, nodeCount)
        }
    }

    static func grow(_ array: inout [UInt32], _ count: Int) {
        if array.count < count { array += [UInt32](repeating: 0, count: count - array.count) }
    }
}
