import PythonParity

/// A host's variables as Ansible's documented precedence gives them, lowest first:
///
/// 1. the inline vars of `all`, then of the host's other groups (parents before children: by depth
///    below `all`, then `ansible_group_priority`, then name);
/// 2. `group_vars/all` of each source, in source order;
/// 3. `group_vars/<group>` of each source, groups in the order of 1;
/// 4. the host's inline vars, then `host_vars/<host>` of each source.
///
/// A later value replaces an earlier one whole (Ansible's default `hash_behaviour=replace`).
enum SimHostVariables {
    static func resolve(_ host: String, in sources: SimInventorySources) -> DataMapping {
        let inventory = sources.inventory
        let groups = inventory.groups(of: host).subtracting([SimInventory.all]).map { group in
            (name: group, depth: inventory.depths[group, default: 1], priority: priority(of: group, in: inventory))
        }.sorted { lhs, rhs in
            if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
            if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
            return lhs.name < rhs.name
        }.map(\.name)
        var vars = inventory.groups[SimInventory.all]?.vars ?? DataMapping()
        for group in groups {
            vars = vars.merging(inventory.groups[group]?.vars ?? DataMapping())
        }
        for directory in sources.varsDirectories {
            vars = vars.merging(directory.groupVars[SimInventory.all] ?? DataMapping())
        }
        for directory in sources.varsDirectories {
            for group in groups { vars = vars.merging(directory.groupVars[group] ?? DataMapping()) }
        }
        vars = vars.merging(inventory.hosts[host]?.vars ?? DataMapping())
        for directory in sources.varsDirectories {
            vars = vars.merging(directory.hostVars[host] ?? DataMapping())
        }
        return vars
    }

    /// `ansible_group_priority` from the group's inline vars (1 when unset), as Ansible reads it.
    private static func priority(of group: String, in inventory: SimInventory) -> Int {
        switch inventory.groups[group]?.vars["ansible_group_priority"] {
        case .int(let number): number
        case .string(let text): Int(text) ?? 1
        default: 1
        }
    }
}
