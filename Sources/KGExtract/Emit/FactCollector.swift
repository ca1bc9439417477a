import KGModel

/// Gathers node and edge facts for one document, merging repeats (the same node stated in several
/// places becomes one fact with every provenance), in first-seen order so output is deterministic.
struct FactCollector {
    private var nodeOrder: [NodeID] = []
    private var nodes: [NodeID: NodeFact] = [:]
    private var edgeOrder: [EdgeKey] = []
    private var edges: [EdgeKey: EdgeFact] = [:]

    mutating func node(_ id: NodeID, _ labels: [Label], _ properties: Properties = [:], _ provenance: Provenance?) {
        if var existing = nodes[id] {
            for label in labels where !existing.labels.contains(label) { existing.labels.append(label) }
            for (key, value) in properties where existing.properties[key] == nil { existing.properties[key] = value }
            if let provenance, !existing.provenance.contains(provenance) { existing.provenance.append(provenance) }
            nodes[id] = existing
        } else {
            nodeOrder.append(id)
            nodes[id] = NodeFact(id: id, labels: labels, properties: properties, provenance: provenance.map { [$0] } ?? [])
        }
    }

    /// Sets a property even when one is there (a better value found later).
    mutating func set(_ id: NodeID, _ key: String, _ value: PropertyValue) {
        nodes[id]?.properties[key] = value
    }

    func hasNode(_ id: NodeID) -> Bool { nodes[id] != nil }

    mutating func edge(_ from: NodeID, _ type: EdgeType, _ to: NodeID, _ properties: Properties = [:], _ provenance: Provenance) {
        let key = EdgeKey(from: from, type: type, to: to)
        if var existing = edges[key] {
            if !existing.provenance.contains(provenance) { existing.provenance.append(provenance) }
            for (k, v) in properties where existing.properties[k] == nil { existing.properties[k] = v }
            edges[key] = existing
        } else {
            edgeOrder.append(key)
            edges[key] = EdgeFact(from: from, type: type, to: to, properties: properties, provenance: [provenance])
        }
    }

    var batch: GraphBatch {
        GraphBatch(nodes: nodeOrder.map { nodes[$0]! }, edges: edgeOrder.map { edges[$0]! })
    }
}
