/// One option as the parser, the usage line and the help see it: its names, its value's placeholder and
/// how the value is checked, its help and its default. Declared once per option (`Options`), through
/// the typed `OptionKey` that commands read it with.
struct OptionSpec: Sendable {
    /// The long name without dashes (`inventory` for `--inventory`).
    let long: String
    let short: Character?
    /// The value's placeholder (`PATH`) for options that take a value; nil for flags.
    let placeholder: String?
    /// What the option does, one sentence ending with a full stop.
    let help: String
    /// What applies when the option is not given, as help shows it (`5m`, `the inventory's kube_version`).
    let defaultText: String?
    /// Whether the option may be given more than once (values accumulate in order).
    let repeatable: Bool
    /// Checks a value's text and turns it into the option's type; flags have no value to convert.
    let convert: @Sendable (String) throws(OptionValueProblem) -> any Sendable

    /// `--to`, or `-o/--output` for an option with a short name: how messages name the option.
    var displayName: String { (short.map { "-\($0)/" } ?? "") + "--" + long }

    /// How usage lines show the option: one with a value by its short name when it has one, as its
    /// placeholder says what it is (`-i PATH`, `--to VERSION`); a flag by its long name, which says what
    /// it does (`--yes`, not `-y`).
    var usageName: String {
        guard let placeholder else { return "--" + long }
        return (short.map { "-\($0)" } ?? ("--" + long)) + " " + placeholder
    }

    /// `-i, --inventory PATH` as the option list in help shows it.
    var signature: String {
        let shortPart = short.map { "-\($0), " } ?? "    "
        return shortPart + "--" + long + (placeholder.map { " " + $0 } ?? "")
    }
}

/// Something that declares an option; lets option sections list typed keys of different value types.
protocol OptionDeclaring: Sendable {
    var spec: OptionSpec { get }
}

/// A typed handle on one declared option: `arguments[Options.drainTimeout]` is a `Duration?`, already
/// checked when the command line was parsed. Make keys with `Option.flag`, `.value` and `.repeatable`.
struct OptionKey<Value>: OptionDeclaring {
    let spec: OptionSpec
    /// The option's value from the converted values given on the command line (in order).
    let read: @Sendable ([any Sendable]) -> Value
}

/// The ways to declare an option, each one line in `Options`.
enum Option {
    /// `--dry-run`: true when given.
    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionKey<Bool> {
        let spec = OptionSpec(
            long: long, short: short, placeholder: nil, help: help, defaultText: nil, repeatable: false,
            convert: { _ in true })
        return OptionKey(spec: spec) { !$0.isEmpty }
    }

    /// `--canary N`: the value when given, else nil; `defaultText` says in help what applies without it.
    static func value<T: Sendable>(
        _ long: String, short: Character? = nil, _ type: OptionValueType<T>, help: String, defaultText: String? = nil
    ) -> OptionKey<T?> {
        OptionKey(spec: spec(long, short: short, type, help: help, defaultText: defaultText, repeatable: false)) {
            $0.last as? T
        }
    }

    /// `--forks N`: the value when given, else `default` (shown in help).
    static func value<T: Sendable>(
        _ long: String, short: Character? = nil, _ type: OptionValueType<T>, default: T, help: String
    ) -> OptionKey<T> {
        let defaultText = type.describe(`default`)
        return OptionKey(spec: spec(long, short: short, type, help: help, defaultText: defaultText, repeatable: false))
        {
            ($0.last as? T) ?? `default`
        }
    }

    /// `--via VERSION`, given any number of times: every value in command-line order.
    static func repeatable<T: Sendable>(
        _ long: String, short: Character? = nil, _ type: OptionValueType<T>, help: String, defaultText: String? = nil
    ) -> OptionKey<[T]> {
        OptionKey(spec: spec(long, short: short, type, help: help, defaultText: defaultText, repeatable: true)) {
            $0.compactMap { $0 as? T }
        }
    }

    private static func spec<T: Sendable>(
        _ long: String, short: Character?, _ type: OptionValueType<T>, help: String, defaultText: String?,
        repeatable: Bool
    ) -> OptionSpec {
        let parse = type.parse
        return OptionSpec(
            long: long, short: short, placeholder: type.placeholder, help: help, defaultText: defaultText,
            repeatable: repeatable, convert: { text throws(OptionValueProblem) in try parse(text) })
    }
}
