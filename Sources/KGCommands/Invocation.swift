import KGModel
import KGStore

/// One run of a command: the context plus the global settings resolved from options and environment,
/// and the helpers every command shares (opening the graph, reading files, printing data).
public final class Invocation {
    public let context: CommandContext
    public let arguments: ParsedArguments
    /// The command's usage line, for usage errors.
    public let usage: String

    /// Options every command accepts.
    public static let globalOptions: [OptionSpec] = [
        OptionSpec("graph", value: "PATH", help: "graph file (default: $KG_GRAPH, else Graph/kamer.kg)"),
        OptionSpec("help", short: "h", help: "show this help"),
    ]

    /// The default graph path, relative to the working directory.
    public static let defaultGraphPath = "Graph/kamer.kg"

    init(context: CommandContext, arguments: ParsedArguments, usage: String) {
        self.context = context
        self.arguments = arguments
        self.usage = usage
    }

    /// The graph file path: `--graph`, else `KG_GRAPH`, else `Graph/kamer.kg`.
    public var graphPath: String {
        arguments.value("graph") ?? context.environment["KG_GRAPH"].flatMap { $0.isEmpty ? nil : $0 } ?? Invocation.defaultGraphPath
    }

    /// Store options from the common flags.
    public var storeOptions: StoreOptions {
        var options = StoreOptions()
        if arguments.has("no-sync") { options.sync = false }
        return options
    }

    /// `--as-of N`, validated.
    public func asOf(usage: String) throws -> UInt64? {
        guard let text = arguments.value("as-of") else { return nil }
        guard let value = UInt64(text), value > 0 else {
            throw CommandError.usage("--as-of expects a commit sequence number (1, 2, ...), got '\(text)'", usage: usage)
        }
        return value
    }

    /// Opens the graph for reading, printing what the open noticed.
    public func openForReading(asOf: UInt64? = nil) throws -> GraphStore {
        let store = try GraphStore.open(at: graphPath, storage: context.storage, writable: false, asOf: asOf,
                                        options: storeOptions, progress: context.progress("replaying"))
        context.endProgress()
        report(store.report, writer: false)
        return store
    }

    /// Opens the graph for writing (taking the lock), creating it first when `create` and it is absent.
    public func openForWriting(create: Bool) throws -> GraphStore {
        if create && !context.storage.exists(graphPath) {
            let store = try GraphStore.create(at: graphPath, storage: context.storage, options: storeOptions)
            context.note("created \(graphPath)")
            return store
        }
        let store = try GraphStore.open(at: graphPath, storage: context.storage, writable: true, options: storeOptions,
                                        progress: context.progress("replaying"))
        context.endProgress()
        report(store.report, writer: true)
        return store
    }

    func report(_ report: OpenReport, writer: Bool) {
        if report.tailBytes > 0 {
            let reason = report.tailReason ?? "an incomplete transaction"
            if report.droppedTail {
                context.warn("dropped \(report.tailBytes) bytes after the last commit of \(graphPath) (\(reason)): an interrupted write that was never committed")
            } else {
                context.warn("ignoring \(report.tailBytes) bytes after the last commit of \(graphPath) (\(reason)): a write in progress or an interrupted one")
            }
        }
        if let problem = report.snapshotProblem {
            context.warn("\(problem); replayed the log instead")
        }
        if report.skippedRecords > 0 {
            context.warn("skipped \(report.skippedRecords) records of kinds this kg does not know (written by a newer version)")
        }
    }

    /// `--format` checked against `allowed` (the first is the default).
    public func format(_ allowed: [String], usage: String) throws -> String {
        let format = arguments.value("format") ?? allowed[0]
        guard allowed.contains(format) else {
            throw CommandError.usage("--format expects one of \(allowed.joined(separator: ", ")), got '\(format)'", usage: usage)
        }
        return format
    }

    /// The bytes of `path`, or of standard input for `-`.
    public func readInput(_ path: String) throws -> [UInt8] {
        if path == "-" { return context.readStandardInput() }
        return try FileAccess.read(path)
    }
}
