/// The content of one transaction: retractions first, then node and edge facts, in order.
///
/// A batch is what importers and the extractor produce and what the store appends atomically.
public struct GraphBatch: Sendable {
    public var retractions: [Retraction]
    public var nodes: [NodeFact]
    public var edges: [EdgeFact]

    public init(retractions: [Retraction] = [], nodes: [NodeFact] = [], edges: [EdgeFact] = []) {
        self.retractions = retractions
        self.nodes = nodes
        self.edges = edges
    }

    public var isEmpty: Bool { retractions.isEmpty && nodes.isEmpty && edges.isEmpty }
}
