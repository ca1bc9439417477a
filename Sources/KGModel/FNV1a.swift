/// FNV-1a, 64-bit: a fast hash with a fixed seed, so hash tables built from it can be persisted
/// (Swift's `Hasher` is seeded per process and cannot).
public enum FNV1a {
    /// Hash of `bytes`.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// Hash of the UTF-8 bytes of `text`.
    @inlinable
    public static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
