import KGModel

/// The graph searches the executor runs, also callable directly (the engine API the benchmark
/// compares against other libraries): distinct endpoints within a hop range (breadth-first over
/// distinct nodes), reachability, and shortest paths by bidirectional breadth-first search.
///
/// Working memory comes from a pool of `TraversalScratch` reused across calls and queries, so one
/// search costs what it visits, not O(V). Not thread-safe: one instance per thread.
public final class TraversalKernels {
    /// The graph searched.
    public let graph: Graph
    /// The adjacency searched; `refresh()` re-reads it after the graph changed.
    public private(set) var adjacency: Adjacency
    /// Timeout checks; the engine sets a deadline per query.
    public let budget: Budget
    var pool: [TraversalScratch] = []

    /// Kernels over `graph`, checking `budget` (no deadline by default).
    public init(graph: Graph, budget: Budget = Budget()) {
        self.graph = graph
        self.adjacency = graph.adjacency
        self.budget = budget
    }

    /// Re-reads the graph's adjacency (after the graph applied new facts).
    public func refresh() { adjacency = graph.adjacency }

    func borrow() -> TraversalScratch { pool.popLast() ?? TraversalScratch() }
    func giveBack(_ scratch: TraversalScratch) { pool.append(scratch) }

    // MARK: - Public conveniences

    /// Number of distinct nodes reachable from `node` in one or two outgoing hops over any edge type
    /// (the start counts only when a cycle of length 1 or 2 returns to it).
    public func twoHopDistinctCount(from node: Int) throws -> Int {
        var result: [UInt32] = []
        _ = try distinctEndpoints(from: node, types: nil, direction: .outgoing, hops: 1...2, edgeFilter: nil, stopAt: nil, into: &result)
        return result.count
    }

    /// Distinct nodes reachable from `node` in 1...`maxHops` hops along `types` (nil: any) in
    /// `direction`, in breadth-first discovery order.
    public func reachable(from node: Int, types: [UInt16]? = nil, direction: TraversalDirection = .outgoing,
                          maxHops: Int) throws -> [UInt32] {
        var result: [UInt32] = []
        _ = try distinctEndpoints(from: node, types: types, direction: direction, hops: 1...max(1, maxHops), edgeFilter: nil,
                                  stopAt: nil, into: &result)
        return result
    }

    /// Length of a shortest path from `from` to `to` (bidirectional breadth-first search), nil when
    /// there is none within `maxHops`.
    public func shortestPathLength(from: Int, to: Int, types: [UInt16]? = nil, direction: TraversalDirection = .outgoing,
                                   maxHops: Int = Int(Int32.max)) throws -> Int? {
        try shortestPathSearch(from: from, to: to, types: types, direction: direction, maxHops: maxHops, edgeFilter: nil,
                               buildPath: false)?.length
    }

    /// One shortest path (bidirectional breadth-first search; the first found in adjacency order).
    public func shortestPath(from: Int, to: Int, types: [UInt16]? = nil, direction: TraversalDirection = .outgoing,
                             maxHops: Int = Int(Int32.max)) throws -> PathValue? {
        try shortestPathSearch(from: from, to: to, types: types, direction: direction, maxHops: maxHops, edgeFilter: nil,
                               buildPath: true)?.path
    }

    /// Length of a shortest path by plain one-sided breadth-first search: the cross-check for the
    /// bidirectional search.
    public func shortestPathLengthByPlainBFS(from: Int, to: Int, types: [UInt16]? = nil,
                                            direction: TraversalDirection = .outgoing, maxHops: Int = Int(Int32.max)) throws -> Int? {
        if from == to { return 0 }
        let adjacency = self.adjacency
        let scratch = borrow()
        defer { giveBack(scratch) }
        scratch.begin(nodeCount: adjacency.nodeCount)
        let generation = scratch.generation
        var stamp = TraversalKernels.take(&scratch.stamp), frontier = TraversalKernels.take(&scratch.frontier)
        var next = TraversalKernels.take(&scratch.next)
        defer { scratch.stamp = stamp; scratch.frontier = frontier; scratch.next = next }
        stamp[from] = generation
        frontier.append(UInt32(from))
        var depth = 0
        while !frontier.isEmpty && depth < maxHops {
            next.removeAll(keepingCapacity: true)
            for u in frontier {
                var cursor = EdgeCursor(node: Int(u), direction: direction, types: types, adjacency: adjacency)
                while let (_, w) = cursor.next(adjacency) {
                    try budget.tick()
                    if stamp[w] == generation { continue }
                    if w == to { return depth + 1 }
                    stamp[w] = generation
                    next.append(UInt32(w))
                }
            }
            swap(&frontier, &next)
            depth += 1
        }
        return nil
    }

