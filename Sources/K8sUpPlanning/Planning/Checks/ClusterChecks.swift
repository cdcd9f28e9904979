import K8sUpCluster
import K8sUpInventory

/// Checks on the nodes and pods themselves: inventory and cluster disagreeing,
/// control-plane nodes not Ready, nodes already cordoned or short of disk, and pods a drain would
/// delete for good (bare pods) or whose `emptyDir` data it would lose.
enum ClusterChecks {
    /// Inventory hosts the cluster does not have, and cluster nodes the inventory does not list.
    static func inventoryMatch(
        roles: ClusterRoles, cluster: ClusterState, selectedHosts: Set<String>, into checks: inout CheckCollector
    ) {
        let clusterNames = Set(cluster.nodes.map(\.name))
        for node in roles.nodes where !clusterNames.contains(node.nodeName) {
            let inScope = selectedHosts.contains(node.host)
            checks.add(
                "node.not-in-cluster", .warning,
                "inventory host \(node.host) has no node '\(node.nodeName)' in the cluster"
                    + (inScope ? "; it is left out of the plan" : ""),
                nodes: [node.nodeName],
                fix: "check kube_override_hostname for \(node.host), or remove the host from the inventory")
        }
        let inventoryNames = Set(roles.nodes.map(\.nodeName))
        for node in cluster.nodes where !inventoryNames.contains(node.name) {
            checks.add(
                "node.not-in-inventory", .warning,
                "cluster node \(node.name) is not in the inventory, so k8sup will not upgrade it",
                nodes: [node.name],
                fix: "add it to the inventory (kube_node or kube_control_plane), or upgrade it separately")
        }
    }

    /// Health of the nodes: any control-plane node NotReady blocks (kubeadm refuses); nodes in scope that
    /// are NotReady, cordoned or under disk pressure are warned about.
    static func nodeHealth(
        roles: ClusterRoles, cluster: ClusterState, scoped: [ClusterRoles.Node], into checks: inout CheckCollector
    ) {
        let scopedNames = Set(scoped.map(\.nodeName))
        let controlPlaneNames = Set(roles.controlPlane.map(\.nodeName))
        for node in cluster.nodes {
            let isControlPlane = controlPlaneNames.contains(node.name) || node.hasControlPlaneLabel
            if node.isReady != true && isControlPlane {
                checks.add(
                    "node.control-plane-not-ready", .blocker,
                    "control-plane node \(node.name) is \(readiness(node)): kubeadm refuses to upgrade a control "
                        + "plane with a NotReady member, and etcd quorum may be at risk",
                    nodes: [node.name], fix: "repair \(node.name) until it is Ready, then plan again")
                continue
            }
            guard scopedNames.contains(node.name) else { continue }
            if node.isReady != true {
                checks.add(
                    "node.not-ready", .warning,
                    "node \(node.name) is \(readiness(node)); after its upgrade k8sup waits for it to become Ready "
                        + "and rolls it back if it does not",
                    nodes: [node.name], fix: "repair the node first, or leave it out with --limit 'all:!\(node.name)'")
            }
            if node.isUnschedulable {
                checks.add(
                    "node.cordoned", .warning,
                    "node \(node.name) is already cordoned; k8sup upgrades it and leaves it cordoned",
                    nodes: [node.name], fix: "uncordon it after the upgrade if it should take pods again")
            }
            if node.hasDiskPressure {
                checks.add(
                    "node.disk-pressure", .warning,
                    "node \(node.name) reports DiskPressure; staging the new packages may fail and pods may be evicted",
                    nodes: [node.name], fix: "free disk space on \(node.name) before the upgrade")
            }
        }
    }

    /// Pods a drain deletes without a way back: bare pods, and `emptyDir` data of any evicted pod.
    static func drainedPods(_ hops: [HopPlanner.PlannedHop], cluster: ClusterState, into checks: inout CheckCollector) {
        for planned in hops {
            for node in planned.drainWindows.flatMap({ $0 }) {
                for pod in cluster.pods(onNode: node.nodeName)
                where !pod.isDaemonSetPod && !pod.isMirror && !pod.isFinished {
                    if pod.controllerKind == nil {
                        checks.add(
                            "pod.bare", .warning,
                            "pod \(pod.qualifiedName) has no controller: draining its node deletes it for good",
                            objects: ["pod/\(pod.qualifiedName)"], nodes: [node.nodeName], hops: [planned.hop.number],
                            fix: "recreate it afterwards, or run it under a Deployment/StatefulSet",
                            key: pod.qualifiedName)
                    }
                    if pod.hasEmptyDir {
                        checks.add(
                            "pod.emptydir", .warning,
                            "pod \(pod.qualifiedName) keeps data in an emptyDir volume, which the drain deletes",
                            objects: ["pod/\(pod.qualifiedName)"], nodes: [node.nodeName], hops: [planned.hop.number],
                            fix: "make sure the data can be lost or rebuilt (a cache), or move it to a "
                                + "persistent volume",
                            key: pod.qualifiedName)
                    }
                }
            }
        }
    }

    private static func readiness(_ node: ClusterNode) -> String {
        switch node.isReady {
        case .some(false): return "NotReady"
        case nil: return "not reporting (Ready Unknown)"
        case .some(true): return "Ready"
        }
    }
}
