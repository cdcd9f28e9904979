import PythonParity

/// Renders `ansible-inventory --graph [GROUP] [--vars]`: the group tree with `@group:` lines, each level
/// indented by `  |`, child groups before hosts, and with `--vars` each host's resolved vars and each
/// group's own vars as `{name = value}` in Python's `str()` form.
package enum InventoryGraphRenderer {
    package static func render(_ loaded: LoadedInventory, from root: String, selectedHosts: [String], showVars: Bool)
        -> String
    {
        var lines: [String] = []
        let resolver = VariableResolver(loaded)
        let context = Context(
            loaded: loaded, selected: Set(selectedHosts), showVars: showVars, resolver: resolver,
            hostVars: showVars ? resolver.allHostVariables(selectedHosts) : [:])
        append(group: root, depth: 0, context: context, to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Context {
        let loaded: LoadedInventory
        let selected: Set<String>
        let showVars: Bool
        let resolver: VariableResolver
        /// Resolved once for all hosts, since a host appears under every group it is in.
        let hostVars: [String: DataMapping]
    }

    private static func append(group name: String, depth: Int, context: Context, to lines: inout [String]) {
        guard let group = context.loaded.inventory.groups[name] else { return }
        lines.append(line("@\(name):", depth: depth))
        for child in group.children {
            append(group: child, depth: depth + 1, context: context, to: &lines)
        }
        if name != Inventory.allGroup {
            for host in group.hosts where context.selected.contains(host) {
                lines.append(line(host, depth: depth + 1))
                if context.showVars {
                    appendVars(context.hostVars[host] ?? DataMapping(), depth: depth + 2, to: &lines)
                }
            }
        }
        if context.showVars { appendVars(context.resolver.groupVariables(name), depth: depth + 1, to: &lines) }
    }

    private static func appendVars(_ vars: DataMapping, depth: Int, to lines: inout [String]) {
        let sorted = vars.entries.sorted { String.pythonOrder(PythonRepr.str($0.key), PythonRepr.str($1.key)) }
        for (key, value) in sorted {
            lines.append(line("{\(PythonRepr.str(key)) = \(PythonRepr.str(value))}", depth: depth))
        }
    }

    private static func line(_ text: String, depth: Int) -> String {
        depth == 0 ? text : String(repeating: "  |", count: depth) + "--" + text
    }
}
