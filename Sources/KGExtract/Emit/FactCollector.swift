import KGModel

/// Gathers node and edge facts for one document, merging repeats (the same node stated in several
/// places becomes one fact with every provenance), in first-seen order so output is deterministic.
/// Facts live in arrays in that order; the dictionaries map an id or edge key to its position, so a
/// repeat is merged in place with one lookup.
struct FactCollector {
    private var nodes: [NodeFact] = []
    private var nodeIndex: [NodeID: Int] = [:]
    private var edges: [EdgeFact] = []
    private var edgeIndex: [EdgeKey: Int] = [:]
    /// For a fact stated in many places (a country named fifty times): the offsets of its
    /// provenance, by position. Equal provenance has an equal offset, so a new offset is a new
    /// provenance without comparing it with every earlier one.
    private var nodeOffsets: [Int: Set<Int>] = [:]
    private var edgeOffsets: [Int: Set<Int>] = [:]
    /// Provenance lists up to this long are searched; longer ones get an offset set.
    private static let scanLimit = 12

    /// A collector for a document of `textBytes` bytes (about one fact per hundred bytes).
    init(textBytes: Int = 0) {
        nodeIndex.reserveCapacity(textBytes / 128)
        edgeIndex.reserveCapacity(textBytes / 128)
    }

    /// The position stored for a key, inserting `next` when there is none: one hash lookup.
    private static func position(_ stored: inout Int) -> Int { stored }

    mutating func node(_ id: NodeID, _ labels: [Label], _ properties: Properties = [:], _ provenance: Provenance?) {
        let index = FactCollector.position(&nodeIndex[id, default: nodes.count])
        if index < nodes.count {
            for label in labels where !nodes[index].labels.contains(label) { nodes[index].labels.append(label) }
            for (key, value) in properties where nodes[index].properties[key] == nil { nodes[index].properties[key] = value }
            if let provenance { FactCollector.add(provenance, to: &nodes[index].provenance, offsets: &nodeOffsets, index) }
        } else {
            nodes.append(NodeFact(id: id, labels: labels, properties: properties, provenance: provenance.map { [$0] } ?? []))
        }
    }

    /// Appends `provenance` to a fact's list unless the list holds it.
    private static func add(_ provenance: Provenance, to list: inout [Provenance], offsets: inout [Int: Set<Int>], _ index: Int) {
        guard list.count >= scanLimit else {
            if !list.contains(provenance) { list.append(provenance) }
            return
        }
        let isNew = offsets[index, default: Set(list.map(\.offset))].insert(provenance.offset).inserted
        if isNew || !list.contains(provenance) { list.append(provenance) }
    }

    /// Sets a property even when one is there (a better value found later).
    mutating func set(_ id: NodeID, _ key: String, _ value: PropertyValue) {
        guard let index = nodeIndex[id] else { return }
        nodes[index].properties[key] = value
    }

    func hasNode(_ id: NodeID) -> Bool { nodeIndex[id] != nil }

    mutating func edge(_ from: NodeID, _ type: EdgeType, _ to: NodeID, _ properties: Properties = [:], _ provenance: Provenance) {
        let index = FactCollector.position(&edgeIndex[EdgeKey(from: from, type: type, to: to), default: edges.count])
        if index < edges.count {
            FactCollector.add(provenance, to: &edges[index].provenance, offsets: &edgeOffsets, index)
            for (k, v) in properties where edges[index].properties[k] == nil { edges[index].properties[k] = v }
        } else {
            edges.append(EdgeFact(from: from, type: type, to: to, properties: properties, provenance: [provenance]))
        }
    }

    var batch: GraphBatch { GraphBatch(nodes: nodes, edges: edges) }
}
