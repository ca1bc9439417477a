import Foundation

/// What the libFuzzer entries (`Tools/fuzz/Entry/*.swift`) call: run a target on libFuzzer's bytes and
/// turn a broken invariant into an abort (libFuzzer saves the input); write a target's seeds on request.
public enum FuzzDriver {
    /// `LLVMFuzzerTestOneInput`: runs `target` on `size` bytes at `data`; aborts with the failure on stderr.
    public static func testOneInput(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        do {
            try target.run(input)
        } catch {
            FileHandle.standardError.write(Data("\n==kg-fuzz== invariant broken: \(error)\n".utf8))
            abort()
        }
        return 0
    }

    /// `LLVMFuzzerInitialize`: with `KG_FUZZ_WRITE_SEEDS=DIR` in the environment, writes the target's
    /// seeds (read below `KG_FUZZ_ROOT`, default the current directory) into DIR and exits, so
    /// `Tools/fuzz/run.sh` gets seeds from the same code as the tests. Otherwise does nothing.
    public static func initialize(_ target: FuzzTarget) {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["KG_FUZZ_WRITE_SEEDS"] else { return }
        let root = environment["KG_FUZZ_ROOT"] ?? FileManager.default.currentDirectoryPath
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let seeds = try FuzzSeeds.seeds(for: target, root: root)
            for seed in seeds {
                guard FileManager.default.createFile(atPath: directory + "/" + seed.name, contents: Data(seed.bytes)) else {
                    throw FuzzFailure(target: target.rawValue, invariant: "cannot write seed", detail: directory + "/" + seed.name)
                }
            }
            FileHandle.standardError.write(Data("\(seeds.count) seeds for \(target.rawValue) in \(directory)\n".utf8))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("kg-fuzz: cannot write seeds: \(error)\n".utf8))
            exit(1)
        }
    }
}
