/// Errors from the in-memory graph: references that do not resolve, and broken invariants.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A fact reference points at nothing the loader knows.
    case missingFact(ref: FactRef)
    /// A fact reference points at a record of the wrong kind.
    case unexpectedFact(ref: FactRef, expected: String)
    /// `checkInvariants()` found the graph inconsistent.
    case invariantViolated(String)
    /// More distinct labels or relationship types (`kind`) than a graph can hold.
    case tooManyNames(kind: String, limit: Int)

    public var description: String {
        switch self {
        case .missingFact(let ref): return "no stored fact at reference \(ref)"
        case .unexpectedFact(let ref, let expected): return "the fact at reference \(ref) is not \(expected)"
        case .invariantViolated(let what): return "graph invariant violated: \(what)"
        case .tooManyNames(let kind, let limit):
            return "a graph holds at most \(limit) distinct \(kind); this would add more (nothing was written)"
        }
    }
}
