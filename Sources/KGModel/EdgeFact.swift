/// One assertion of an edge `from -[type]-> to`, with properties and where it was stated.
///
/// An edge is identified by (from, type, to): several facts for the same key are one edge carrying all
/// their provenance, their properties merged in log order.
public struct EdgeFact: Hashable, Sendable {
    public var from: NodeID
    public var type: EdgeType
    public var to: NodeID
    public var properties: Properties
    public var provenance: [Provenance]

    public init(from: NodeID, type: EdgeType, to: NodeID, properties: Properties = [:], provenance: [Provenance] = []) {
        self.from = from
        self.type = type
        self.to = to
        self.properties = properties
        self.provenance = provenance
    }

    /// The identity of the edge this fact asserts.
    public var key: EdgeKey { EdgeKey(from: from, type: type, to: to) }
}

/// The identity of an edge: (from, type, to).
public struct EdgeKey: Hashable, Sendable, CustomStringConvertible {
    public var from: NodeID
    public var type: EdgeType
    public var to: NodeID

    public init(from: NodeID, type: EdgeType, to: NodeID) {
        self.from = from
        self.type = type
        self.to = to
    }

    public var description: String { "(\(from))-[:\(type)]->(\(to))" }
}
