import KGStore

/// `kg salvage --output NEW.kg`: copies the intact committed prefix into a new file.
enum SalvageCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "salvage", abstract: "Copy every transaction committed before the first damage into a new graph file.",
        usage: "--output NEW.kg",
        discussion: "Never modifies the damaged file; refuses to overwrite an existing output.",
        options: [OptionSpec("output", value: "FILE", short: "o", help: "the new graph file to write")],
        run: { arguments, invocation in
            guard let output = arguments.value("output") else {
                throw CommandError.usage("`kg salvage` needs --output NEW.kg (the damaged file is never modified)", usage: invocation.usage)
            }
            let report = try LogSalvager.salvage(from: invocation.graphPath, to: output, storage: invocation.context.storage)
            var line = "wrote \(output): \(report.transactionsKept) transactions, \(report.bytesKept) bytes"
            if let offset = report.damageOffset { line += "; dropped \(report.bytesDropped) bytes from the damage at byte offset \(offset) on" }
            else if report.bytesDropped > 0 { line += "; dropped \(report.bytesDropped) uncommitted bytes" }
            invocation.context.out(line)
        }) }
}
