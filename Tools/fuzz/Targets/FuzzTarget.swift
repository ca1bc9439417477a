/// The fuzz targets, by name: each runs one input path on arbitrary bytes and checks its invariants.
///
/// The same functions run under libFuzzer (`Tools/fuzz/Entry/<name>.swift`, built by
/// `Tools/fuzz/build.sh`) and in the seeded-mutation tests (`Tests/KGFuzzTests`).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Arbitrary bytes as a graph file (and the snapshot beside it): open, read everything, verify, salvage.
    case graphFile = "graph-file"
    /// Arbitrary bytes as JSON Lines: decode; what decodes must round-trip and commit.
    case jsonLines = "jsonl"
    /// Arbitrary text as a query: parse (errors point inside the text), bind and plan.
    case query = "query"
    /// Arbitrary bytes as a paper (text, or publication XML when it starts with `<`): extract; every fact
    /// carries provenance inside the input.
    case extract = "extract"

    /// Runs the target on `input`; throws the first broken invariant.
    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .graphFile: try GraphFileTarget.run(input)
        case .jsonLines: try JSONLinesTarget.run(input)
        case .query: try QueryTarget.run(input)
        case .extract: try ExtractTarget.run(input)
        }
    }

    /// The longest input worth trying (libFuzzer's `-max_len`; the tests cut mutations to it).
    public var maxLength: Int {
        switch self {
        case .graphFile: return 16 << 10
        case .jsonLines: return 16 << 10
        case .query: return 4 << 10
        case .extract: return 32 << 10
        }
    }
}
