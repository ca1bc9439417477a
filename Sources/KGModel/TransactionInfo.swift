/// What the graph knows of one committed transaction: its commit record, and which facts it stated.
public struct TransactionInfo: Hashable, Sendable {
    /// Commit sequence number, from 1.
    public var sequence: UInt64
    /// Commit time, milliseconds since 1970-01-01 UTC.
    public var timeMillis: Int64
    /// The source the transaction came from (an imported file, an ingested document).
    public var source: String
    /// sha256 hex of the source's bytes, or empty when unknown.
    public var sourceHash: String
    /// References of the transaction's facts lie in `firstRef ..< endRef`.
    public var firstRef: FactRef
    public var endRef: FactRef
    /// Counts stated by the commit record.
    public var nodeFacts: Int
    public var edgeFacts: Int
    public var retractions: Int
    /// The sequence number of the later transaction that retracted this source, or 0.
    public var supersededBy: UInt64

    public init(sequence: UInt64, timeMillis: Int64, source: String, sourceHash: String, firstRef: FactRef,
                endRef: FactRef, nodeFacts: Int, edgeFacts: Int, retractions: Int, supersededBy: UInt64 = 0) {
        self.sequence = sequence
        self.timeMillis = timeMillis
        self.source = source
        self.sourceHash = sourceHash
        self.firstRef = firstRef
        self.endRef = endRef
        self.nodeFacts = nodeFacts
        self.edgeFacts = edgeFacts
        self.retractions = retractions
        self.supersededBy = supersededBy
    }
}
