/// The end of the pipeline: hands each row's result columns to the consumer (collected into a
/// `ResultTable`, or streamed).
final class ProduceResults: Operator {
    let slots: [Int]
    let consume: ([Value]) throws -> Bool
    var produced = 0

    init(_ context: ExecutionContext, slots: [Int], consume: @escaping ([Value]) throws -> Bool) {
        self.slots = slots
        self.consume = consume
        super.init(context, next: nil)
    }

    override func push(_ row: inout [Value]) throws -> Bool {
        produced += 1
        return try consume(slots.map { row[$0] })
    }

    override func finish() throws {}
}
