/// Edges added to a `Graph` since its last compaction, with a hash index for de-duplication.
struct PendingEdges: Sendable {
    struct Key: Hashable, Sendable {
        var endpoints: UInt64
        var type: UInt16
        init(source: Int, type: UInt16, target: Int) {
            endpoints = UInt64(source) << 32 | UInt64(target)
            self.type = type
        }
    }

    var sources: [UInt32] = []
    var targets: [UInt32] = []
    var types: [UInt16] = []
    var refs = FactRefs()
    var index: [Key: Int] = [:]

    var count: Int { sources.count }

    mutating func append(source: Int, type: UInt16, target: Int, ref: FactRef) {
        index[Key(source: source, type: type, target: target)] = sources.count
        sources.append(UInt32(source))
        targets.append(UInt32(target))
        types.append(type)
        refs.appendElement()
        refs.append(ref, to: refs.count - 1)
    }

    func find(source: Int, type: UInt16, target: Int) -> Int? {
        index[Key(source: source, type: type, target: target)]
    }

    mutating func removeAll() { self = PendingEdges() }
}
