/// The hand-written command-line parser: long and short options, `--opt value` and `--opt=value`,
/// `-ovalue`, bundled short flags (`-hv`), repeated options, and `--` to end options.
enum ArgumentParser {
    static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
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
            throw UsageError("unknown option '--\(name)'" + suggestion(for: name, in: spec), command: spec.name)
        }
        if option.valueName == nil {
            if inlineValue != nil { throw UsageError("option '--\(name)' takes no value", command: spec.name) }
            try record(option, value: nil, into: &parsed, spec: spec)
        } else {
            if let inlineValue {
                try record(option, value: inlineValue, into: &parsed, spec: spec)
            } else {
                let value = try takeValue(for: "--\(name)", remaining: &remaining, spec: spec)
                try record(option, value: value, into: &parsed, spec: spec)
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
            guard option.valueName != nil else {
                try record(option, value: nil, into: &parsed, spec: spec)
                continue
            }
            let value =
                try letters.isEmpty
                ? takeValue(for: "-\(letter)", remaining: &remaining, spec: spec)
                : String(letters.drop { $0 == "=" })
            try record(option, value: value, into: &parsed, spec: spec)
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

    private static func record(
        _ option: OptionSpec, value: String?, into parsed: inout ParsedArguments, spec: CommandSpec
    ) throws(UsageError) {
        let seen = parsed.flags.contains(option.long) || parsed.values[option.long] != nil
        if seen && !option.repeatable {
            throw UsageError("option '--\(option.long)' given more than once", command: spec.name)
        }
        if let value {
            parsed.values[option.long, default: []].append(value)
        } else {
            parsed.flags.insert(option.long)
        }
    }

    /// ` (did you mean '--list'?)` for a near miss, else nothing.
    static func suggestion(for name: String, in spec: CommandSpec) -> String {
        let candidates = spec.options.map(\.long)
        guard let best = candidates.min(by: { editDistance($0, name) < editDistance($1, name) }),
            editDistance(best, name) <= max(1, name.count / 3)
        else { return "" }
        return " (did you mean '--\(best)'?)"
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
    /// (`--lsit` is one edit from `--list`).
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty, !right.isEmpty else { return max(left.count, right.count) }
        var table = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
        for row in 0...left.count { table[row][0] = row }
        for column in 0...right.count { table[0][column] = column }
        for row in 1...left.count {
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                var best = min(
                    table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    best = min(best, table[row - 2][column - 2] + 1)
                }
                table[row][column] = best
            }
        }
        return table[left.count][right.count]
    }
}
