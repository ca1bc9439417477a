/// A map from word hashes (`WordTokens.Token.hash`, already well mixed FNV-1a values) to small
/// integers, by open addressing: a lookup per token costs a multiply and usually one probe, where a
/// `Dictionary<UInt64, _>` would run SipHash for every word of every paragraph. A 16-kbit filter on
/// the keys' top bits (2 KB, stays in the L1 cache) answers most lookups of words that are not keys
/// without touching the table. Built once per rule set; read-only while matching.
struct WordHashIndex: Sendable {
    /// `keys[slot]` with `values[slot]`; a slot is free when its value is -1. The count is a power of two.
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    /// Bit `key >> 50` is set for every key.
    private var filter = [UInt64](repeating: 0, count: 256)

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Int32](repeating: -1, count: 16)
        mask = 15
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value stored for `key`, or nil.
    @inline(__always) func value(_ key: UInt64) -> Int? {
        let bit = Int(truncatingIfNeeded: key >> 50)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        var slot = WordHashIndex.slot(key, mask)
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return Int(value) }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ key: UInt64) -> Bool { value(key) != nil }

    /// Stores `value` (0 ..< 2^31) for `key`, replacing an earlier one.
    mutating func set(_ key: UInt64, _ value: Int) {
        precondition(value >= 0 && value <= Int(Int32.max), "WordHashIndex values are small non-negative integers")
        if (count + 1) * 2 > keys.count { grow() }
        let bit = Int(truncatingIfNeeded: key >> 50)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        var slot = WordHashIndex.slot(key, mask)
        while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if values[slot] < 0 { count += 1 }
        keys[slot] = key
        values[slot] = Int32(value)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for slot in oldKeys.indices where oldValues[slot] >= 0 {
            var target = WordHashIndex.slot(oldKeys[slot], mask)
            while values[target] >= 0 { target = (target + 1) & mask }
            keys[target] = oldKeys[slot]
            values[target] = oldValues[slot]
        }
    }
}
