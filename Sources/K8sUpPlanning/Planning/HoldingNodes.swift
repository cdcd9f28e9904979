import K8sUpCluster
import K8sUpInventory
import K8sUpSupport

/// The nodes that keep a hop from happening, sorted by what the operator can do about them: cluster
/// nodes the inventory does not list (k8sup never upgrades them) and inventory nodes `--limit` leaves
/// out of this run. Nodes in scope never hold a hop back: every hop upgrades them.
struct HoldingNodes {
    /// Cluster nodes outside the inventory, by node name, with whether each is a control-plane node.
    var outsideInventory: [(name: String, isControlPlane: Bool)]
    /// Inventory nodes left out by `--limit`.
    var leftOutByLimit: [ClusterRoles.Node]

    /// Sorts `names` (Kubernetes node names) into the two cases.
    init(_ names: [String], roles: ClusterRoles, cluster: ClusterState) {
        let inventory = Dictionary(roles.nodes.map { ($0.nodeName, $0) }, uniquingKeysWith: { first, _ in first })
        outsideInventory = names.filter { inventory[$0] == nil }.map {
            ($0, cluster.node(named: $0)?.hasControlPlaneLabel ?? false)
        }
        leftOutByLimit = names.compactMap { inventory[$0] }
    }

    /// Every holding node's name: those `--limit` leaves out, then those outside the inventory.
    var nodeNames: [String] { leftOutByLimit.map(\.nodeName) + outsideInventory.map(\.name) }

    /// What to do, one sentence per case that applies, each naming its nodes.
    /// `limit` is the `--limit` pattern of this run; `roles` names the inventory's groups.
    func fix(limit: String?, roles: ClusterRoles) -> String {
        var sentences: [String] = []
        if !leftOutByLimit.isEmpty {
            let names = leftOutByLimit.map(\.nodeName)
            let (subject, pronoun) = Self.subject(names)
            let leftOut = limit.map { "--limit \(ShellQuoting.quote($0)) leaves \(pronoun) out" } ?? "left out"
            let widened = ([limit].compactMap { $0 } + additions(roles: roles)).joined(separator: ",")
            // Ansible applies `&` and `!` after every union, so adding names cannot undo an exclusion.
            let include =
                limit.map { $0.contains("!") || $0.contains("&") } == true
                ? "change --limit so that it selects \(pronoun)"
                : "include \(pronoun) (--limit \(ShellQuoting.quote(widened)))"
            sentences.append("\(subject) in the inventory but \(leftOut): \(include) or run without --limit")
        }
        if !outsideInventory.isEmpty {
            let (subject, pronoun) = Self.subject(outsideInventory.map(\.name))
            sentences.append(
                "\(subject) not in the inventory, so k8sup never upgrades \(pronoun): add \(pronoun) to the "
                    + "inventory (\(groups(roles: roles))) or upgrade \(pronoun) separately first, then plan again")
        }
        return sentences.joined(separator: "; ")
    }

    /// What to add to `--limit` to include the left-out nodes: their host names when few, else the alias
    /// of their role (`masters`, `workers`), which also covers the whole role when all of it is missing.
    private func additions(roles: ClusterRoles) -> [String] {
        var patterns: [String] = []
        for (role, alias, all) in [
            (ClusterRoles.Role.controlPlane, "masters", roles.controlPlane), (.worker, "workers", roles.workers),
        ] {
            let hosts = leftOutByLimit.filter { $0.role == role }.map(\.host)
            guard !hosts.isEmpty else { continue }
            patterns += hosts.count > Self.namedHostsInPattern || hosts.count == all.count ? [alias] : hosts
        }
        return patterns
    }

    /// The inventory group(s) the outside nodes belong in, in the naming generation of this inventory's
    /// control-plane group (`kube-master` goes with `kube-node`).
    private func groups(roles: ClusterRoles) -> String {
        let legacy = roles.controlPlaneGroup == "kube-master"
        let controlPlaneGroup = roles.controlPlaneGroup
        let workerGroup = legacy ? "kube-node" : "kube_node"
        let kinds = Set(outsideInventory.map(\.isControlPlane))
        if kinds == [true] { return controlPlaneGroup }
        if kinds == [false] { return workerGroup }
        return "\(workerGroup), or \(controlPlaneGroup) for control-plane nodes"
    }

    /// Beyond this many hosts of one role, the suggested `--limit` names the role instead.
    private static let namedHostsInPattern = 4

    /// Beyond this many nodes, a sentence names the first ones and counts the rest.
    private static let namedInSentence = 4

    /// `worker-6 is` / `worker-1, worker-2 and 3 more are`, and the matching pronoun.
    private static func subject(_ names: [String]) -> (String, String) {
        let shown = names.prefix(namedInSentence)
        var list = shown.joined(separator: ", ")
        if names.count > shown.count {
            list += " and \(names.count - shown.count) more"
        } else if names.count > 1, let last = shown.last {
            list = shown.dropLast().joined(separator: ", ") + " and " + last
        }
        return names.count == 1 ? (list + " is", "it") : (list + " are", "them")
    }
}
