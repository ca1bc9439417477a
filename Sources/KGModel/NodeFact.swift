/// One assertion about a node: its id, labels, properties and where it was stated.
///
/// Several facts about the same id merge: labels are united, and a later fact's property wins.
public struct NodeFact: Hashable, Sendable {
    public var id: NodeID
    public var labels: [Label]
    public var properties: Properties
    public var provenance: [Provenance]

    public init(id: NodeID, labels: [Label] = [], properties: Properties = [:], provenance: [Provenance] = []) {
        self.id = id
        self.labels = labels
        self.properties = properties
        self.provenance = provenance
    }
}
