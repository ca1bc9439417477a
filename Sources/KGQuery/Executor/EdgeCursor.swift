import KGModel

/// Walks the adjacency entries of one node in one direction, restricted to edge types, yielding
/// (edge index, other node). Resumable, so depth-first searches keep one per level.
///
/// Order: out-entries by (type, target), then in-entries by (type, source); with several types, each
/// type in ascending id order. Undirected (`both`) skips the in-entry of a self-loop, so a self-loop
/// is seen once. An empty `types` list yields nothing.
struct EdgeCursor {
    let node: Int
    let direction: TraversalDirection
    let types: [UInt16]?
    /// 0: out-entries, 1: in-entries.
    var phase: Int
    var typeIndex = 0
    var position = 0
    var end = 0

    init(node: Int, direction: TraversalDirection, types: [UInt16]?, adjacency: Adjacency) {
        self.node = node
        self.direction = direction
        self.types = types
        phase = direction == .incoming ? 1 : 0
        load(adjacency)
    }

    mutating func load(_ adjacency: Adjacency) {
        let range: Range<Int>
        if let types {
            guard typeIndex < types.count else {
                position = 0
                end = 0
                return
            }
            range = phase == 0 ? adjacency.outRange(node, type: types[typeIndex]) : adjacency.inRange(node, type: types[typeIndex])
        } else {
            range = phase == 0 ? adjacency.outRange(node) : adjacency.inRange(node)
        }
        position = range.lowerBound
        end = range.upperBound
    }

    /// The next (edge, other node), or nil when done.
    @inline(__always)
    mutating func next(_ adjacency: Adjacency) -> (edge: Int, other: Int)? {
        while true {
            if position < end {
                let entry = position
                position += 1
                if phase == 0 { return (entry, Int(adjacency.outTargets[entry])) }
                let source = Int(adjacency.inSources[entry])
                if direction == .both && source == node { continue }
                return (Int(adjacency.inEdges[entry]), source)
            }
            if let types, typeIndex + 1 < types.count {
                typeIndex += 1
                load(adjacency)
                continue
            }
            if phase == 0 && direction == .both {
                phase = 1
                typeIndex = 0
                load(adjacency)
                continue
            }
            return nil
        }
    }
}