    // MARK: - Distinct endpoints

    /// The distinct nodes `b` such that a trail (no edge twice) of `hops` (lower bound 0 or 1) leads
    /// from `start` to `b`, in breadth-first discovery order, into `result`. With `stopAt`, returns
    /// as soon as that node is found (true) or known unreachable (false).
    ///
    /// A shortest walk to any other node is a path, hence a trail, so plain BFS finds them. The start
    /// itself needs a closed trail: directed, an edge back to it within the bound; undirected, a cycle
    /// through it, found as an edge joining two different first-hop branches (or a second edge to the
    /// start) with depth(u) + depth(w) + 1 within the bound.
    func distinctEndpoints(from start: Int, types: [UInt16]?, direction: TraversalDirection, hops: ClosedRange<Int>,
                           edgeFilter: ((Int) throws -> Bool)?, stopAt target: Int?, into result: inout [UInt32]) throws -> Bool {
        precondition(hops.lowerBound <= 1, "distinct-endpoint search needs a lower bound of 0 or 1")
        result.removeAll(keepingCapacity: true)
        let maxHops = hops.upperBound
        var startFound = hops.lowerBound == 0
        if startFound {
            result.append(UInt32(start))
            if target == start { return true }
        }
        if maxHops == 0 { return false }
        let adjacency = self.adjacency
        let scratch = borrow()
        defer { giveBack(scratch) }
        scratch.begin(nodeCount: adjacency.nodeCount)
        let undirected = direction == .both
        if undirected { scratch.need(depths: true, branches: true, nodeCount: adjacency.nodeCount) }
        let generation = scratch.generation
        var stamp = TraversalKernels.take(&scratch.stamp), depth = TraversalKernels.take(&scratch.depth)
        var branch = TraversalKernels.take(&scratch.branch)
        var frontier = TraversalKernels.take(&scratch.frontier), next = TraversalKernels.take(&scratch.next)
        defer {
            scratch.stamp = stamp
            scratch.depth = depth
            scratch.branch = branch
            scratch.frontier = frontier
            scratch.next = next
        }
        stamp[start] = generation
        if undirected { depth[start] = 0 }
        frontier.append(UInt32(start))
        var level = 0
        while level < maxHops && !frontier.isEmpty {
            next.removeAll(keepingCapacity: true)
            for u32 in frontier {
                let u = Int(u32)
                var cursor = EdgeCursor(node: u, direction: direction, types: types, adjacency: adjacency)
                while let (edge, w) = cursor.next(adjacency) {
                    try budget.tick()
                    if w == start {
                        if !startFound, !undirected || u == start || UInt32(edge) != branch[u] {
                            if let edgeFilter, !(try edgeFilter(edge)) { continue }
                            startFound = true
                            result.append(UInt32(start))
                            if target == start { return true }
                        }
                        continue
                    }
                    if stamp[w] == generation {
                        if undirected && !startFound {
                            let fromBranch = u == start ? UInt32(edge) : branch[u]
                            if fromBranch != branch[w] && level + Int(depth[w]) + 1 <= maxHops {
                                if let edgeFilter, !(try edgeFilter(edge)) { continue }
                                startFound = true
                                result.append(UInt32(start))
                                if target == start { return true }
                            }
                        }
                        continue
                    }
                    if let edgeFilter, !(try edgeFilter(edge)) { continue }
                    stamp[w] = generation
                    if undirected {
                        depth[w] = UInt32(level + 1)
                        branch[w] = u == start ? UInt32(edge) : branch[u]
                    }
                    next.append(UInt32(w))
                    result.append(UInt32(w))
                    if target == w { return true }
                }
            }
            swap(&frontier, &next)
            level += 1
        }
        return false
    }

