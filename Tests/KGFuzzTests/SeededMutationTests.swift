import Foundation
import KGFuzzTargets
import KGTestSupport
import Testing

/// The bounded fuzz run CI does: each target on seeded random mutations of its seeds (the same seeds
/// libFuzzer starts from), and every saved regression input. Deterministic: a failure repeats, and
/// its input is written to a temporary file named in the message (copy it to Tools/fuzz/regressions).
@Suite struct SeededMutationTests {
    /// Mutations per target, chosen to keep the suite to a few seconds in a debug build.
    static func budget(_ target: FuzzTarget) -> Int {
        switch target {
        case .graphFile: return 3000
        case .jsonLines: return 4000
        case .query: return 6000
        case .extract: return 400
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsPassUnchanged(target: FuzzTarget) throws {
        let seeds = try FuzzSeeds.seeds(for: target, root: RepositoryPaths.root)
        #expect(seeds.count >= 3, "too few seeds for \(target)")
        for seed in seeds {
            #expect(throws: Never.self, "seed \(seed.name)") { try target.run(Array(seed.bytes.prefix(target.maxLength))) }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seededMutationsKeepTheInvariants(target: FuzzTarget) throws {
        let seeds = try FuzzSeeds.seeds(for: target, root: RepositoryPaths.root).map(\.bytes)
        var mutator = Mutator(seed: 0x6B67_6675_7A7A ^ UInt64(target.rawValue.utf8.count), seeds: seeds, maxLength: target.maxLength,
                              window: target == .extract ? 6 << 10 : nil)
        var failures: [String] = []
        for index in 0..<Self.budget(target) {
            let input = mutator.next()
            do {
                try target.run(input)
            } catch {
                let file = FileManager.default.temporaryDirectory.path + "/kg-fuzz-\(target.rawValue)-\(index).bin"
                _ = FileManager.default.createFile(atPath: file, contents: Data(input))
                failures.append("mutation \(index): \(error) (input saved to \(file))")
                if failures.count >= 5 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Inputs that once broke a target (minimised by libFuzzer) must keep passing.
    @Test(arguments: FuzzTarget.allCases)
    func regressionsStayFixed(target: FuzzTarget) throws {
        let directory = RepositoryPaths.root + "/Tools/fuzz/regressions/" + target.rawValue
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let input = RepositoryPaths.bytes(directory + "/" + name)
            #expect(throws: Never.self, "\(target.rawValue)/\(name)") { try target.run(input) }
        }
    }

    @Test func repairMakesMutatedFramesPassTheirChecksums() throws {
        let seeds = try FuzzSeeds.graphFiles()
        let sample = try #require(seeds.first { $0.name == "sample-with-snapshot.kg" }).bytes
        let (log, snapshot) = GraphFileTarget.split(sample)
        let snapshotBytes = try #require(snapshot)
        #expect(log.count > 20 && snapshotBytes.count > 56)
        // Unchanged files repair to themselves.
        #expect(GraphFileTarget.repairLog(log) == log)
        #expect(GraphFileTarget.repairSnapshot(snapshotBytes, log: log) == snapshotBytes)
        // A changed payload byte gets its frame a new checksum, and nothing else changes.
        var damaged = log
        damaged[40] ^= 0x20
        let repaired = GraphFileTarget.repairLog(damaged)
        let changed = repaired.indices.filter { repaired[$0] != damaged[$0] }
        #expect(!changed.isEmpty && changed.allSatisfy { $0 >= 20 && $0 < 24 })
        #expect(GraphFileTarget.repairLog(repaired) == repaired)
    }
}

/// Mutations in the style of libFuzzer's: bit flips, byte overwrites with interesting values,
/// insertions, deletions, splices of two seeds, truncations, repeated chunks and 32-bit fields; one to
/// three per input.
struct Mutator {
    var random: SeededRandom
    let seeds: [[UInt8]]
    let maxLength: Int
    /// When set, each input starts from a random window of at most this many bytes of a seed.
    let window: Int?

    init(seed: UInt64, seeds: [[UInt8]], maxLength: Int, window: Int?) {
        random = SeededRandom(seed: seed)
        self.seeds = seeds.filter { !$0.isEmpty }
        self.maxLength = maxLength
        self.window = window
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    mutating func pick() -> [UInt8] {
        let seed = seeds[below(seeds.count)]
        guard let window, seed.count > window else { return seed }
        let start = below(seed.count - window)
        return Array(seed[start..<(start + 1 + below(window))])
    }

    mutating func next() -> [UInt8] {
        var bytes = pick()
        for _ in 0...below(3) { mutate(&bytes) }
        return Array(bytes.prefix(maxLength))
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let interesting: [UInt8] = [0, 1, 0x0A, 0x22, 0x3C, 0x7F, 0x80, 0xC3, 0xFF]
        switch below(9) {
        case 0 where !bytes.isEmpty:  // flip bits
            for _ in 0...below(8) { bytes[below(bytes.count)] ^= 1 << UInt8(below(8)) }
        case 1 where !bytes.isEmpty:  // overwrite bytes
            for _ in 0...below(4) { bytes[below(bytes.count)] = below(2) == 0 ? interesting[below(interesting.count)] : UInt8(below(256)) }
        case 2:  // insert bytes
            let at = below(bytes.count + 1)
            bytes.insert(contentsOf: (0...below(16)).map { _ in UInt8(below(256)) }, at: at)
        case 3 where !bytes.isEmpty:  // delete a range
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(64)))
        case 4:  // splice with another seed
            let other = pick()
            bytes = Array(bytes.prefix(below(bytes.count + 1))) + other.suffix(below(other.count + 1))
        case 5:  // truncate
            bytes = Array(bytes.prefix(below(bytes.count + 1)))
        case 6 where !bytes.isEmpty:  // repeat a chunk elsewhere
            let start = below(bytes.count)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(32))])
            let at = below(bytes.count + 1)
            bytes.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: 1 + below(8)).joined()), at: at)
        case 7 where bytes.count >= 4:  // a 32-bit little-endian field
            let values: [UInt32] = [0, 1, 0x7F, 0xFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, UInt32(bytes.count), UInt32(random.next() & 0xFFFF)]
            let value = values[below(values.count)], at = below(bytes.count - 3)
            for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        default:  // copy a chunk over another place
            guard bytes.count > 1 else { return }
            let from = below(bytes.count), to = below(bytes.count)
            let count = min(1 + below(16), bytes.count - from, bytes.count - to)
            bytes.replaceSubrange(to..<(to + count), with: bytes[from..<(from + count)])
        }
    }
}
