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

    mutating func node(_ id: NodeID, _ labels: [Label], _ properties: Properties = [:], _ provenance: Provenance?) {
        if let index = nodeIndex[id] {
            FactCollector.merge(labels, properties, provenance, into: &nodes[index])
        } else {
            nodeIndex[id] = nodes.count
            nodes.append(NodeFact(id: id, labels: labels, properties: properties, provenance: provenance.map { [$0] } ?? []))
        }
    }

    private static func merge(_ labels: [Label], _ properties: Properties, _ provenance: Provenance?, into existing: inout NodeFact) {
        for label in labels where !existing.labels.contains(label) { existing.labels.append(label) }
        for (key, value) in properties where existing.properties[key] == nil { existing.properties[key] = value }
        if let provenance, !existing.provenance.contains(provenance) { existing.provenance.append(provenance) }
    }

    /// Sets a property even when one is there (a better value found later).
    mutating func set(_ id: NodeID, _ key: String, _ value: PropertyValue) {
        guard let index = nodeIndex[id] else { return }
        nodes[index].properties[key] = value
    }

    func hasNode(_ id: NodeID) -> Bool { nodeIndex[id] != nil }

    mutating func edge(_ from: NodeID, _ type: EdgeType, _ to: NodeID, _ properties: Properties = [:], _ provenance: Provenance) {
        let key = EdgeKey(from: from, type: type, to: to)
        if let index = edgeIndex[key] {
            FactCollector.merge(properties, provenance, into: &edges[index])
        } else {
            edgeIndex[key] = edges.count
            edges.append(EdgeFact(from: from, type: type, to: to, properties: properties, provenance: [provenance]))
        }
    }

    private static func merge(_ properties: Properties, _ provenance: Provenance, into existing: inout EdgeFact) {
        if !existing.provenance.contains(provenance) { existing.provenance.append(provenance) }
        for (k, v) in properties where existing.properties[k] == nil { existing.properties[k] = v }
    }

    var batch: GraphBatch { GraphBatch(nodes: nodes, edges: edges) }
}
