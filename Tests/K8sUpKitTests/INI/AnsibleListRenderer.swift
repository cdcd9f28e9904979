@testable import K8sUpKit

/// Test-only rendering of `ansible-inventory --list` (ansible-core 2.19 `cli/inventory.py`,
/// `json_inventory`) from an `Inventory`, without `_meta.profile`, to compare readers with the real tool.
///
/// Groups reachable from `all` through children each get `hosts` (direct hosts; not for `all`) and
/// `children`, with empty keys and then empty groups left out. `_meta.hostvars` holds, per host, the
/// merge of `all`'s vars, the other groups' vars sorted by (depth, priority, name), and the host's vars.
/// Like Ansible's `inventory_legacy` JSON profile, non-string dict keys become strings before sorting.
enum AnsibleListRenderer {
    static func render(_ inventory: Inventory) -> String {
        var results = DataMapping()
        var seen: Set<String> = []
        format(Inventory.allGroup, in: inventory, seen: &seen, into: &results)
        var hostvars = DataMapping()
        for name in inventory.hosts(inGroup: Inventory.allGroup) {
            let vars = hostVariables(name, in: inventory)
            if !vars.isEmpty { hostvars[name] = .mapping(vars) }
        }
        results["_meta"] = ["hostvars": .mapping(hostvars)]
        return PythonJSONWriter.pretty(stringKeyed(.mapping(results)))
    }

    private static func format(
        _ name: String, in inventory: Inventory, seen: inout Set<String>, into results: inout DataMapping
    ) {
        guard let group = inventory.groups[name] else { return }
        var entry = DataMapping()
        if name != Inventory.allGroup, !group.hosts.isEmpty {
            entry["hosts"] = .list(group.hosts.map(DataValue.string))
        }
        for child in group.children where !seen.contains(child) {
            format(child, in: inventory, seen: &seen, into: &results)
            seen.insert(child)
        }
        if !group.children.isEmpty { entry["children"] = .list(group.children.map(DataValue.string)) }
        if !entry.isEmpty { results[name] = .mapping(entry) }
    }

    private static func hostVariables(_ name: String, in inventory: Inventory) -> DataMapping {
        guard let host = inventory.hosts[name] else { return DataMapping() }
        var merged = inventory.groups[Inventory.allGroup]?.vars ?? DataMapping()
        let groups = host.groups.filter { $0 != Inventory.allGroup }.compactMap { inventory.groups[$0] }
        let sorted = groups.sorted { lhs, rhs in
            if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
            if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
            return lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars)
        }
        for group in sorted { merged = merged.merging(group.vars) }
        return merged.merging(host.vars)
    }

    /// `json.dumps(key)` for every non-string mapping key, recursively.
    private static func stringKeyed(_ value: DataValue) -> DataValue {
        switch value {
        case .list(let elements):
            return .list(elements.map(stringKeyed))
        case .mapping(let mapping):
            var result = DataMapping()
            for (key, element) in mapping.entries {
                let text: String
                switch key {
                case .string(let string): text = string
                case .null: text = "null"
                case .bool(let flag): text = flag ? "true" : "false"
                case .float(let number): text = PythonFloatFormat.json(number)
                default: text = key.scalarText
                }
                result[.string(text)] = stringKeyed(element)
            }
            return .mapping(result)
        default:
            return value
        }
    }
}
