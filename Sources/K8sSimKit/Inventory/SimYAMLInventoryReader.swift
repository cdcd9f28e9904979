import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Reads a YAML (or JSON) inventory into a `SimInventory` as Ansible's `yaml` plugin does:
///
///     all:
///       vars: {ansible_user: ubuntu}          # group vars
///       hosts:
///         cp-1: {ansible_host: 10.0.0.11}     # hosts (ranges allowed) with their vars
///       children:
///         kube_control_plane:                 # child groups, each a group of the same shape
///           hosts: {cp-1: }
///
/// Where Ansible only warns and skips (a group that is not a mapping, a key other than `vars`, `hosts` and
/// `children`), k8sim refuses the file: a simulated cluster quietly missing nodes would mislead a test.
enum SimYAMLInventoryReader {
    static func read(root: DataNode, file: String, into inventory: SimInventory) throws(SimInventoryError)
        -> SimInventory
    {
        guard let groups = root.entries else {
            throw .invalid(
                root.location, "a YAML inventory is a mapping of group names (such as all:), not a \(root.kindName)")
        }
        if root["plugin"] != nil {
            throw .invalid(root.location, "this is an inventory plugin's configuration, which k8sim does not run")
        }
        var inventory = inventory
        for (key, value) in groups {
            try readGroup(name(of: key), value, into: &inventory, at: key.location)
        }
        return inventory
    }

    private static func readGroup(
        _ group: String, _ node: DataNode?, into inventory: inout SimInventory, at location: SourceLocation
    ) throws(SimInventoryError) {
        inventory.addGroup(group, at: location)
        guard let node, !node.isNull else { return }
        guard let sections = node.entries else {
            throw .invalid(
                node.location,
                "group '\(group)' must be a mapping of vars:, hosts: and children:, not a \(node.kindName)")
        }
        for (key, value) in sections {
            let section = name(of: key)
            if value.isNull { continue }
            let entries: [(key: DataNode, value: DataNode?)]
            if value.stringValue != nil {
                // A lone name stands for a mapping with that one key and no value, as Ansible allows.
                entries = [(key: value, value: nil)]
            } else if let mapping = value.entries {
                entries = mapping.map { (key: $0.key, value: $0.value) }
            } else {
                throw .invalid(
                    value.location, "'\(section)' of group '\(group)' must be a mapping, not a \(value.kindName)")
            }
            switch section {
            case "vars":
                var vars = DataMapping()
                for (name, value) in entries { vars[name.value] = value?.value ?? .null }
                inventory.addVars(vars, toGroup: group)
            case "children":
                for (child, definition) in entries {
                    let childName = name(of: child)
                    try readGroup(childName, definition, into: &inventory, at: child.location)
                    inventory.addChild(childName, to: group, at: child.location)
                }
            case "hosts":
                for (pattern, definition) in entries {
                    try readHosts(name(of: pattern), definition, group: group, into: &inventory, at: pattern.location)
                }
            default:
                throw .invalid(
                    key.location,
                    "group '\(group)' has the key '\(section)'; a group holds only vars:, hosts: and children:")
            }
        }
    }

    private static func readHosts(
        _ pattern: String, _ definition: DataNode?, group: String, into inventory: inout SimInventory,
        at location: SourceLocation
    ) throws(SimInventoryError) {
        var vars = DataMapping()
        if let definition, !definition.isNull {
            guard let entries = definition.entries else {
                throw .invalid(
                    definition.location,
                    "host '\(pattern)' must be followed by a mapping of its vars, not a \(definition.kindName)")
            }
            for (name, value) in entries { vars[name.value] = value.value }
        }
        for host in try SimHostPattern.expand(pattern, at: location) {
            var hostVars = vars
            if let port = host.port { hostVars["ansible_port"] = .int(port) }
            inventory.addHost(host.name, to: group, vars: hostVars, at: location)
        }
    }

    /// A key as Ansible names a group or host: its text, numbers included (`1:` names host "1").
    private static func name(of node: DataNode) -> String {
        node.stringValue ?? node.value.scalarText
    }

}
