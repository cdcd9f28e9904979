import PythonParity

/// Computes a host's variables with Ansible's precedence (ansible-core 2.19 `VariableManager.get_vars`
/// with the default `VARIABLE_PRECEDENCE`), lowest first:
///
/// 1. inline vars of `all` (`[all:vars]`, `all: vars:`);
/// 2. inline vars of the host's other groups, sorted by (depth, priority, name);
/// 3. `group_vars/all` of each source, in source order;
/// 4. `group_vars/<group>` of each source, groups sorted as in 2;
/// 5. the host's inline vars; 6. `host_vars/<host>` of each source.
///
/// So a `group_vars/all` file beats an inline `[k8s_cluster:vars]`, exactly as in Ansible. Later
/// values replace earlier ones whole (Ansible's default `hash_behaviour=replace`). Ansible's internal
/// and magic names (`inventory_dir`, `groups`, …) never appear, as in `ansible-inventory`.
package struct VariableResolver: Sendable {
    package let loaded: LoadedInventory
    /// Every group but `all`, in Ansible's precedence order.
    private let precedenceOrder: [String]

    package init(_ loaded: LoadedInventory) {
        self.loaded = loaded
        let groups = loaded.inventory.groups
        precedenceOrder = loaded.inventory.groupOrder.filter { $0 != Inventory.allGroup }.sorted { lhs, rhs in
            let left = groups[lhs], right = groups[rhs]
            if left?.depth != right?.depth { return (left?.depth ?? 0) < (right?.depth ?? 0) }
            if left?.priority != right?.priority { return (left?.priority ?? 1) < (right?.priority ?? 1) }
            return String.pythonOrder(lhs, rhs)
        }
    }

    /// All variables of `host` after precedence, without Ansible's internal names.
    package func hostVariables(_ host: String) -> DataMapping {
        allHostVariables([host])[host] ?? DataMapping()
    }

    /// Resolves every host at once, sharing the group layers between hosts in the same groups.
    package func allHostVariables(_ hosts: [String]) -> [String: DataMapping] {
        let layered = layeredHostVariables(hosts)
        var result: [String: DataMapping] = [:]
        result.reserveCapacity(layered.hosts.count)
        for host in hosts where result[host] == nil {
            if let vars = layered.variables(of: host) { result[host] = vars }
        }
        return result
    }

    /// Resolves every host at once without copying the group layers into each host: layers 1-4 once
    /// per distinct group membership, layers 5-6 per host. Unknown hosts are left out.
    package func layeredHostVariables(_ hosts: [String]) -> HostVariableLayers {
        var layerIndex: [Set<String>: Int] = [:]
        var layers: [DataMapping] = []
        var shares: [String: HostVariableLayers.HostShare] = [:]
        shares.reserveCapacity(hosts.count)
        for host in hosts where shares[host] == nil {
            guard let record = loaded.inventory.hosts[host] else { continue }
            let layer: Int
            if let known = layerIndex[record.groupSet] {
                layer = known
            } else {
                layer = layers.count
                layers.append(Self.withoutInternalNames(groupLayers(forGroups: record.groupSet)))
                layerIndex[record.groupSet] = layer
            }
            var own = record.vars
            for directory in loaded.varsDirectories {
                if let files = directory.hostVars[host] { own = own.merging(files) }
            }
            shares[host] = HostVariableLayers.HostShare(groupLayer: layer, own: Self.withoutInternalNames(own))
        }
        return HostVariableLayers(groupLayers: layers, hosts: shares)
    }

    /// A group's own vars: inline vars, then its `group_vars/` files, plus `ansible_group_priority`
    /// when it is not the default (what `--graph --vars` shows).
    package func groupVariables(_ group: String) -> DataMapping {
        var vars = loaded.inventory.groups[group]?.vars ?? DataMapping()
        for directory in loaded.varsDirectories {
            if let files = directory.groupVars[group] { vars = vars.merging(files) }
        }
        if let priority = loaded.inventory.groups[group]?.priority, priority != 1 {
            vars["ansible_group_priority"] = .int(priority)
        }
        return Self.withoutInternalNames(vars)
    }

    /// Layers 1-4 for a host that belongs to `memberships`.
    private func groupLayers(forGroups memberships: Set<String>) -> DataMapping {
        let inventory = loaded.inventory
        let ordered = precedenceOrder.filter { memberships.contains($0) }
        var vars = inventory.groups[Inventory.allGroup]?.vars ?? DataMapping()
        for group in ordered {
            if let inline = inventory.groups[group]?.vars { vars = vars.merging(inline) }
        }
        for directory in loaded.varsDirectories {
            if let files = directory.groupVars[Inventory.allGroup] { vars = vars.merging(files) }
        }
        for directory in loaded.varsDirectories {
            for group in ordered {
                if let files = directory.groupVars[group] { vars = vars.merging(files) }
            }
        }
        return vars
    }

    private static func withoutInternalNames(_ vars: DataMapping) -> DataMapping {
        guard vars.keys.contains(where: { $0.stringValue.map(internalNames.contains) ?? false }) else { return vars }
        var result = DataMapping()
        for (key, value) in vars.entries where !(key.stringValue.map(internalNames.contains) ?? false) {
            result[key] = value
        }
        return result
    }

    /// ansible-core's `INTERNAL_STATIC_VARS`: removed from every listing.
    package static let internalNames: Set<String> = [
        "ansible_async_path", "ansible_collection_name", "ansible_config_file", "ansible_dependent_role_names",
        "ansible_diff_mode", "ansible_facts", "ansible_forks", "ansible_inventory_sources", "ansible_limit",
        "ansible_play_batch", "ansible_play_hosts", "ansible_play_hosts_all", "ansible_play_role_names",
        "ansible_playbook_python", "ansible_role_name", "ansible_role_names", "ansible_run_tags",
        "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir", "inventory_file",
        "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "hostvars", "playbook_dir",
        "play_hosts", "role_name", "role_names", "role_path", "role_uuid",
    ]
}
