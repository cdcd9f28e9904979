import K8sUpSupport

/// Everything that can be wrong with a playbook: finding it, loading it (each with the file, line and
/// column), or rendering it for a host. All of these are bad input data (exit code 65).
package enum PlaybookError: Error, Equatable, CustomStringConvertible {
    /// Neither a built-in playbook name nor a file.
    case unknownPlaybook(String, builtins: [String])
    /// The file exists but could not be read as text.
    case unreadable(path: String, reason: String)
    /// The file is not YAML (or JSON): the YAML reader's message and the place it names.
    case syntax(SourceLocation, String)
    case notAMapping(SourceLocation, found: String)
    case missingName(SourceLocation)
    /// A key that is not part of the format; `allowed` lists what is.
    case unknownKey(SourceLocation, key: String, allowed: [String], suggestion: String?)
    case missingSteps(SourceLocation, [String])
    /// A value of the wrong kind or form (the message says which and what was expected).
    case invalid(SourceLocation, String)
    /// A command that is neither a string nor a `{run, when}` mapping.
    case badCommand(SourceLocation, found: String)
    case unknownPlaceholder(SourceLocation, name: String, builtins: [String], declared: [String])
    /// A placeholder where the quoted value would not stay one word: inside quotes, after `\` or `$`.
    case quotedPlaceholder(SourceLocation, name: String, context: String)
    /// `{{ … }}` holding something other than a name (filters and expressions are not evaluated).
    case badPlaceholder(SourceLocation, text: String)
    case unbalancedBraces(SourceLocation, String)
    case unterminatedQuote(SourceLocation, quote: String)
    case badCondition(SourceLocation, condition: String, problem: String)
    /// More than one of the above, in file order.
    case several([PlaybookError])
    /// A declared var without a default that the host's inventory vars do not set.
    case missingVariable(host: String, name: String, declaredAt: SourceLocation)
    /// An inventory value that cannot go into a command (a list, a mapping, an unevaluated template).
    case badVariableValue(host: String, name: String, problem: String)
    /// A value only known while running (`package_version`) that the context does not have.
    case missingRuntimeValue(host: String, name: String)
    /// A `when` condition that cannot be decided for a host.
    case badComparison(SourceLocation, host: String, condition: String, problem: String)

    package var description: String {
        switch self {
        case .unknownPlaybook(let name, let builtins):
            return "no playbook '\(name)': it is neither a built-in playbook (\(builtins.joined(separator: ", "))) "
                + "nor a file"
        case .unreadable(let path, let reason):
            return "cannot read playbook '\(path)': \(reason)"
        case .syntax(let location, let message):
            return "\(location): \(message)"
        case .notAMapping(let location, let found):
            return "\(location): a playbook is a YAML mapping of name, description, vars and the step lists; "
                + "found \(English.withArticle(found))"
        case .missingName(let location):
            return "\(location): the playbook has no name: add a line such as `name: my-nodes`"
        case .unknownKey(let location, let key, let allowed, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "\(location): unknown key '\(key)'\(hint); expected one of: \(allowed.joined(separator: ", "))"
        case .missingSteps(let location, let steps):
            let list = steps.joined(separator: ", ")
            let example = steps.first ?? "etcd_snapshot"
            return "\(location): missing step list\(steps.count == 1 ? "" : "s") \(list): a playbook lists every "
                + "step (only kubelet_status and kubelet_logs may be left out); write `\(example): []` for a step "
                + "that has nothing to do"
        case .invalid(let location, let message):
            return "\(location): \(message)"
        case .badCommand(let location, let found):
            return "\(location): a command is a string (one shell command line) or a mapping "
                + "{run: \"…\", when: \"…\"}; found \(English.withArticle(found))"
        case .unknownPlaceholder(let location, let name, let builtins, let declared):
            let vars = declared.isEmpty ? "none" : declared.joined(separator: ", ")
            return "\(location): unknown placeholder {{ \(name) }}: use a built-in name "
                + "(\(builtins.joined(separator: ", "))) or a var declared under vars: (declared: \(vars)); "
                + "declare it with a default, or with an empty value to require it from the inventory"
        case .quotedPlaceholder(let location, let name, let context):
            return "\(location): placeholder {{ \(name) }} is \(context): k8sup inserts every value shell-quoted, "
                + "so quoting it again would break it; write it outside quotes, e.g. --flag={{ \(name) }} or "
                + "\"$dir\"/{{ \(name) }}"
        case .badPlaceholder(let location, let text):
            return "\(location): '{{\(text)}}' is not a placeholder: write {{ name }} with a plain name; "
                + "filters and expressions are not evaluated"
        case .unbalancedBraces(let location, let problem):
            return "\(location): \(problem)"
        case .unterminatedQuote(let location, let quote):
            return "\(location): the \(quote) opened here is never closed"
        case .badCondition(let location, let condition, let problem):
            return "\(location): cannot read the condition '\(condition)': \(problem)"
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        case .missingVariable(let host, let name, let declaredAt):
            return "host '\(host)': the playbook needs the var '\(name)' (declared without a default at "
                + "\(declaredAt)), and the inventory does not set it for this host: set it in group_vars or "
                + "host_vars"
        case .badVariableValue(let host, let name, let problem):
            return "host '\(host)': the var '\(name)' \(problem)"
        case .missingRuntimeValue(let host, let name):
            return "host '\(host)': {{ \(name) }} is only known while the upgrade runs (discover_versions "
                + "prints it), and no value was given"
        case .badComparison(let location, let host, let condition, let problem):
            return "\(location): host '\(host)': cannot decide '\(condition)': \(problem)"
        }
    }

    /// The single errors inside, flattening `several`.
    package var all: [PlaybookError] {
        if case .several(let errors) = self { return errors.flatMap(\.all) }
        return [self]
    }

    /// One error, or `several` for more than one; nil for none.
    package static func combined(_ errors: [PlaybookError]) -> PlaybookError? {
        let flat = errors.flatMap(\.all)
        guard let first = flat.first else { return nil }
        return flat.count == 1 ? first : .several(flat)
    }
}

extension PlaybookError {
    /// The place in the playbook file of a load-time problem; nil for problems found while rendering.
    package var location: SourceLocation? {
        switch self {
        case .syntax(let location, _), .notAMapping(let location, _), .missingName(let location),
            .unknownKey(let location, _, _, _),
            .missingSteps(let location, _), .invalid(let location, _), .badCommand(let location, _),
            .unknownPlaceholder(let location, _, _, _), .quotedPlaceholder(let location, _, _),
            .badPlaceholder(let location, _), .unbalancedBraces(let location, _),
            .unterminatedQuote(let location, _), .badCondition(let location, _, _),
            .badComparison(let location, _, _, _):
            return location
        default:
            return nil
        }
    }
}
