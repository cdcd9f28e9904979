import K8sUpReaders
import K8sUpSupport

/// Reads the commands of a playbook's step lists: strings or `{run, when, rerun}` mappings, with
/// placeholders and conditions checked against the built-in names and the playbook's declared vars.
struct CommandReader {
    let source: PlaybookSourceText
    let declared: [PlaybookVariable]
    private(set) var problems: [PlaybookError] = []

    init(source: PlaybookSourceText, declared: [PlaybookVariable]) {
        self.source = source
        self.declared = declared
    }

    private var declaredNames: Set<String> { Set(declared.map(\.name)) }

    /// The commands of one step list; a null value is an empty list.
    mutating func read(step: PlaybookStep, _ node: YAMLNode) -> [PlaybookShellCommand] {
        if node.isNull { return [] }
        guard let items = node.sequenceItems else {
            problems.append(
                .invalid(
                    node.location,
                    "'\(step.rawValue)' must be a list of commands (`[]` when there is nothing to do); found "
                        + English.withArticle(node.kindName)))
            return []
        }
        return items.compactMap { command($0) }
    }

    private mutating func command(_ node: YAMLNode) -> PlaybookShellCommand? {
        if node.stringValue != nil { return line(node, conditions: []) }
        guard let entries = node.mappingEntries else {
            problems.append(.badCommand(node.location, found: node.kindName))
            return nil
        }
        var run: YAMLNode?
        var conditions: [PlaybookCondition] = []
        var rerun = true
        for entry in entries {
            switch entry.key.stringValue {
            case "run": run = entry.value
            case "when": conditions = self.conditions(entry.value)
            case "rerun":
                guard case .bool(let flag) = entry.value.value else {
                    problems.append(
                        .invalid(
                            entry.value.location,
                            "'rerun' must be true or false (false: never run the command again after the ssh "
                                + "connection dropped while it ran); found "
                                + English.withArticle(entry.value.isNull ? "empty value" : entry.value.kindName)))
                    continue
                }
                rerun = flag
            default:
                let key = entry.key.stringValue ?? entry.key.value.scalarText
                let suggestion = key.isEmpty ? nil : PlaybookLoader.commandKeys.first { $0.first == key.first }
                problems.append(
                    .unknownKey(
                        entry.key.location, key: key, allowed: PlaybookLoader.commandKeys, suggestion: suggestion))
            }
        }
        guard let run, run.stringValue != nil else {
            let found = run.map { English.withArticle($0.kindName) } ?? "no 'run'"
            problems.append(
                .invalid(
                    run?.location ?? node.location, "a command mapping needs `run: COMMAND`, a string; found \(found)"))
            return nil
        }
        return line(run, conditions: conditions, rerun: rerun)
    }

    /// A command line from a string node: one line, placeholders checked.
    private mutating func line(_ node: YAMLNode, conditions: [PlaybookCondition], rerun: Bool = true)
        -> PlaybookShellCommand?
    {
        let text = String((node.stringValue ?? "").reversed().drop { $0.isWhitespace }.reversed())
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.append(.invalid(node.location, "empty command"))
            return nil
        }
        guard !text.contains(where: \.isNewline) else {
            problems.append(
                .invalid(
                    node.location,
                    "a command is one shell command line: join lines with && or ;, or fold a long line "
                        + "with `>-`"))
            return nil
        }
        let scan = PlaceholderScanner.scan(text, locate: source.locator(for: node, value: text))
        problems += scan.problems
        for case .placeholder(let name, let location) in scan.pieces where !isKnown(name) {
            problems.append(
                .unknownPlaceholder(
                    location, name: name, builtins: PlaybookBuiltins.names.map(\.name),
                    declared: declared.map(\.name)))
        }
        return PlaybookShellCommand(
            text: text, pieces: scan.pieces, conditions: conditions, location: node.location, rerun: rerun)
    }

    /// `writes:`: a list of paths, each absolute or starting with a placeholder, with placeholders of
    /// known names (never a runtime one) and otherwise only path characters, so that the rendered path is
    /// one shell word.
    mutating func readWrites(_ node: YAMLNode) -> [PlaybookShellCommand] {
        guard let items = node.sequenceItems else {
            problems.append(
                .invalid(
                    node.location,
                    "'writes' must be a list of the paths the playbook writes on a node (package cache, binary "
                        + "directory, backup directory, /var/lib); found " + English.withArticle(node.kindName)))
            return []
        }
        var paths: [PlaybookShellCommand] = []
        for item in items {
            guard let text = item.stringValue, !text.isEmpty else {
                problems.append(
                    .invalid(
                        item.location,
                        "a 'writes' entry must be a path such as /var/lib or {{ backup_dir }}; found "
                            + English.withArticle(item.isNull ? "empty value" : item.kindName)))
                continue
            }
            let scan = PlaceholderScanner.scan(text, locate: source.locator(for: item, value: text))
            problems += scan.problems
            guard scan.problems.isEmpty else { continue }
            var valid = true
            for piece in scan.pieces {
                switch piece {
                case .placeholder(let name, let location):
                    if PlaybookBuiltins.runtimeNames.contains(name) || !isKnown(name) {
                        problems.append(
                            .unknownPlaceholder(
                                location, name: name,
                                builtins: PlaybookBuiltins.names.map(\.name).filter {
                                    !PlaybookBuiltins.runtimeNames.contains($0)
                                },
                                declared: declared.map(\.name)))
                        valid = false
                    }
                case .text(let literal):
                    if let bad = literal.first(where: { !Self.pathCharacters.contains($0) }) {
                        problems.append(
                            .invalid(
                                item.location,
                                "'writes' entry '\(text)' has '\(bad)'; a path here may hold letters, digits and "
                                    + "/ . _ - + @ : , = besides {{ placeholders }}"))
                        valid = false
                    }
                }
            }
            if case .text(let first)? = scan.pieces.first, !first.hasPrefix("/") {
                problems.append(
                    .invalid(item.location, "'writes' entry '\(text)' must be an absolute path (start with /)"))
                valid = false
            }
            if valid {
                paths.append(
                    PlaybookShellCommand(text: text, pieces: scan.pieces, conditions: [], location: item.location))
            }
        }
        return paths
    }

    private static let pathCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+@:,=")

    private func isKnown(_ name: String) -> Bool {
        PlaybookBuiltins.nameSet.contains(name) || declaredNames.contains(name)
    }

    /// `when:` is one condition or a list of them.
    private mutating func conditions(_ node: YAMLNode) -> [PlaybookCondition] {
        let items = node.sequenceItems ?? [node]
        var conditions: [PlaybookCondition] = []
        for item in items {
            guard let text = item.stringValue else {
                problems.append(
                    .badCondition(
                        item.location, condition: item.value.scalarText,
                        problem: "a condition is a string NAME OP VALUE, e.g. target >= 1.32; found "
                            + English.withArticle(item.kindName)))
                continue
            }
            let location = source.locator(for: item, value: text)(0)
            do {
                let condition = try PlaybookCondition.parse(text, at: location)
                if PlaybookBuiltins.runtimeNames.contains(condition.name) {
                    problems.append(
                        .badCondition(
                            location, condition: text,
                            problem: "'\(condition.name)' is only known while the upgrade runs, so a "
                                + "condition cannot use it"))
                } else if !isKnown(condition.name) {
                    problems.append(
                        .unknownPlaceholder(
                            location, name: condition.name, builtins: PlaybookBuiltins.names.map(\.name),
                            declared: declared.map(\.name)))
                } else {
                    conditions.append(condition)
                }
            } catch {
                problems.append(error)
            }
        }
        return conditions
    }
}
