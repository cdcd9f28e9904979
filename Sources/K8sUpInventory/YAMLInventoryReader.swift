import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Builds an inventory from a parsed YAML (or JSON) inventory file, following ansible-core 2.19's
/// `yaml` inventory plugin: top-level keys are groups; each group may have `vars`, `children` (groups,
/// recursively) and `hosts` (host patterns with optional ranges and ports, each with its vars).
///
/// As in Ansible, a string where a section mapping is expected is shorthand for one entry
/// (`hosts: node1`), keys other than the three sections and non-mapping groups are skipped with a
/// warning, and everything else that does not fit is an error — here with file, line and column.
enum YAMLInventoryReader {
    static func read(
        _ root: YAMLNode?, file: String, into inventory: inout Inventory, warnings: inout [String]
    ) throws(InventoryError) {
        guard let root else {
            throw .invalid(SourceLocation(file: file, line: 1, column: 1), "the YAML inventory is empty")
        }
        guard let groups = root.mappingEntries else {
            throw .invalid(
                root.location,
                "a YAML inventory must be a mapping of group names (usually 'all:'), "
                    + "but this document is \(English.withArticle(root.kindName))")
        }
        if let plugin = groups.first(where: { $0.key.keyValue == "plugin" }), plugin.value.value.isTruthy {
            throw .invalid(
                plugin.key.location,
                "this is an inventory plugin configuration (plugin: \(plugin.value.value.scalarText)), "
                    + "not an inventory; k8sup reads static inventories only")
        }
        var reader = Reader(inventory: inventory, warnings: warnings)
        defer {
            inventory = reader.inventory
            warnings = reader.warnings
        }
        for entry in groups {
            _ = try reader.group(entry.key, entry.value)
        }
    }

    /// The walk over one file; holds the inventory being built so partial results survive an error,
    /// as they do in Ansible.
    private struct Reader {
        var inventory: Inventory
        var warnings: [String]

        /// Ansible's `_parse_group`: returns the group name even when the group was skipped.
        mutating func group(_ keyNode: YAMLNode, _ dataNode: YAMLNode) throws(InventoryError) -> String {
            let name = try groupName(keyNode)
            guard dataNode.isNull || dataNode.mappingEntries != nil else {
                warnings.append(
                    "\(keyNode.location): skipping '\(name)': a group must be a mapping with "
                        + "hosts, children or vars, not \(English.withArticle(dataNode.kindName))")
                return name
            }
            inventory.addGroup(name, at: keyNode.location)
            guard let entries = dataNode.mappingEntries else { return name }
            // Ansible checks all three sections before it reads any of them.
            var sections: [[YAMLNode.Entry]?] = []
            for entry in entries {
                sections.append(try sectionEntries(entry.value, key: entry.key.keyValue, group: name))
            }
            for (entry, section) in zip(entries, sections) {
                let key = entry.key.keyValue
                guard let section else {
                    if !entry.value.isNull {
                        warnings.append(
                            "\(entry.key.location): skipping key '\(key.scalarText)' in group '\(name)': "
                                + "it is \(English.withArticle(entry.value.kindName)), not a mapping")
                    }
                    continue
                }
                switch key {
                case "vars":
                    for variable in section {
                        try inventory.setVariable(
                            variable.key.keyValue, to: variable.value.value, on: name,
                            at: variable.key.location)
                    }
                case "children":
                    for child in section {
                        let childName = try group(child.key, child.value)
                        try inventory.addChild(childName, to: name, at: child.key.location)
                    }
                case "hosts":
                    for host in section { try hosts(host.key, host.value, group: name) }
                default:
                    warnings.append(
                        "\(entry.key.location): skipping unexpected key '\(key.scalarText)' in group "
                            + "'\(name)': only vars, children and hosts are valid")
                }
            }
            return name
        }

        /// The entries of a `vars`/`children`/`hosts` section (a string means one entry with no value);
        /// nil for a null section or a value that is not a mapping.
        private func sectionEntries(
            _ node: YAMLNode, key: DataValue, group: String
        ) throws(InventoryError) -> [YAMLNode.Entry]? {
            if let entries = node.mappingEntries { return entries }
            let isSection = key == "vars" || key == "children" || key == "hosts"
            guard isSection, !node.isNull else { return nil }
            if node.stringValue != nil {
                return [YAMLNode.Entry(key: node, value: YAMLNode(.scalar(.null), at: node.location))]
            }
            throw .invalid(
                node.location,
                "'\(key.scalarText)' of group '\(group)' must be a mapping, "
                    + "but it is \(English.withArticle(node.kindName))")
        }

        private mutating func hosts(_ keyNode: YAMLNode, _ varsNode: YAMLNode, group: String) throws(InventoryError) {
            guard case .string(let pattern) = keyNode.keyValue else {
                throw .invalid(
                    keyNode.location,
                    "host pattern \(keyNode.keyValue.scalarText) must be a string: "
                        + "put integers and floats in quotes")
            }
            let expanded: (names: [String], port: Int?)
            do {
                expanded = try HostRangeExpander.expandHostPattern(pattern)
            } catch {
                throw .invalid(keyNode.location, "\(error)")
            }
            var vars = DataMapping()
            let value = varsNode.value
            if value.isTruthy {
                guard case .mapping(let mapping) = value else {
                    throw .invalid(
                        varsNode.location,
                        "the vars of host '\(pattern)' must be a mapping, "
                            + "but they are \(English.withArticle(varsNode.kindName))")
                }
                vars = mapping
            }
            for name in expanded.names {
                try inventory.addHost(name, toGroup: group, port: expanded.port, at: keyNode.location)
                for (key, value) in zip(vars.keys, vars.values) {
                    try inventory.setVariable(key, to: value, on: name, at: keyNode.location)
                }
            }
        }

        private func groupName(_ node: YAMLNode) throws(InventoryError) -> String {
            guard case .string(let name) = node.keyValue else {
                throw .invalid(
                    node.location,
                    "a group name must be a string, not the \(node.kindName) "
                        + "\(node.keyValue.scalarText)")
            }
            guard !name.isEmpty else { throw .invalid(node.location, "a group name is empty") }
            return name
        }
    }
}
