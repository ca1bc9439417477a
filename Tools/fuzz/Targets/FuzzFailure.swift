/// An invariant a fuzz target found broken: which target, which rule, and what was seen.
///
/// Targets throw it instead of printing or trapping, so the libFuzzer entries can report it and abort
/// (libFuzzer then saves the input as a crash) and the seeded tests can fail with the same text.
public struct FuzzFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The target's name (`graph-file`, `jsonl`, `query`, `extract`).
    public var target: String
    /// The rule that broke, in a few words (`untyped error`, `round trip`, `span outside the input`).
    public var invariant: String
    /// What was seen: values, offsets, the error text.
    public var detail: String

    public init(target: String, invariant: String, detail: String) {
        self.target = target
        self.invariant = invariant
        self.detail = detail
    }

    public var description: String { "\(target): \(invariant): \(detail)" }
}