    // MARK: - Shortest paths

    /// Bidirectional breadth-first search from `from` and (against the direction) from `to`, always
    /// growing the smaller frontier by a whole level; the shortest meeting gives the length, and the
    /// parent links of both sides the path.
    func shortestPathSearch(from s: Int, to t: Int, types: [UInt16]?, direction: TraversalDirection, maxHops: Int,
                            edgeFilter: ((Int) throws -> Bool)?, buildPath: Bool) throws -> (length: Int, path: PathValue?)? {
        if s == t { return (0, PathValue(nodes: [s], relationships: [])) }
        if maxHops < 1 { return nil }
        let adjacency = self.adjacency
        let scratch = borrow()
        defer { giveBack(scratch) }
        scratch.begin(nodeCount: adjacency.nodeCount)
        scratch.need(depths: true, parents: buildPath, nodeCount: adjacency.nodeCount)
        let generation = scratch.generation
        var stampF = TraversalKernels.take(&scratch.stamp), stampB = TraversalKernels.take(&scratch.stamp2)
        var depthF = TraversalKernels.take(&scratch.depth), depthB = TraversalKernels.take(&scratch.depth2)
        var edgeF = TraversalKernels.take(&scratch.parentEdge), nodeF = TraversalKernels.take(&scratch.parentNode)
        var edgeB = TraversalKernels.take(&scratch.parentEdge2), nodeB = TraversalKernels.take(&scratch.parentNode2)
        var frontierF = TraversalKernels.take(&scratch.frontier), frontierB = TraversalKernels.take(&scratch.frontier2)
        var next = TraversalKernels.take(&scratch.next)
        defer {
            scratch.stamp = stampF; scratch.stamp2 = stampB; scratch.depth = depthF; scratch.depth2 = depthB
            scratch.parentEdge = edgeF; scratch.parentNode = nodeF; scratch.parentEdge2 = edgeB; scratch.parentNode2 = nodeB
            scratch.frontier = frontierF; scratch.frontier2 = frontierB; scratch.next = next
        }
        stampF[s] = generation
        depthF[s] = 0
        stampB[t] = generation
        depthB[t] = 0
        frontierF.append(UInt32(s))
        frontierB.append(UInt32(t))
        var levelF = 0, levelB = 0
        var best: (node: Int, length: Int)?
        let backward = direction.reversed
        while best == nil && !frontierF.isEmpty && !frontierB.isEmpty && levelF + levelB < maxHops {
            next.removeAll(keepingCapacity: true)
            if frontierF.count <= frontierB.count {
                for u in frontierF {
                    var cursor = EdgeCursor(node: Int(u), direction: direction, types: types, adjacency: adjacency)
                    while let (edge, w) = cursor.next(adjacency) {
                        try budget.tick()
                        if stampF[w] == generation { continue }
                        if let edgeFilter, !(try edgeFilter(edge)) { continue }
                        stampF[w] = generation
                        depthF[w] = UInt32(levelF + 1)
                        if buildPath {
                            edgeF[w] = UInt32(edge)
                            nodeF[w] = u
                        }
                        next.append(UInt32(w))
                        if stampB[w] == generation {
                            let length = levelF + 1 + Int(depthB[w])
                            if best == nil || length < best!.length { best = (w, length) }
                        }
                    }
                }
                swap(&frontierF, &next)
                levelF += 1
            } else {
                for u in frontierB {
                    var cursor = EdgeCursor(node: Int(u), direction: backward, types: types, adjacency: adjacency)
                    while let (edge, w) = cursor.next(adjacency) {
                        try budget.tick()
                        if stampB[w] == generation { continue }
                        if let edgeFilter, !(try edgeFilter(edge)) { continue }
                        stampB[w] = generation
                        depthB[w] = UInt32(levelB + 1)
                        if buildPath {
                            edgeB[w] = UInt32(edge)
                            nodeB[w] = u
                        }
                        next.append(UInt32(w))
                        if stampF[w] == generation {
                            let length = levelB + 1 + Int(depthF[w])
                            if best == nil || length < best!.length { best = (w, length) }
                        }
                    }
                }
                swap(&frontierB, &next)
                levelB += 1
            }
        }
        guard let best, best.length <= maxHops else { return nil }
        guard buildPath else { return (best.length, nil) }
        var nodes: [Int] = []
        var relationships: [Int] = []
        var current = best.node
        while current != s {
            nodes.append(current)
            relationships.append(Int(edgeF[current]))
            current = Int(nodeF[current])
        }
        nodes.append(s)
        nodes.reverse()
        relationships.reverse()
        current = best.node
        while current != t {
            relationships.append(Int(edgeB[current]))
            current = Int(nodeB[current])
            nodes.append(current)
        }
        return (best.length, PathValue(nodes: nodes, relationships: relationships))
    }

