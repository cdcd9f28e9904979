import K8sUpSupport

/// The hand-written command-line parser: long and short options, `--opt value` and `--opt=value`,
/// `-ovalue`, bundled short flags (`-hv`), repeated options, and `--` to end options. Each value is
/// checked against its option's declared type as it is read.
enum ArgumentParser {
    static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: spec.name)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                parsed.positionals.append(contentsOf: remaining)
                break
            } else if argument.hasPrefix("--") {
                try parseLong(argument, remaining: &remaining, spec: spec, into: &parsed)
            } else if argument.hasPrefix("-") && argument.count > 1 {
                try parseShort(argument, remaining: &remaining, spec: spec, into: &parsed)
            } else {
                parsed.positionals.append(argument)
            }
        }
        guard parsed.positionals.count <= spec.maxPositionals else {
            let extra = parsed.positionals[spec.maxPositionals]
            throw UsageError("unexpected argument '\(extra)'", command: spec.name)
        }
        return parsed
    }

    private static func parseLong(
        _ argument: String, remaining: inout ArraySlice<String>, spec: CommandSpec, into parsed: inout ParsedArguments
    ) throws(UsageError) {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        guard let option = spec.option(long: name) else {
            let hint = NameSuggestion.hint(for: name, among: spec.options.map(\.long), prefix: "--")
            throw UsageError("unknown option '--\(name)'" + hint, command: spec.name)
        }
        if option.placeholder == nil {
            if inlineValue != nil { throw UsageError("option '--\(name)' takes no value", command: spec.name) }
            try parsed.record(option, text: nil)
        } else {
            if let inlineValue {
                try parsed.record(option, text: inlineValue)
            } else {
                try parsed.record(option, text: try takeValue(for: "--\(name)", remaining: &remaining, spec: spec))
            }
        }
    }

    private static func parseShort(
        _ argument: String, remaining: inout ArraySlice<String>, spec: CommandSpec, into parsed: inout ParsedArguments
    ) throws(UsageError) {
        var letters = argument.dropFirst()
        while let letter = letters.popFirst() {
            guard let option = spec.option(short: letter) else {
                throw UsageError("unknown option '-\(letter)'", command: spec.name)
            }
            guard option.placeholder != nil else {
                try parsed.record(option, text: nil)
                continue
            }
            let value =
                try letters.isEmpty
                ? takeValue(for: "-\(letter)", remaining: &remaining, spec: spec)
                : String(letters.drop { $0 == "=" })
            try parsed.record(option, text: value)
            return
        }
    }

    private static func takeValue(
        for name: String, remaining: inout ArraySlice<String>, spec: CommandSpec
    ) throws(UsageError) -> String {
        guard let value = remaining.popFirst() else {
            throw UsageError("option '\(name)' needs a value", command: spec.name)
        }
        // `-i --list` is almost certainly a forgotten value, not a path named "--list".
        if value.hasPrefix("--"), spec.option(long: String(value.dropFirst(2).prefix { $0 != "=" })) != nil {
            throw UsageError("option '\(name)' needs a value, but is followed by option '\(value)'", command: spec.name)
        }
        return value
    }
}
