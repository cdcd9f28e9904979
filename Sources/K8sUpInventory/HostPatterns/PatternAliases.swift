/// Extra names an operator can use in a host pattern for hosts that roles, not groups, define:
/// `masters` and `control-plane` for the control-plane hosts, `nodes` and `workers` for the worker hosts
/// that are not also control-plane hosts.
///
/// An alias behaves like a group in every position (`masters[0]`, `!workers`, `all:&nodes`), matches only
/// its exact name (never a wildcard or `~regex`), and applies only when the inventory has no group or host
/// of that name, so an inventory's own `masters` group keeps its Ansible meaning.
package struct PatternAliases: Sendable, Equatable {
    /// The names for the control-plane hosts.
    package static let controlPlaneNames = ["masters", "control-plane"]
    /// The names for the worker hosts that are not control-plane hosts.
    package static let workerNames = ["nodes", "workers"]
    /// No aliases: plain Ansible patterns.
    package static let none = PatternAliases([:])

    /// Each alias name and the hosts it stands for, in the order a pattern should give them.
    package let hostsByName: [String: [String]]

    package init(_ hostsByName: [String: [String]]) {
        self.hostsByName = hostsByName
    }

    /// The operator aliases for the given roles (each list in inventory order, as the roles were computed).
    /// A host in both lists is a control-plane host only.
    package init(controlPlane: [String], workers: [String]) {
        let controlPlaneSet = Set(controlPlane)
        let workersOnly = workers.filter { !controlPlaneSet.contains($0) }
        var table: [String: [String]] = [:]
        for name in Self.controlPlaneNames { table[name] = controlPlane }
        for name in Self.workerNames { table[name] = workersOnly }
        self.init(table)
    }

    /// The hosts behind `name`, or nil when it is not an alias.
    package func hosts(named name: String) -> [String]? {
        hostsByName[name]
    }
}
