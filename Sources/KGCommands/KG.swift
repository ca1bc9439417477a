import KGModel
import KGStore

/// The `kg` command-line tool: dispatches to the subcommands and maps errors to exit codes
/// (0 success, 1 failure, 2 usage). The only place that decides what a user sees.
public enum KG {
    /// The program version (`kg --version`).
    public static let version = "0.1.0"

    /// All subcommands, in the order `kg help` lists them.
    public static var commands: [CommandSpec] {
        [DemoCommand.spec, InitCommand.spec, IngestCommand.spec, ExtractCommand.spec, ResolveCommand.spec, QueryCommand.spec, DotCommand.spec,
         ImportCommand.spec, ExportCommand.spec, StatsCommand.spec, ShowCommand.spec, LogCommand.spec,
         VerifyCommand.spec, SalvageCommand.spec, CheckpointCommand.spec, HelpCommand.spec]
    }

    /// Runs `kg` with `arguments` (without the program name); returns the exit code.
    public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        var arguments = arguments
        // Global options may precede the subcommand.
        var leading: [String] = []
        while let first = arguments.first, first.hasPrefix("-") {
            if first == "--version" {
                context.out("kg \(version) (graph format \(FileFormat.majorVersion).\(FileFormat.minorVersion))")
                return 0
            }
            if first == "--help" || first == "-h" {
                context.out(HelpCommand.overview)
                return 0
            }
            if first == "--graph" && arguments.count >= 2 {
                leading += arguments.prefix(2)
                arguments.removeFirst(2)
            } else if first.hasPrefix("--graph=") {
                leading.append(first)
                arguments.removeFirst()
            } else {
                context.writeErr("kg: error: unknown option '\(first)' before the subcommand\n\(HelpCommand.shortUsage)\n")
                return 2
            }
        }
        guard let name = arguments.first else {
            context.writeErr(HelpCommand.overview + "\n")
            return 2
        }
        guard let spec = commands.first(where: { $0.name == name }) else {
            context.writeErr("kg: error: unknown command '\(name)'\n\(HelpCommand.shortUsage)\n")
            return 2
        }
        do {
            let parsed = try spec.parse(leading + Array(arguments.dropFirst()))
            if parsed.has("help") {
                context.out(spec.helpText)
                return 0
            }
            try spec.run(parsed, Invocation(context: context, arguments: parsed, usage: spec.usageLine))
            return 0
        } catch CommandError.usage(let message, let usage) {
            context.writeErr("kg: error: \(message)\nusage: \(usage)\n")
            return 2
        } catch {
            context.writeErr("kg: error: \(error)\n")
            return 1
        }
    }
}
