/// A subcommand: its name, one-line abstract, usage, options, and what it runs.
public struct CommandSpec {
    public var name: String
    public var abstract: String
    /// Arguments part of the usage line, e.g. `FILE.jsonl [--source NAME]`.
    public var usage: String
    /// Longer help text shown by `--help`.
    public var discussion: String
    public var options: [OptionSpec]
    public var positionals: ClosedRange<Int>
    public var run: (ParsedArguments, Invocation) throws -> Void

    public init(name: String, abstract: String, usage: String, discussion: String = "", options: [OptionSpec] = [],
                positionals: ClosedRange<Int> = 0...0, run: @escaping (ParsedArguments, Invocation) throws -> Void) {
        self.name = name
        self.abstract = abstract
        self.usage = usage
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.run = run
    }

    /// `kg NAME USAGE`.
    public var usageLine: String { "kg \(name)" + (usage.isEmpty ? "" : " " + usage) }

    /// The text `--help` prints.
    public var helpText: String {
        var lines = ["usage: \(usageLine)", "", abstract]
        if !discussion.isEmpty { lines += ["", discussion] }
        let all = options + Invocation.globalOptions
        lines += ["", "options:"]
        for option in all {
            var head = "  --\(option.name)"
            if let short = option.short { head = "  -\(short), --\(option.name)" }
            if let value = option.value { head += " \(value)" }
            lines.append(head.padding(toLength: max(head.count + 2, 28), withPad: " ", startingAt: 0) + option.help)
        }
        return lines.joined(separator: "\n")
    }

    /// Parses `arguments` (after the subcommand name) against this command's options.
    public func parse(_ arguments: [String]) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        let all = options + Invocation.globalOptions
        var index = 0
        var onlyPositionals = false
        func usageError(_ message: String) -> CommandError { .usage(message, usage: usageLine) }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                guard argument.count == 2, let option = all.first(where: { $0.short == argument.last }) else {
                    throw usageError("unknown option '\(argument)' for `kg \(self.name)`")
                }
                name = option.name
            }
            guard let option = all.first(where: { $0.name == name }) else {
                throw usageError("unknown option '--\(name)' for `kg \(self.name)` (see `kg \(self.name) --help`)")
            }
            if let placeholder = option.value {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw usageError("option --\(name) expects a value \(placeholder)") }
                    value = arguments[index]
                    index += 1
                }
                parsed.values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else { throw usageError("option --\(name) takes no value") }
                parsed.flags.insert(name)
            }
        }
        if parsed.has("help") { return parsed }
        if !positionals.contains(parsed.positionals.count) {
            let expected = positionals.lowerBound == positionals.upperBound
                ? (positionals.lowerBound == 0 ? "no arguments" : "\(positionals.lowerBound) argument\(positionals.lowerBound == 1 ? "" : "s")")
                : "\(positionals.lowerBound) to \(positionals.upperBound) arguments"
            throw usageError("`kg \(self.name)` expects \(expected), got \(parsed.positionals.count)")
        }
        return parsed
    }
}
