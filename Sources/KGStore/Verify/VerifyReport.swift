/// What `LogVerifier` found in a graph file: the committed prefix, the first damage, the tail, the
/// snapshot, and whether the graph built from the log is consistent.
public struct VerifyReport: Sendable {
    /// First damage inside the committed prefix.
    public struct Damage: Sendable, Equatable {
        /// Byte offset of the damaged record.
        public var offset: UInt64
        /// Index of the damaged record (0 = first record after the header).
        public var record: Int
        public var reason: String
        /// Transactions committed whole before the damage, and where they end (what salvage keeps).
        public var intactTransactions: Int
        public var intactEnd: UInt64
    }

    public var path: String
    public var fileSize: UInt64 = 0
    public var formatVersion: (UInt16, UInt16) = (0, 0)
    /// Records read, commits included.
    public var records = 0
    public var transactions = 0
    public var lastSequence: UInt64 = 0
    public var nodeFacts = 0
    public var edgeFacts = 0
    public var retractions = 0
    public var skippedRecords = 0
    /// End of the committed prefix (up to the damage, when there is one).
    public var committedEnd: UInt64 = 0
    public var tailBytes: UInt64 = 0
    public var tailReason: String?
    public var damage: Damage?
    /// "absent", "matches the log", or why it does not.
    public var snapshot = "absent"
    public var snapshotOK = true
    /// Live nodes and edges of the graph the log builds.
    public var nodes = 0
    public var edges = 0
    public var invariantProblem: String?

    public init(path: String) { self.path = path }

    /// True when nothing is damaged and the graph is consistent (a torn tail is not damage).
    public var isHealthy: Bool { damage == nil && invariantProblem == nil && snapshotOK }
}
