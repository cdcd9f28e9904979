/// The options and positional arguments of one command invocation, after parsing: every option value
/// is already checked and converted to its declared type, and is read back through its typed key
/// (`arguments[Options.batch]`).
struct ParsedArguments: Sendable {
    /// One value as given on the command line, and as converted.
    private struct Given: Sendable {
        let text: String
        let value: any Sendable
    }

    /// The command the arguments belong to, for the usage errors they raise.
    let command: String
    /// By long name, in command-line order.
    private var given: [String: [Given]] = [:]
    package internal(set) var positionals: [String] = []

    init(command: String) {
        self.command = command
    }

    /// The option's value: nil, its default or false when it was not given; an array for repeatable ones.
    subscript<Value>(key: OptionKey<Value>) -> Value {
        key.read((given[key.spec.long] ?? []).map(\.value))
    }

    /// Whether the option was given at all (also for options with a default).
    func contains(_ key: some OptionDeclaring) -> Bool {
        given[key.spec.long] != nil
    }

    /// Whether the option of that long name was given at all.
    func contains(named long: String) -> Bool {
        given[long] != nil
    }

    /// The option's values as they were typed, in order (for messages that quote them).
    func texts(_ key: some OptionDeclaring) -> [String] {
        (given[key.spec.long] ?? []).map(\.text)
    }

    /// Adds one occurrence of `option` (`text` is nil for a flag), converted to its type.
    /// - Throws: `UsageError` for a value of the wrong kind, or a second occurrence of an option
    ///   that is not repeatable.
    mutating func record(_ option: OptionSpec, text: String?) throws(UsageError) {
        if given[option.long] != nil && !option.repeatable {
            throw UsageError("option '--\(option.long)' given more than once", command: command)
        }
        given[option.long, default: []].append(try convert(option, text: text ?? ""))
    }

    /// Replaces the option's values with `texts` (none: as if not given), checked like typed ones.
    mutating func replace(_ key: some OptionDeclaring, with texts: [String]) throws(UsageError) {
        var values: [Given] = []
        for text in texts { values.append(try convert(key.spec, text: text)) }
        given[key.spec.long] = values.isEmpty ? nil : values
    }

    private func convert(_ option: OptionSpec, text: String) throws(UsageError) -> Given {
        do {
            return Given(text: text, value: try option.convert(text))
        } catch {
            throw UsageError(error.message(option: option.displayName, text: text), command: command)
        }
    }
}
