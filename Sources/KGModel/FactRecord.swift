/// One record of a transaction as the graph applies it: a node fact, an edge fact or a retraction.
public enum FactRecord: Hashable, Sendable {
    case node(NodeFact)
    case edge(EdgeFact)
    case retraction(Retraction)
}

/// A reference to a stored fact: in a graph file, the byte offset of its record; in memory, an index.
///
/// References grow with log order, so comparing two tells which was asserted first.
public typealias FactRef = UInt64

/// Loads stored facts back by reference, so the graph keeps only references in memory and decodes
/// properties and provenance on demand. The store implements it over the log file; `MemoryFactLog`
/// over an array.
public protocol FactLoader: AnyObject {
    /// The record at `ref`; throws when it cannot be read (I/O error, checksum mismatch).
    func loadFact(at ref: FactRef) throws -> FactRecord
    /// The error to throw when the record at `ref` was read but is not the fact the graph indexed
    /// there (`expected` says what was); a file store says whether the file changed under it.
    func mismatch(at ref: FactRef, expected: String) -> Error
}

extension FactLoader {
    public func mismatch(at ref: FactRef, expected: String) -> Error {
        GraphError.unexpectedFact(ref: ref, expected: expected)
    }
}

/// A `FactLoader` over records kept in memory; references are array indices. For tests, the extractor's
/// dry runs and anything that builds a graph without a file.
public final class MemoryFactLog: FactLoader {
    /// The records, in order.
    public private(set) var records: [FactRecord] = []

    public init() {}

    /// Stores `record` and returns its reference.
    public func append(_ record: FactRecord) -> FactRef {
        records.append(record)
        return FactRef(records.count - 1)
    }

    public func loadFact(at ref: FactRef) throws -> FactRecord {
        guard ref < records.count else { throw GraphError.missingFact(ref: ref) }
        return records[Int(ref)]
    }
}
