import Foundation
import K8sUpSupport
import PythonParity

/// The Kubernetes nodes k8sim simulates for an inventory, read with Kubespray's group names: control-plane
/// nodes from `kube_control_plane` (or the legacy `kube-master`), workers from `kube_node` (or `kube-node`).
/// A host in both is a control-plane node; a host in neither (an etcd-only host, a bastion) is no node.
/// When an inventory uses both the new and the legacy name, the hosts of both count, new name first.
struct SimNodeRoster: Sendable {
    /// One simulated node.
    struct Node: Sendable, Equatable {
        /// The inventory host name.
        let host: String
        /// The Kubernetes node name: `kube_override_hostname` when set, else the inventory host name.
        let name: String
        let controlPlane: Bool
        /// The host's variables after precedence (see `SimHostVariables`).
        let vars: DataMapping

        /// `ansible_host`: the address the node is reached at, as text.
        var address: String? { vars["ansible_host"].map { $0.stringValue ?? $0.scalarText } }
    }

    static let controlPlaneGroups = ["kube_control_plane", "kube-master"]
    static let workerGroups = ["kube_node", "kube-node"]

    /// Control-plane nodes first, then workers, each in inventory order.
    let nodes: [Node]

    /// Reads the inventory sources (`-i`).
    static func load(sources: [String]) throws(SimInventoryError) -> SimNodeRoster {
        try SimNodeRoster(SimInventorySources.load(sources))
    }

    init(_ sources: SimInventorySources) throws(SimInventoryError) {
        let inventory = sources.inventory
        guard let group = Self.controlPlaneGroups.first(where: { inventory.groups[$0] != nil }) else {
            throw .noControlPlaneGroup(
                groups: inventory.groupOrder.filter { $0 != SimInventory.all && $0 != SimInventory.ungrouped })
        }
        let controlPlane = Self.hosts(in: Self.controlPlaneGroups, of: inventory)
        guard !controlPlane.isEmpty else { throw .emptyControlPlaneGroup(group) }
        let workers = Self.hosts(in: Self.workerGroups, of: inventory).filter { !controlPlane.contains($0) }
        var nodes: [Node] = []
        for host in controlPlane + workers {
            let vars = SimHostVariables.resolve(host, in: sources)
            let location = inventory.hosts[host]?.location ?? SourceLocation(file: "<inventory>")
            nodes.append(
                Node(
                    host: host, name: try Self.nodeName(host, vars: vars, at: location),
                    controlPlane: controlPlane.contains(host), vars: vars))
        }
        self.nodes = nodes
    }

    private static func hosts(in groups: [String], of inventory: SimInventory) -> [String] {
        var result: [String] = []
        for group in groups where inventory.groups[group] != nil {
            for host in inventory.hosts(inGroup: group) where !result.contains(host) { result.append(host) }
        }
        return result
    }

    /// `kube_override_hostname`, else the host name. k8sim evaluates no templates; the usual
    /// `{{ inventory_hostname }}` is the host name it stands for.
    private static func nodeName(_ host: String, vars: DataMapping, at location: SourceLocation)
        throws(SimInventoryError) -> String
    {
        guard let override = vars["kube_override_hostname"], !override.isNull else { return host }
        let text = (override.stringValue ?? override.scalarText).trimmingCharacters(in: .whitespaces)
        if text.contains("{{") {
            guard text.filter({ !$0.isWhitespace }) == "{{inventory_hostname}}" else {
                throw .invalid(
                    location,
                    "host '\(host)': kube_override_hostname is the template '\(text)', which k8sim cannot "
                        + "evaluate; set the node name itself")
            }
            return host
        }
        guard !text.isEmpty else {
            throw .invalid(location, "host '\(host)': kube_override_hostname is empty; remove it or set the node name")
        }
        return text
    }
}
