@testable import K8sUpKit

/// Inventories for the host-pattern tests, built through the model API in the order Ansible's INI reader
/// would make the same calls, because the INI reader lives on another branch. Each mirrors a file under
/// `Fixtures/HostPatterns/`, which is what the expected host lists were captured from with
/// `ansible -i FILE 'PATTERN' --list-hosts` (ansible-core 2.19.14).
enum HostPatternFixtures {
    /// `kubespray.ini`: ungrouped hosts, a bastion, control plane and etcd on the same hosts, workers with a
    /// `gpu_node` child group, an empty `calico_rr`, a top-level `edge-site` cutting across. At every depth
    /// below `all` at most one group has child groups, so Ansible's host order is deterministic.
    static func kubespray() throws -> Inventory {
        var inventory = Inventory()
        try hosts(["10.0.0.5", "standalone"], in: Inventory.ungroupedGroup, of: &inventory)
        try section("bastion", hosts: ["bastion.example.com"], of: &inventory)
        try section("kube_control_plane", hosts: ["cp1", "cp2", "cp3"], of: &inventory)
        try section("etcd", hosts: ["cp1", "cp2", "cp3"], of: &inventory)
        try section("kube_node", hosts: ["node01", "node02", "node03", "node04", "cp3"], of: &inventory)
        try section("gpu_node", hosts: ["node05", "node06"], of: &inventory)
        try section("calico_rr", hosts: [], of: &inventory)
        try children(["gpu_node"], of: "kube_node", in: &inventory)
        try children(["kube_control_plane", "kube_node", "calico_rr"], of: "k8s_cluster", in: &inventory)
        try section("edge-site", hosts: ["node04", "node06"], of: &inventory)
        inventory.reconcile()
        return inventory
    }

    /// `same-name.ini`: an ungrouped host `etcd` and a group `etcd` of other hosts, plus a `workers` group.
    static func sameName() throws -> Inventory {
        var inventory = Inventory()
        try hosts(["etcd"], in: Inventory.ungroupedGroup, of: &inventory)
        try section("etcd", hosts: ["cp1", "cp2"], of: &inventory)
        try section("workers", hosts: ["w1", "w2"], of: &inventory)
        inventory.reconcile()
        return inventory
    }

    /// `[name]` followed by host lines.
    static func section(_ name: String, hosts names: [String], of inventory: inout Inventory) throws {
        inventory.addGroup(name, at: nil)
        try hosts(names, in: name, of: &inventory)
    }

    /// `[parent:children]`: the INI reader declares `parent` if new, then adds each (already declared) child.
    static func children(_ names: [String], of parent: String, in inventory: inout Inventory) throws {
        inventory.addGroup(parent, at: nil)
        for name in names { try inventory.addChild(name, to: parent, at: nil) }
    }

    static func hosts(_ names: [String], in group: String, of inventory: inout Inventory) throws {
        for name in names { try inventory.addHost(name, toGroup: group, port: nil, at: nil) }
    }
}
