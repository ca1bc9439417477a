/// Compressed sparse row (CSR) adjacency in both directions: the traversal structure of a `Graph`.
///
/// Out-entries of node `n` are `outOffsets[n] ..< outOffsets[n + 1]`, sorted by (type, target); the
/// position of an out-entry is the edge's index. In-entries are sorted by (type, source) and name
/// their edge. Memory: 16 bytes per edge (out: target 4 + type 2, in: source 4 + edge 4 + type 2)
/// plus 8 bytes per node. A value type: copy it into a local before a hot loop.
public struct Adjacency: Sendable {
    public internal(set) var outOffsets: [UInt32]
    public internal(set) var outTargets: [UInt32]
    public internal(set) var outTypes: [UInt16]
    public internal(set) var inOffsets: [UInt32]
    public internal(set) var inSources: [UInt32]
    public internal(set) var inEdges: [UInt32]
    public internal(set) var inTypes: [UInt16]

    /// An empty adjacency over `nodeCount` nodes.
    public init(nodeCount: Int = 0) {
        outOffsets = [UInt32](repeating: 0, count: nodeCount + 1)
        inOffsets = outOffsets
        outTargets = []
        outTypes = []
        inSources = []
        inEdges = []
        inTypes = []
    }

    /// Rebuilds an adjacency from saved arrays; nil unless their sizes fit together and the offsets ascend.
    public init?(outOffsets: [UInt32], outTargets: [UInt32], outTypes: [UInt16],
                 inOffsets: [UInt32], inSources: [UInt32], inEdges: [UInt32], inTypes: [UInt16]) {
        let edges = outTargets.count
        guard !outOffsets.isEmpty, outOffsets.count == inOffsets.count, outTypes.count == edges,
              inSources.count == edges, inEdges.count == edges, inTypes.count == edges,
              outOffsets.first == 0, inOffsets.first == 0,
              outOffsets.last == UInt32(edges), inOffsets.last == UInt32(edges) else { return nil }
        for i in 1..<outOffsets.count where outOffsets[i - 1] > outOffsets[i] || inOffsets[i - 1] > inOffsets[i] { return nil }
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.outTypes = outTypes
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inEdges = inEdges
        self.inTypes = inTypes
    }

    /// Nodes covered (every node of the graph once compacted).
    @inlinable public var nodeCount: Int { outOffsets.count - 1 }
    /// Edges, each counted once.
    @inlinable public var edgeCount: Int { outTargets.count }

    /// Out-entries (edge indices) of `node`.
    @inlinable public func outRange(_ node: Int) -> Range<Int> {
        Int(outOffsets[node])..<Int(outOffsets[node + 1])
    }

    /// In-entries of `node` (positions into `inSources`/`inEdges`).
    @inlinable public func inRange(_ node: Int) -> Range<Int> {
        Int(inOffsets[node])..<Int(inOffsets[node + 1])
    }

    /// Out-entries of `node` with edge type `type` (binary search).
    @inlinable public func outRange(_ node: Int, type: UInt16) -> Range<Int> {
        Adjacency.subrange(outTypes, outRange(node), type)
    }

    /// In-entries of `node` with edge type `type` (binary search).
    @inlinable public func inRange(_ node: Int, type: UInt16) -> Range<Int> {
        Adjacency.subrange(inTypes, inRange(node), type)
    }

    /// The source node of edge `edge` (binary search over the offsets).
    public func source(ofEdge edge: Int) -> Int {
        var low = 0, high = nodeCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(outOffsets[mid]) <= edge { low = mid } else { high = mid - 1 }
        }
        // Skip nodes with empty ranges that share the offset.
        while low < nodeCount - 1 && Int(outOffsets[low + 1]) <= edge { low += 1 }
        return low
    }

    /// The edge `source -[type]-> target`, or nil.
    public func edge(from source: Int, type: UInt16, to target: Int) -> Int? {
        guard source < nodeCount else { return nil }
        let range = outRange(source, type: type)
        var low = range.lowerBound, high = range.upperBound
        let wanted = UInt32(target)
        while low < high {
            let mid = (low + high) / 2
            if outTargets[mid] < wanted { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && outTargets[low] == wanted ? low : nil
    }

    @inlinable
    static func subrange(_ types: [UInt16], _ range: Range<Int>, _ type: UInt16) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if types[mid] < type { low = mid + 1 } else { high = mid }
        }
        let start = low
        high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if types[mid] <= type { low = mid + 1 } else { high = mid }
        }
        return start..<low
    }

    /// Bytes held by the traversal arrays.
    public var byteCount: Int {
        (outOffsets.count + inOffsets.count) * 4 + outTargets.count * 4 + outTypes.count * 2
            + inSources.count * 4 + inEdges.count * 4 + inTypes.count * 2
    }
}
