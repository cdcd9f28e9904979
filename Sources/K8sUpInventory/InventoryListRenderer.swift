import PythonParity

/// Renders `ansible-inventory --list`: every group reachable from `all` with its direct `hosts` (only
/// selected ones) and `children`, empty keys and empty groups left out, and `_meta.hostvars` with the
/// resolved vars of each selected host. Printed with Python's `json.dumps(sort_keys=True, indent=4)`.
///
/// Ansible 2.19 also prints `_meta.profile` (the name of its internal JSON encoder); k8sup leaves it out.
package enum InventoryListRenderer {
    package static func render(_ loaded: LoadedInventory, selectedHosts: [String]) -> String {
        let inventory = loaded.inventory
        let selected = Set(selectedHosts)
        var document = DataMapping()
        for name in inventory.groupAndDescendants(of: Inventory.allGroup) {
            guard let group = inventory.groups[name] else { continue }
            var entry = DataMapping()
            if name != Inventory.allGroup {
                let hosts = group.hosts.filter(selected.contains)
                if !hosts.isEmpty { entry["hosts"] = .list(hosts.map(DataValue.string)) }
            }
            if !group.children.isEmpty { entry["children"] = .list(group.children.map(DataValue.string)) }
            if !entry.isEmpty { document[name] = .mapping(entry) }
        }
        var hostvars = DataMapping()
        let resolved = VariableResolver(loaded).allHostVariables(selectedHosts)
        for host in selectedHosts {
            if let vars = resolved[host], !vars.isEmpty { hostvars[host] = .mapping(vars) }
        }
        document["_meta"] = ["hostvars": .mapping(hostvars)]
        return PythonJSONWriter.ansibleInventory(.mapping(document)) + "\n"
    }

    /// `ansible-inventory --host NAME`: the host's resolved vars as JSON.
    package static func renderHost(_ loaded: LoadedInventory, host: String) -> String {
        PythonJSONWriter.ansibleInventory(.mapping(VariableResolver(loaded).hostVariables(host))) + "\n"
    }
}
