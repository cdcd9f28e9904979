/// One option a command accepts, as shown in its help and understood by `ArgumentParser`.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes (`inventory` for `--inventory`).
    public let long: String
    public let short: Character?
    /// The value's placeholder (`PATH`) for options that take a value; nil for flags.
    public let valueName: String?
    /// Whether the option may be given more than once (values accumulate in order).
    public let repeatable: Bool
    public let help: String

    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, repeatable: false, help: help)
    }

    public static func value(
        _ long: String, short: Character? = nil, name: String, repeatable: Bool = false, help: String
    ) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: name, repeatable: repeatable, help: help)
    }

    /// `-i, --inventory PATH` as shown in help.
    var signature: String {
        let shortPart = short.map { "-\($0), " } ?? "    "
        return shortPart + "--" + long + (valueName.map { " " + $0 } ?? "")
    }
}

/// What a subcommand looks like on the command line: its name, one-line summary, usage synopsis,
/// options and how many positional arguments it takes.
public struct CommandSpec: Sendable {
    public let name: String
    public let summary: String
    /// The usage line after `k8sup NAME`, e.g. `-i PATH (--list | --graph [GROUP])`.
    public let synopsis: String
    /// Longer help text shown by `--help` after the options.
    public let discussion: String
    public let options: [OptionSpec]
    /// Name of the positional arguments in help, and how many are allowed.
    public let positionalName: String?
    public let maxPositionals: Int

    public init(
        name: String, summary: String, synopsis: String, discussion: String = "", options: [OptionSpec],
        positionalName: String? = nil, maxPositionals: Int = 0
    ) {
        self.name = name
        self.summary = summary
        self.synopsis = synopsis
        self.discussion = discussion
        self.options = options + [.flag("help", short: "h", help: "Show this help.")]
        self.positionalName = positionalName
        self.maxPositionals = maxPositionals
    }

    var usageLine: String { "usage: k8sup \(name) \(synopsis)" }

    func option(long: String) -> OptionSpec? { options.first { $0.long == long } }
    func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }
}
