import KGModel
import Testing

@Suite struct SHA256Tests {
    // FIPS 180-4 examples and a multi-block case.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(input: String, hex: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == hex)
    }

    @Test func multiBlockDigest() {
        #expect(SHA256.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1000))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func streamingEqualsOneShot() {
        var random = SeededRandomForModel(seed: 7)
        let bytes = (0..<5000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var hasher = SHA256()
        var index = 0
        for size in [1, 63, 64, 65, 127, 1000, 3000] where index < bytes.count {
            let end = min(bytes.count, index + size)
            hasher.update(Array(bytes[index..<end]))
            index = end
        }
        hasher.update(Array(bytes[index...]))
        let streamed = hasher.finalize()
        var oneShot = SHA256()
        oneShot.update(bytes)
        #expect(streamed == oneShot.finalize())
    }
}

struct SeededRandomForModel: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_EB31
        return z ^ (z >> 31)
    }
}
