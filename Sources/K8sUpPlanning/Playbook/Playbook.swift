/// A node recipe: how each step of an upgrade is done on a node of one kind of
/// installation — apt packages, rpm packages, Kubespray's binaries. Loaded and validated by
/// `PlaybookLoader`; turned into shell command lines for one node by `render(_:context:)`.
package struct Playbook: Sendable, Equatable {
    package let name: String
    package let description: String
    /// Where it was read from: the path, or `NAME (built-in)` for a compiled-in playbook.
    package let source: String
    /// The declared vars, in file order.
    package let vars: [PlaybookVariable]
    package let steps: [PlaybookStep: [PlaybookShellCommand]]
    /// `writes:`: the paths the playbook writes on a node (package cache, binary directory, backup
    /// directory, `/var/lib`), where pre-flight checks the free space. Empty when it declares none.
    package let writes: [PlaybookShellCommand]

    package init(
        name: String, description: String, source: String, vars: [PlaybookVariable],
        steps: [PlaybookStep: [PlaybookShellCommand]], writes: [PlaybookShellCommand] = []
    ) {
        self.name = name
        self.description = description
        self.source = source
        self.vars = vars
        self.steps = steps
        self.writes = writes
    }

    /// The step's commands as written, before `when` filtering and placeholder values.
    package func commands(for step: PlaybookStep) -> [PlaybookShellCommand] {
        steps[step] ?? []
    }

    /// Whether the playbook has the step list (an optional step may be left out; `[]` counts as present).
    package func defines(_ step: PlaybookStep) -> Bool {
        steps[step] != nil
    }

    /// The declared var called `name`, if any.
    package func variable(named name: String) -> PlaybookVariable? {
        vars.first { $0.name == name }
    }

    /// Whether any command uses `name` (for the executor: `package_version` needs `discover_versions`).
    package func uses(_ name: String) -> Bool {
        steps.values.contains { $0.contains { $0.placeholderNames.contains(name) } }
    }

    /// The step's shell command lines for one node: commands whose `when` conditions all hold, with each
    /// placeholder replaced by its value shell-quoted, so a value is always data, never code.
    ///
    /// - Throws: a declared var with no default that the host's vars do not set; a var whose value is a
    ///   list, a mapping or an unevaluated Jinja template; a missing runtime value (unless the context
    ///   defers them); a `<`/`>` condition on a value that is not a version.
    package func render(_ step: PlaybookStep, context: PlaybookContext) throws(PlaybookError) -> [String] {
        try renderCommands(step, context: context).map(\.line)
    }

    /// The `writes:` paths for one node, each one shell word (placeholders shell-quoted, the rest path
    /// characters only, as the loader checked).
    package func renderWrites(context: PlaybookContext) throws(PlaybookError) -> [String] {
        try render(writes, context: context).map(\.line)
    }

    /// One rendered command line and whether k8sup may run it again after a dropped connection.
    package struct RenderedCommand: Sendable, Equatable {
        package var line: String
        /// The command's `rerun` (true unless the playbook says `rerun: false`).
        package var rerun: Bool
    }

    /// `render(_:context:)`, keeping each line's `rerun`.
    package func renderCommands(_ step: PlaybookStep, context: PlaybookContext) throws(PlaybookError)
        -> [RenderedCommand]
    {
        try render(commands(for: step), context: context)
    }

    private func render(_ commands: [PlaybookShellCommand], context: PlaybookContext) throws(PlaybookError)
        -> [RenderedCommand]
    {
        let values = PlaybookValues(playbook: self, context: context)
        var lines: [RenderedCommand] = []
        for command in commands {
            var runs = true
            for condition in command.conditions where runs {
                runs = try condition.holds(for: values.value(of: condition.name), host: context.host)
            }
            guard runs else { continue }
            var line = ""
            for piece in command.pieces {
                switch piece {
                case .text(let text): line += text
                case .placeholder(let name, _): line += try values.shellWord(for: name)
                }
            }
            lines.append(RenderedCommand(line: line, rerun: command.rerun))
        }
        return lines
    }
}
