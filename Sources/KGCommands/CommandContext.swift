import Foundation
import KGStore

/// Everything a command touches outside itself: output streams, environment, working directory and
/// storage. Tests build one with in-memory streams; `kg` builds one over the real process.
public final class CommandContext {
    /// Writes data output (stdout).
    public let writeOut: (String) -> Void
    /// Writes messages, warnings and progress (stderr).
    public let writeErr: (String) -> Void
    public let environment: [String: String]
    /// Whether stderr is a terminal (progress is shown only then).
    public let stderrIsTerminal: Bool
    public let storage: StorageSystem
    /// Reads standard input whole (for `import -`).
    public let readStandardInput: () -> [UInt8]

    public init(writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void,
                environment: [String: String] = [:], stderrIsTerminal: Bool = false,
                storage: StorageSystem = POSIXStorage(), readStandardInput: @escaping () -> [UInt8] = { [] }) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.environment = environment
        self.stderrIsTerminal = stderrIsTerminal
        self.storage = storage
        self.readStandardInput = readStandardInput
    }

    /// A context over this process's stdout, stderr, environment and files.
    public static func process() -> CommandContext {
        let out = FileHandle.standardOutput
        let err = FileHandle.standardError
        return CommandContext(
            writeOut: { out.write(Data($0.utf8)) },
            writeErr: { err.write(Data($0.utf8)) },
            environment: ProcessInfo.processInfo.environment,
            stderrIsTerminal: isatty(2) == 1,
            readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) })
    }

    /// Prints a data line to stdout.
    public func out(_ line: String) { writeOut(line + "\n") }
    /// Prints a message line to stderr.
    public func note(_ line: String) { writeErr(line + "\n") }
    /// Prints a warning to stderr.
    public func warn(_ line: String) { writeErr("kg: warning: " + line + "\n") }

    /// A progress reporter that redraws one stderr line when stderr is a terminal, else does nothing.
    public func progress(_ label: String) -> ((Int) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { [writeErr] count in writeErr("\r\(label): \(count)") }
    }

    /// Ends a progress line.
    public func endProgress() {
        if stderrIsTerminal { writeErr("\r\u{1B}[K") }
    }
}
