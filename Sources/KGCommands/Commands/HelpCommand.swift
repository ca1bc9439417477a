/// `kg help [COMMAND]`.
enum HelpCommand {
    static let shortUsage = "usage: kg [--graph PATH] <command> [options]   (see `kg help`)"

    static var overview: String {
        var lines = ["kg: a knowledge-graph store for Dutch parliamentary papers", "", "usage: kg [--graph PATH] <command> [options]", "", "commands:"]
        for command in KG.commands {
            lines.append("  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.abstract)
        }
        lines += ["", "The graph file is --graph PATH, else $KG_GRAPH, else Graph/kamer.kg.",
                  "`kg COMMAND --help` shows a command's options. Exit codes: 0 ok, 1 failure, 2 usage error."]
        return lines.joined(separator: "\n")
    }

    static var spec: CommandSpec { CommandSpec(
        name: "help", abstract: "Show help for kg or one command.", usage: "[COMMAND]", positionals: 0...1,
        run: { arguments, invocation in
            guard let name = arguments.positionals.first else {
                invocation.context.out(overview)
                return
            }
            guard let command = KG.commands.first(where: { $0.name == name }) else {
                throw CommandError.usage("no command named '\(name)'", usage: "kg help [COMMAND]")
            }
            invocation.context.out(command.helpText)
        }) }
}
