/// A command's arguments after option parsing: option values by name, flags, and positionals.
public struct ParsedArguments: Sendable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// One option a command accepts.
public struct OptionSpec: Sendable {
    public var name: String
    /// The value's placeholder (`PATH`), or nil for a flag.
    public var value: String?
    public var help: String
    public var short: Character?

    public init(_ name: String, value: String? = nil, short: Character? = nil, help: String) {
        self.name = name
        self.value = value
        self.short = short
        self.help = help
    }
}
