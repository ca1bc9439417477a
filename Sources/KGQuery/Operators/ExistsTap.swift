/// The end of an `exists(...)` pipeline: notes the first match and stops the search.
final class ExistsTap: Operator {
    var found = false

    override func push(_ row: inout [Value]) throws -> Bool {
        found = true
        return false
    }

    override func finish() throws {}
}
