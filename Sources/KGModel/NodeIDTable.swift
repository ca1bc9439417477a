/// Interns node ids into dense indices: the id bytes in one arena, and an open-addressing hash table
/// (FNV-1a, linear probing) from id to index that can be saved and loaded as flat arrays.
///
/// Lookup is O(1) expected; memory is the id bytes plus 4 bytes of offset and ~8 bytes of table per id.
public struct NodeIDTable: Sendable {
    /// UTF-8 bytes of all ids, back to back.
    public private(set) var arena: [UInt8]
    /// `offsets[i] ..< offsets[i + 1]` are the bytes of id `i`; `offsets.count == count + 1`.
    public private(set) var offsets: [UInt64]
    /// Slots of `index + 1`, 0 meaning empty; the count is a power of two.
    public private(set) var slots: [UInt32]

    public init() {
        arena = []
        offsets = [0]
        slots = [UInt32](repeating: 0, count: 16)
    }

    /// Rebuilds a table from saved arrays, checking that they fit together: offsets ascending within
    /// the arena, each id in exactly one slot (so every lookup ends at an empty slot). O(ids + slots).
    public init?(arena: [UInt8], offsets: [UInt64], slots: [UInt32]) {
        guard let last = offsets.last, offsets.first == 0, last == UInt64(arena.count),
              slots.count >= 16, slots.count & (slots.count - 1) == 0, slots.count > offsets.count - 1
        else { return nil }
        for i in 1..<offsets.count where offsets[i - 1] > offsets[i] { return nil }
        let count = offsets.count - 1
        var seen = [Bool](repeating: false, count: count)
        var used = 0
        for entry in slots where entry != 0 {
            guard Int(entry) <= count, !seen[Int(entry) - 1] else { return nil }
            seen[Int(entry) - 1] = true
            used += 1
        }
        guard used == count else { return nil }
        self.arena = arena
        self.offsets = offsets
        self.slots = slots
    }

    /// Number of ids.
    public var count: Int { offsets.count - 1 }

    /// The id at `index`.
    public func id(at index: Int) -> NodeID {
        let start = Int(offsets[index]), end = Int(offsets[index + 1])
        return NodeID(trusted: String(decoding: arena[start..<end], as: UTF8.self))
    }

    /// The index of `id`, or nil.
    public func index(of id: String) -> Int? {
        var text = id
        return text.withUTF8 { bytes in index(of: UnsafeRawBufferPointer(bytes), hash: FNV1a.hash(UnsafeRawBufferPointer(bytes))) }
    }

    /// The index of `id`, adding it when new; `added` says which.
    public mutating func intern(_ id: String) -> (index: Int, added: Bool) {
        var text = id
        return text.withUTF8 { bytes -> (Int, Bool) in
            let raw = UnsafeRawBufferPointer(bytes)
            let hash = FNV1a.hash(raw)
            if let found = index(of: raw, hash: hash) { return (found, false) }
            if (count + 1) * 2 > slots.count { grow() }
            let index = count
            arena.append(contentsOf: raw)
            offsets.append(UInt64(arena.count))
            insertSlot(index: index, hash: hash)
            return (index, true)
        }
    }

    private func index(of bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBytes { arenaBytes -> Int? in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let candidate = Int(entry - 1)
                let start = Int(offsets[candidate]), end = Int(offsets[candidate + 1])
                if end - start == bytes.count {
                    if bytes.count == 0 || memcmpEqual(arenaBytes.baseAddress! + start, bytes.baseAddress!, bytes.count) {
                        return candidate
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func insertSlot(index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(index + 1)
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        for index in 0..<count {
            let start = Int(offsets[index]), end = Int(offsets[index + 1])
            let hash = arena.withUnsafeBytes { FNV1a.hash(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            insertSlot(index: index, hash: hash)
        }
    }

    /// Checks every id is found at its own index; used by `Graph.checkInvariants()`.
    public func check() -> String? {
        for index in 0..<count {
            let id = self.id(at: index).rawValue
            if self.index(of: id) != index { return "id table: \(Escaping.quoted(id)) does not look up to index \(index)" }
        }
        let used = slots.reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
        if used != count { return "id table: \(used) slots used for \(count) ids" }
        return nil
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i += 1
    }
    return true
}
