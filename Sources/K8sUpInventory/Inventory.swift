import K8sUpSupport
import PythonParity

/// The hosts and groups of an inventory, built with exactly the rules of Ansible's `InventoryData`,
/// `Group` and `Host` (ansible-core 2.19), so that group membership, ancestry, depth and the implicit
/// `all` and `ungrouped` groups come out as `ansible-inventory` shows them.
///
/// Readers (INI, YAML) call `addGroup`, `addHost`, `setVariable` and `addChild` in file order, then the
/// loader calls `reconcile()` once after all sources.
package struct Inventory: Sendable, Equatable {
    package internal(set) var groups: [String: InventoryGroup] = [:]
    package internal(set) var hosts: [String: InventoryHost] = [:]
    /// Group names in creation order (`all`, `ungrouped`, then as the sources declared them).
    package internal(set) var groupOrder: [String] = []
    /// Host names in creation order.
    package internal(set) var hostOrder: [String] = []

    /// Where problems with no source location are reported.
    package static let unknownPlace = SourceLocation(file: "<inventory>")

    package static let allGroup = "all"
    package static let ungroupedGroup = "ungrouped"

    package init() {
        addGroup(Self.allGroup, at: nil)
        addGroup(Self.ungroupedGroup, at: nil)
        // Both exist and 'ungrouped' is not its own ancestor, so this cannot fail.
        try? addChild(Self.ungroupedGroup, to: Self.allGroup, at: nil)
    }

    /// Adds a group unless it exists; the first declaration's location is kept.
    package mutating func addGroup(_ name: String, at location: SourceLocation?) {
        guard groups[name] == nil else { return }
        groups[name] = InventoryGroup(name: name, location: location)
        groupOrder.append(name)
    }

    /// Adds a host unless it exists, and makes it a direct member of `group` if given. Like Ansible, the
    /// port is only recorded when the host is new (as the integer var `ansible_port`).
    package mutating func addHost(
        _ name: String, toGroup group: String?, port: Int?, at location: SourceLocation?
    ) throws(InventoryError) {
        guard !name.isEmpty else {
            throw .invalid(location ?? SourceLocation(file: "<inventory>"), "a host name is empty")
        }
        if let group, groups.index(forKey: group) == nil {
            throw .invalid(location ?? SourceLocation(file: "<inventory>"), "group '\(group)' is not defined")
        }
        if hosts.index(forKey: name) == nil {
            var host = InventoryHost(name: name, location: location)
            if let port, port != 0 { host.vars["ansible_port"] = .int(port) }
            hosts[name] = host
            hostOrder.append(name)
        }
        if let group { addHostMember(name, to: group) }
    }

    /// Sets an inline var on a group or host. As in Ansible, a group wins when a group and a host share
    /// the name, and `ansible_group_priority` sets the group's priority instead of a var.
    package mutating func setVariable(
        _ key: String, to value: DataValue, on entity: String, at location: SourceLocation?
    ) throws(InventoryError) {
        try setVariable(.string(key), to: value, on: entity, at: location)
    }

    /// Sets an inline var whose name may be any YAML scalar (Ansible accepts, and lists, `1: x`).
    package mutating func setVariable(
        _ key: DataValue, to value: DataValue, on entity: String, at location: SourceLocation?
    ) throws(InventoryError) {
        // Found once and changed in place: hosts get thousands of these calls.
        if let group = groups.index(forKey: entity) {
            if key == "ansible_group_priority" {
                try Self.applyPriority(value, to: &groups.values[group], at: location ?? Self.unknownPlace)
            } else {
                groups.values[group].vars[key] = value
            }
        } else if let host = hosts.index(forKey: entity) {
            hosts.values[host].vars[key] = value
        } else {
            throw .invalid(
                location ?? Self.unknownPlace, "cannot set '\(key.scalarText)': no group or host named '\(entity)'")
        }
    }

    /// Ansible calls Python's `int()` on the value before anything else, so values `int()` refuses
    /// (None, lists, mappings, text that is not an integer) fail the inventory.
    private static func applyPriority(
        _ value: DataValue, to group: inout InventoryGroup, at place: SourceLocation
    ) throws(InventoryError) {
        let priority: Int?
        switch value {
        case .bool(let flag): priority = flag ? 1 : 0
        case .int(let number): priority = number
        case .bigInt(let digits): priority = digits.hasPrefix("-") ? Int.min : Int.max
        case .float(let number): priority = number.isFinite ? Int(exactly: number.rounded(.towardZero)) : nil
        case .string(let text):
            priority = try? PythonInteger.parseInt(text.unicodeScalars)
        case .null, .list, .mapping: priority = nil
        }
        guard let priority else {
            let shown: String
            switch value {
            case .null, .list, .mapping: shown = value.kindName
            default: shown = "'\(value.scalarText)'"
            }
            throw .invalid(place, "ansible_group_priority must be an integer, got \(shown)")
        }
        group.priority = priority
    }

    /// Makes `child` (a group, or else a host) a member of `parent`, with Ansible's loop detection.
    package mutating func addChild(_ child: String, to parent: String, at location: SourceLocation?)
        throws(InventoryError)
    {
        let place = location ?? SourceLocation(file: "<inventory>")
        guard groups[parent] != nil else { throw .invalid(place, "group '\(parent)' is not defined") }
        if groups[child] != nil {
            try addChildGroup(child, to: parent, at: place)
        } else if hosts[child] != nil {
            addHostMember(child, to: parent)
        } else {
            throw .invalid(place, "'\(child)' is neither a known host nor a known group")
        }
    }

    /// Ansible's `reconcile_inventory`: groups without parents join `all`; hosts with no group but `all`
    /// join `ungrouped`; hosts that also belong to a real group leave `ungrouped`.
    package mutating func reconcile() {
        for name in groupOrder where name != Self.allGroup && (groups[name]?.parents.isEmpty ?? false) {
            try? addChildGroup(name, to: Self.allGroup, at: SourceLocation(file: "<inventory>"), limitingDepth: false)
        }
        for name in hostOrder {
            guard let host = hosts[name] else { continue }
            let memberships = host.groupSet
            if memberships.contains(Self.ungroupedGroup) {
                if !memberships.subtracting([Self.allGroup, Self.ungroupedGroup]).isEmpty {
                    removeHostMember(name, from: Self.ungroupedGroup)
                }
            } else if memberships.isEmpty || memberships == [Self.allGroup] {
                // Ansible's add_child('ungrouped', name): a group of the same name wins over the host.
                try? addChild(name, to: Self.ungroupedGroup, at: SourceLocation(file: "<inventory>"))
            }
        }
    }
}
