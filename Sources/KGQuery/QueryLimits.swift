/// The explicit limits of query execution, documented in Queries/README.md.
public enum QueryLimits {
    /// Hops a variable-length relationship without an upper bound (`*`, `*2..`) may take: 16.
    /// (`shortestPath` and `allShortestPaths` are not capped: a breadth-first search ends by itself.)
    public static let defaultMaxHops = 16
    /// Largest explicit upper bound accepted on a variable-length relationship (`*1..N`).
    public static let maxExplicitHops = 10_000
    /// Most rows one query may hold at once in a sort, aggregation, DISTINCT or the result (10^7);
    /// past it the query stops with `QueryError.tooManyRows` rather than exhausting memory.
    public static let maxMaterializedRows = 10_000_000
    /// Most distinct regular expressions compiled (and cached) per query.
    public static let maxCachedRegexes = 256
}
