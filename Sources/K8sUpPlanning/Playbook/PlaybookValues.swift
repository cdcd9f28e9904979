import K8sUpSupport
import PythonParity

/// The values a playbook's names have for one node: built-ins first (nothing overrides them), then the
/// host's inventory vars, then the playbook's defaults.
package struct PlaybookValues {
    package let playbook: Playbook
    package let context: PlaybookContext

    /// The value of a built-in or declared name, for `when` conditions (never a runtime name: the loader
    /// refuses those in conditions).
    package func value(of name: String) throws(PlaybookError) -> DataValue {
        if let builtin = PlaybookBuiltins.value(of: name, in: context) { return .string(builtin) }
        if PlaybookBuiltins.runtimeNames.contains(name) {
            guard let value = context.runtime[name] else {
                throw .missingRuntimeValue(host: context.host, name: name)
            }
            return .string(value)
        }
        return try variableValue(name)
    }

    /// What replaces `{{ name }}` in a command line: the value shell-quoted, a `${name}` marker for a
    /// deferred runtime value, or `'***'` for a masked secret.
    func shellWord(for name: String) throws(PlaybookError) -> String {
        if PlaybookBuiltins.runtimeNames.contains(name), context.runtime[name] == nil, context.deferRuntimeValues {
            return "${\(name)}"
        }
        if context.masksSecrets, !PlaybookBuiltins.nameSet.contains(name), Self.looksSecret(name) {
            return ShellQuoting.quote("***")
        }
        return ShellQuoting.quote(try value(of: name).scalarText)
    }

    private func variableValue(_ name: String) throws(PlaybookError) -> DataValue {
        let declared = playbook.variable(named: name)
        if let value = context.hostVariables[name], !value.isNull {
            switch value {
            case .list, .mapping:
                throw .badVariableValue(
                    host: context.host, name: name,
                    problem: "is \(English.withArticle(value.kindName)) in the inventory; a playbook "
                        + "placeholder needs a single value (a string, number or boolean)")
            case .string(let text) where text.contains("{{"):
                throw .badVariableValue(
                    host: context.host, name: name,
                    problem: "is the Jinja template '\(text)' in the inventory; k8sup does not evaluate "
                        + "templates: set the literal value in group_vars or host_vars")
            default:
                return value
            }
        }
        guard let declared, let fallback = declared.defaultValue else {
            throw .missingVariable(
                host: context.host, name: name,
                declaredAt: declared?.location ?? SourceLocation(file: playbook.source))
        }
        return fallback
    }

    /// Secret-looking names: containing `password`, `secret`, `token` or `key`.
    package static func looksSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["password", "secret", "token", "key"].contains { lower.contains($0) }
    }
}
