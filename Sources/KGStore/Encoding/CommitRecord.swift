// The commit record; see Graph/FORMAT.md §4.

/// The record that ends a transaction. A transaction is visible to readers exactly when its commit
/// record is in the file, whole and with a good checksum.
public struct CommitRecord: Hashable, Sendable {
    /// 1 for the first transaction, then +1 per commit.
    public var sequence: UInt64
    /// Milliseconds since 1970-01-01 UTC.
    public var timeMillis: Int64
    /// What the transaction came from (an imported file path, an ingested document).
    public var source: String
    /// sha256 hex of the source bytes, or empty.
    public var sourceHash: String
    /// File offset of the transaction's first record (the commit's own offset when it has none).
    public var transactionStart: UInt64
    public var nodeFacts: Int
    public var edgeFacts: Int
    public var retractions: Int

    public init(sequence: UInt64, timeMillis: Int64, source: String, sourceHash: String, transactionStart: UInt64,
                nodeFacts: Int, edgeFacts: Int, retractions: Int) {
        self.sequence = sequence
        self.timeMillis = timeMillis
        self.source = source
        self.sourceHash = sourceHash
        self.transactionStart = transactionStart
        self.nodeFacts = nodeFacts
        self.edgeFacts = edgeFacts
        self.retractions = retractions
    }
}
