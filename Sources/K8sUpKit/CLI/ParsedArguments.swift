/// The options and positional arguments of one command invocation, after parsing.
public struct ParsedArguments: Sendable, Equatable {
    var flags: Set<String> = []
    var values: [String: [String]] = [:]
    public internal(set) var positionals: [String] = []

    /// Whether the flag `--long` was given.
    public func flag(_ long: String) -> Bool { flags.contains(long) }

    /// The value of a single-valued option, if given.
    public func value(_ long: String) -> String? { values[long]?.last }

    /// Every value of a repeatable option, in command-line order.
    public func values(_ long: String) -> [String] { values[long] ?? [] }
}
