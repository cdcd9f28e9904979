import K8sUpReaders
import K8sUpSupport

/// Reads and validates a playbook file (format: `Playbooks/README.md`).
///
/// Everything that can be checked without a host is checked here, so a mistake shows up when the
/// playbook is loaded (`k8sup playbook validate`), not halfway through an upgrade: the shape of the
/// document, unknown keys and step names, commands, placeholders (known names, not inside quotes, braces
/// balanced) and `when` conditions. All problems are reported at once, in file order, each with its
/// `file:line:column`.
package enum PlaybookLoader {
    /// The top-level keys besides the step names.
    static let headerKeys = ["name", "description", "vars", "writes"]
    static let commandKeys = ["run", "when", "rerun"]

    package static func load(text: String, file: String) throws(PlaybookError) -> Playbook {
        let root: YAMLNode?
        do {
            root = try DataFileLoader.load(text: text, file: file)
        } catch {
            throw .syntax(error.location, error.message)
        }
        guard let root else { throw .notAMapping(SourceLocation(file: file, line: 1, column: 1), found: "empty file") }
        guard let entries = root.mappingEntries else { throw .notAMapping(root.location, found: root.kindName) }
        var reader = Reader(file: file, source: PlaybookSourceText(text))
        let playbook = reader.read(root, entries: entries)
        if let error = PlaybookError.combined(reader.problems) { throw error }
        return playbook
    }

    /// One pass over the document, collecting problems instead of stopping at the first.
    private struct Reader {
        let file: String
        let source: PlaybookSourceText
        var problems: [PlaybookError] = []

        init(file: String, source: PlaybookSourceText) {
            self.file = file
            self.source = source
        }

        mutating func read(_ root: YAMLNode, entries: [YAMLNode.Entry]) -> Playbook {
            var byKey: [String: YAMLNode.Entry] = [:]
            let allowed = PlaybookLoader.headerKeys + PlaybookStep.allCases.map(\.rawValue)
            for entry in entries {
                guard let key = entry.key.stringValue, allowed.contains(key) else {
                    problems.append(unknownKey(entry.key, allowed: allowed))
                    continue
                }
                byKey[key] = entry
            }
            let name = text(byKey["name"], required: true) ?? ""
            if byKey["name"] == nil { problems.append(.missingName(root.location)) }
            let description = text(byKey["description"], required: false) ?? ""
            let vars = variables(byKey["vars"]?.value)
            let missing = PlaybookStep.allCases.filter { !$0.isOptional && byKey[$0.rawValue] == nil }
            if !missing.isEmpty { problems.append(.missingSteps(root.location, missing.map(\.rawValue))) }
            var commands = CommandReader(source: source, declared: vars)
            var steps: [PlaybookStep: [PlaybookShellCommand]] = [:]
            for step in PlaybookStep.allCases {
                guard let node = byKey[step.rawValue]?.value else { continue }
                steps[step] = commands.read(step: step, node)
            }
            let writes = byKey["writes"].map { commands.readWrites($0.value) } ?? []
            problems += commands.problems
            problems = problems.enumerated().sorted {
                ($0.element.sortKey.line, $0.element.sortKey.column, $0.offset)
                    < ($1.element.sortKey.line, $1.element.sortKey.column, $1.offset)
            }.map(\.element)
            return Playbook(
                name: name, description: description, source: file, vars: vars, steps: steps, writes: writes)
        }

        private func unknownKey(_ key: YAMLNode, allowed: [String]) -> PlaybookError {
            let text = key.stringValue ?? key.value.scalarText
            let suggestion = NameSuggestion.closest(to: text, among: allowed)
            return .unknownKey(key.location, key: text, allowed: allowed, suggestion: suggestion)
        }

        /// A string value; `required` refuses an empty one.
        private mutating func text(_ entry: YAMLNode.Entry?, required: Bool) -> String? {
            guard let entry else { return nil }
            let key = entry.key.stringValue ?? ""
            guard let text = entry.value.stringValue, !(required && text.isEmpty) else {
                problems.append(
                    .invalid(
                        entry.value.location,
                        "'\(key)' must be \(required ? "a non-empty" : "a") string; found "
                            + English.withArticle(entry.value.isNull ? "empty value" : entry.value.kindName)))
                return nil
            }
            return text
        }

        private mutating func variables(_ node: YAMLNode?) -> [PlaybookVariable] {
            guard let node, !node.isNull else { return [] }
            guard let entries = node.mappingEntries else {
                problems.append(
                    .invalid(
                        node.location,
                        "'vars' must be a mapping of var names to default values; found "
                            + English.withArticle(node.kindName)))
                return []
            }
            var vars: [PlaybookVariable] = []
            for entry in entries {
                if let variable = variable(entry) { vars.append(variable) }
            }
            return vars
        }

        private mutating func variable(_ entry: YAMLNode.Entry) -> PlaybookVariable? {
            let place = entry.key.location
            guard let name = entry.key.stringValue, PlaceholderScanner.isName(name) else {
                problems.append(
                    .invalid(
                        place,
                        "'\(entry.key.value.scalarText)' is not a var name: use letters, digits and _"))
                return nil
            }
            guard !PlaybookBuiltins.nameSet.contains(name) else {
                problems.append(
                    .invalid(place, "'\(name)' is a built-in name: its value comes from the upgrade and cannot be set"))
                return nil
            }
            switch entry.value.content {
            case .scalar(.null):
                return PlaybookVariable(name: name, defaultValue: nil, location: place)
            case .scalar(.string), .scalar(.int), .scalar(.bigInt), .scalar(.bool):
                return PlaybookVariable(name: name, defaultValue: entry.value.value, location: place)
            case .scalar(.float):
                problems.append(
                    .invalid(
                        entry.value.location,
                        "the default of '\(name)' reads as a number with a fraction, which YAML changes "
                            + "(1.30 becomes 1.3): quote it"))
            default:
                problems.append(
                    .invalid(
                        entry.value.location,
                        "the default of '\(name)' must be a string, number or boolean (or empty to require "
                            + "it from the inventory); found \(English.withArticle(entry.value.kindName))"))
            }
            return nil
        }
    }
}

extension PlaybookError {
    /// Where the error points, for sorting several into file order (render-time errors sort first).
    fileprivate var sortKey: SourceLocation { location ?? SourceLocation(file: "") }
}
