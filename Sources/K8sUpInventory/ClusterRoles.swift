import Foundation
import K8sUpSupport
import PythonParity

/// Which inventory hosts are control-plane nodes, workers and etcd members, under both generations of
/// Kubespray group names (`kube_control_plane`/`kube-master`, `kube_node`/`kube-node`,
/// `k8s_cluster`/`k8s-cluster`), and the Kubernetes node name of each.
///
/// A host in both the control-plane and worker groups is a control-plane node. The first control-plane
/// host runs `kubeadm upgrade apply` (Kubespray's `first_kube_control_plane`).
package struct ClusterRoles: Sendable, Equatable {
    package enum Role: String, Sendable {
        case controlPlane = "control-plane"
        case worker
    }

    /// One Kubernetes node of the cluster.
    package struct Node: Sendable, Equatable {
        /// The inventory host name.
        package let host: String
        /// The Kubernetes node name: `kube_override_hostname`, else the inventory name.
        package let nodeName: String
        package let role: Role
        let isEtcdMember: Bool
    }

    /// The group the control plane was read from (`kube_control_plane` or `kube-master`).
    package let controlPlaneGroup: String
    /// Control-plane nodes in inventory order; the first is the one that runs `kubeadm upgrade apply`.
    package let controlPlane: [Node]
    /// Worker nodes (not control-plane) in inventory order.
    package let workers: [Node]
    /// Hosts in the `etcd` group, in inventory order.
    package let etcdHosts: [String]

    package static let controlPlaneGroups = ["kube_control_plane", "kube-master"]
    package static let workerGroups = ["kube_node", "kube-node"]
    package static let clusterGroups = ["k8s_cluster", "k8s-cluster"]

    /// Control plane first, then workers.
    package var nodes: [Node] { controlPlane + workers }

    /// The node that runs `kubeadm upgrade apply`.
    package var firstControlPlane: Node? { controlPlane.first }

    package init(_ loaded: LoadedInventory) throws(InventoryError) {
        let inventory = loaded.inventory
        let presentControlPlaneGroups = Self.controlPlaneGroups.filter { inventory.groups[$0] != nil }
        guard let group = presentControlPlaneGroups.first else {
            throw .noControlPlaneGroup(
                groups: inventory.groupOrder.filter {
                    $0 != Inventory.allGroup && $0 != Inventory.ungroupedGroup
                })
        }
        let controlPlaneHosts = Self.union(Self.controlPlaneGroups, in: inventory)
        guard !controlPlaneHosts.isEmpty else { throw .emptyControlPlaneGroup(group) }
        let controlPlaneSet = Set(controlPlaneHosts)
        let workerHosts = Self.union(Self.workerGroups, in: inventory).filter { !controlPlaneSet.contains($0) }
        let etcd = inventory.groups["etcd"] != nil ? inventory.hosts(inGroup: "etcd") : []
        let etcdSet = Set(etcd)
        let resolver = VariableResolver(loaded)
        let vars = resolver.allHostVariables(controlPlaneHosts + workerHosts)

        func node(_ host: String, _ role: Role) throws(InventoryError) -> Node {
            let name = try Self.nodeName(of: host, vars: vars[host] ?? DataMapping(), inventory: inventory)
            return Node(host: host, nodeName: name, role: role, isEtcdMember: etcdSet.contains(host))
        }
        var controlPlane: [Node] = []
        for host in controlPlaneHosts { controlPlane.append(try node(host, .controlPlane)) }
        var workers: [Node] = []
        for host in workerHosts { workers.append(try node(host, .worker)) }
        self.controlPlaneGroup = group
        self.controlPlane = controlPlane
        self.workers = workers
        self.etcdHosts = etcd
    }

    /// Hosts of the first group, then hosts only in later ones: what Kubespray's `dynamic_groups` makes
    /// of an inventory that uses both the old and the new name.
    private static func union(_ names: [String], in inventory: Inventory) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for name in names where inventory.groups[name] != nil {
            for host in inventory.hosts(inGroup: name) where seen.insert(host).inserted { result.append(host) }
        }
        return result
    }

    /// `kube_override_hostname`, else the inventory name. Templates are never evaluated; only the common
    /// `{{ inventory_hostname }}` is understood, as the inventory name it stands for.
    private static func nodeName(of host: String, vars: DataMapping, inventory: Inventory) throws(InventoryError)
        -> String
    {
        guard let override = vars["kube_override_hostname"], !override.isNull else { return host }
        let text = override.scalarText.trimmingCharacters(in: .whitespacesAndNewlines)
        let location = inventory.hosts[host]?.location ?? SourceLocation(file: "<inventory>")
        if text.contains("{{") {
            let inner = text.replacingOccurrences(of: " ", with: "")
            if inner == "{{inventory_hostname}}" { return host }
            throw .invalid(
                location,
                "kube_override_hostname of '\(host)' is the template '\(text)'; k8sup does "
                    + "not evaluate templates: set the literal Kubernetes node name in host_vars/\(host).yml")
        }
        guard !text.isEmpty else {
            throw .invalid(location, "kube_override_hostname of '\(host)' is empty: remove it or set the node name")
        }
        return text
    }
}
