import K8sUpCluster

/// What draining one worker takes from the cluster, for `--batch auto`: the disruptions it charges to
/// each PodDisruptionBudget, the pods a controller recreates elsewhere (each needing its requests free
/// on one node), and its zone. Measured the way `DrainSimulation` meets the budgets, so the
/// batches and the `pdb.*` checks agree.
package struct DrainFootprint: Sendable, Equatable {
    package let node: String
    /// `topology.kubernetes.io/zone`, else the inventory's `k8sup_zone`, else "" (one zone for all).
    package let zone: String
    /// Pods a drain evicts through the Eviction API that count against a budget, by budget
    /// (`namespace/name`).
    package var charged: [String: Int]
    /// The evicted pods a controller recreates on another node, in the cluster's order.
    package var replaced: [ReplacedPod]

    /// Measures `node` in `cluster`; `inventoryZone` is its `k8sup_zone`.
    package init(node: String, cluster: ClusterState, inventoryZone: String?) {
        self.node = node
        let clusterNode = cluster.node(named: node)
        zone = clusterNode?.zone ?? inventoryZone ?? ""
        var charged: [String: Int] = [:]
        let pods = cluster.pods(onNode: node)
        let replaced = pods.filter(Self.isReplaced).map {
            ReplacedPod(name: "\($0.namespace)/\($0.name)", requests: $0.requests)
        }
        for pod in pods where DrainSimulation.goesThroughEviction(pod) {
            for budget in cluster.budgets(inNamespace: pod.namespace) where budget.covers(pod) {
                guard pod.isReady || !DrainSimulation.unhealthyPodEvictedFreely(budget) else { continue }
                charged[budget.qualifiedName, default: 0] += 1
            }
        }
        self.charged = charged
        self.replaced = replaced
    }

    package init(node: String, zone: String, charged: [String: Int], replaced: [ReplacedPod]) {
        self.node = node
        self.zone = zone
        self.charged = charged
        self.replaced = replaced
    }

    /// A pod a drain removes and a controller (not a DaemonSet, which stays with its node) recreates
    /// on another node, where it needs its requests free.
    package static func isReplaced(_ pod: ClusterPod) -> Bool {
        pod.controllerKind != nil && !pod.isDaemonSetPod && !pod.isMirror && !pod.isFinished && !pod.isTerminating
    }

    /// What a node can still take (allocatable less the requests of the pods there); nil unless it takes
    /// pods: Ready, not cordoned, not tainted against ordinary pods, reporting allocatable.
    package static func room(of node: ClusterNode, pods: [ClusterPod]) -> ResourceAmounts? {
        guard node.isReady == true, !node.isUnschedulable, !node.repelsPods, let allocatable = node.allocatable
        else { return nil }
        let used = pods.filter { !$0.isFinished }.reduce(ResourceAmounts.zero) { $0 + $1.requests }
        return (allocatable - used).clampedAtZero
    }
}

/// What every batch of a hop is measured against: the disruptions each budget allows now and the free
/// room on each node that takes pods.
package struct BatchingGround: Sendable, Equatable {
    /// `status.disruptionsAllowed` (at least 0) by budget.
    package var allowed: [String: Int]
    /// Free allocatable on each node that takes pods, in the cluster's order (the order pods are placed in).
    package var rooms: [NodeRoom]
    /// Whether any node reports allocatable; without it the capacity rule cannot be judged and is left out.
    package var capacityKnown: Bool

    package init(allowed: [String: Int], rooms: [NodeRoom], capacityKnown: Bool) {
        self.allowed = allowed
        self.rooms = rooms
        self.capacityKnown = capacityKnown
    }

    /// Free allocatable on every node that takes pods, added up: what a pod's share is taken of.
    package var totalRoom: ResourceAmounts {
        rooms.reduce(ResourceAmounts.zero) { $0 + $1.free }
    }

    package init(cluster: ClusterState) {
        var allowed: [String: Int] = [:]
        for budget in cluster.budgets { allowed[budget.qualifiedName] = max(0, budget.disruptionsAllowed) }
        self.allowed = allowed
        rooms = cluster.nodes.compactMap { node in
            DrainFootprint.room(of: node, pods: cluster.pods(onNode: node.name)).map {
                NodeRoom(node: node.name, free: $0, allocatable: node.allocatable)
            }
        }
        capacityKnown = cluster.nodes.contains { $0.allocatable != nil }
    }
}
