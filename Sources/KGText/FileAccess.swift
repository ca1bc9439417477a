import Foundation
import KGModel

/// Every file and process operation of KGText, in one place: reading a source file, finding and
/// running an external program (pdftotext), temporary files. The rest of the module works on bytes.
enum FileAccess {
    /// The bytes of the file at `path`; refuses directories, missing files and files over
    /// `Limits.maxSourceBytes`.
    static func readFile(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TextSourceError.unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw TextSourceError.unreadable(file: path, reason: "is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue > Limits.maxSourceBytes {
            throw TextSourceError.notText(file: path, offset: 0,
                                          reason: "the file is \(size.intValue) bytes, more than the \(Limits.maxSourceBytes >> 20) MiB limit")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TextSourceError.unreadable(file: path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw TextSourceError.unreadable(file: path, reason: error.localizedDescription)
        }
    }

    /// The full path of executable `name` in the directories of `searchPath` (colon-separated; default
    /// the `PATH` environment variable), or nil.
    static func findExecutable(_ name: String, searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The output of a finished program.
    struct ProgramResult {
        let status: Int32
        let stdout: [UInt8]
        let stderr: [UInt8]
        let timedOut: Bool
    }

    /// Runs `executable` with `arguments` (no shell), collecting stdout and stderr; terminates it after
    /// `timeout` seconds.
    static func run(_ executable: String, arguments: [String], timeout: Double) throws -> ProgramResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw TextSourceError.toolFailed(executable, status: -1, message: "could not start: \(error.localizedDescription)")
        }
        let box = ProcessBox(process)
        // stderr is drained concurrently so a chatty program cannot block on a full pipe.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        let stderrHandle = stderrPipe.fileHandleForReading
        DispatchQueue.global().async {
            stderrBox.set(stderrHandle.readDataToEndOfFile())
            group.leave()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { box.terminateIfRunning() }
        let output = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return ProgramResult(status: process.terminationStatus, stdout: Array(output), stderr: Array(stderrBox.get()),
                             timedOut: box.terminated)
    }

    /// Writes `bytes` to a fresh temporary file named `...suffix`, runs `body` with its path, removes it.
    static func withTemporaryFile<T>(_ bytes: [UInt8], suffix: String, _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kgtext-" + UUID().uuidString + suffix).path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw TextSourceError.unreadable(file: path, reason: "could not write a temporary file")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}

/// A process shared with the timeout timer.
private final class ProcessBox: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var didTerminate = false
    init(_ process: Process) { self.process = process }

    func terminateIfRunning() {
        lock.lock()
        defer { lock.unlock() }
        if process.isRunning {
            didTerminate = true
            process.terminate()
        }
    }

    var terminated: Bool {
        lock.lock()
        defer { lock.unlock() }
        return didTerminate
    }
}

/// Bytes handed over from the stderr reader.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