    /// Every shortest path from `s` to `t`: the length from the bidirectional search, distances to
    /// `t` from a backward search bounded by that length, then a depth-first walk from `s` that only
    /// steps to nodes one hop closer to `t`. In adjacency order.
    func allShortestPaths(from s: Int, to t: Int, types: [UInt16]?, direction: TraversalDirection, maxHops: Int,
                          edgeFilter: ((Int) throws -> Bool)?, limit: Int) throws -> [PathValue] {
        guard let (length, _) = try shortestPathSearch(from: s, to: t, types: types, direction: direction, maxHops: maxHops,
                                                       edgeFilter: edgeFilter, buildPath: false) else { return [] }
        if length == 0 { return [PathValue(nodes: [s], relationships: [])] }
        let adjacency = self.adjacency
        let scratch = borrow()
        defer { giveBack(scratch) }
        scratch.begin(nodeCount: adjacency.nodeCount)
        scratch.need(depths: true, nodeCount: adjacency.nodeCount)
        let generation = scratch.generation
        var stamp = TraversalKernels.take(&scratch.stamp2), depth = TraversalKernels.take(&scratch.depth2)
        var frontier = TraversalKernels.take(&scratch.frontier), next = TraversalKernels.take(&scratch.next)
        defer { scratch.stamp2 = stamp; scratch.depth2 = depth; scratch.frontier = frontier; scratch.next = next }
        stamp[t] = generation
        depth[t] = 0
        frontier.append(UInt32(t))
        let backward = direction.reversed
        for level in 0..<length {
            next.removeAll(keepingCapacity: true)
            for u in frontier {
                var cursor = EdgeCursor(node: Int(u), direction: backward, types: types, adjacency: adjacency)
                while let (edge, w) = cursor.next(adjacency) {
                    try budget.tick()
                    if stamp[w] == generation { continue }
                    if let edgeFilter, !(try edgeFilter(edge)) { continue }
                    stamp[w] = generation
                    depth[w] = UInt32(level + 1)
                    next.append(UInt32(w))
                }
            }
            swap(&frontier, &next)
        }
        var paths: [PathValue] = []
        var nodes = [s]
        var relationships: [Int] = []
        var cursors = [EdgeCursor(node: s, direction: direction, types: types, adjacency: adjacency)]
        while !cursors.isEmpty {
            let k = relationships.count
            if let (edge, w) = cursors[cursors.count - 1].next(adjacency) {
                try budget.tick()
                guard stamp[w] == generation, Int(depth[w]) == length - k - 1 else { continue }
                if let edgeFilter, !(try edgeFilter(edge)) { continue }
                relationships.append(edge)
                nodes.append(w)
                if k + 1 == length {
                    paths.append(PathValue(nodes: nodes, relationships: relationships))
                    if paths.count > limit { throw QueryError.tooManyRows(limit: limit) }
                    relationships.removeLast()
                    nodes.removeLast()
                } else {
                    cursors.append(EdgeCursor(node: w, direction: direction, types: types, adjacency: adjacency))
                }
            } else {
                cursors.removeLast()
                if !relationships.isEmpty {
                    relationships.removeLast()
                    nodes.removeLast()
                }
            }
        }
        return paths
    }

    /// Moves an array out of the scratch (leaving it empty) so the hot loop owns it without
    /// exclusivity checks; the caller puts it back.
    @inline(__always)
    static func take(_ array: inout [UInt32]) -> [UInt32] {
        var taken: [UInt32] = []
        swap(&taken, &array)
        return taken
    }
}
