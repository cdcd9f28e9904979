import K8sUpCluster

/// What draining one worker takes from the cluster, for `--batch auto`: the disruptions it charges to
/// each PodDisruptionBudget, the CPU and memory its replaced pods need elsewhere, the room it gives
/// while schedulable, and its zone. Measured the way `DrainSimulation` meets the budgets, so the
/// batches and the `pdb.*` checks agree.
package struct DrainFootprint: Sendable, Equatable {
    package let node: String
    /// `topology.kubernetes.io/zone`, else the inventory's `k8sup_zone`, else "" (one zone for all).
    package let zone: String
    /// Pods a drain evicts through the Eviction API that count against a budget, by budget
    /// (`namespace/name`).
    package var charged: [String: Int]
    /// The requests of the evicted pods a controller recreates on another node.
    package var replaced: ResourceAmounts
    /// Free allocatable (allocatable less the requests of the pods there) while the node takes pods;
    /// zero when it does not (cordoned, not Ready, tainted) or does not report allocatable.
    package var room: ResourceAmounts

    /// Measures `node` in `cluster`; `inventoryZone` is its `k8sup_zone`.
    package init(node: String, cluster: ClusterState, inventoryZone: String?) {
        self.node = node
        let clusterNode = cluster.node(named: node)
        zone = clusterNode?.zone ?? inventoryZone ?? ""
        var charged: [String: Int] = [:]
        var replaced = ResourceAmounts.zero
        let pods = cluster.pods(onNode: node)
        for pod in pods where Self.isReplaced(pod) {
            replaced += pod.requests
        }
        for pod in pods where DrainSimulation.goesThroughEviction(pod) {
            for budget in cluster.budgets(inNamespace: pod.namespace) where budget.covers(pod) {
                guard pod.isReady || !DrainSimulation.unhealthyPodEvictedFreely(budget) else { continue }
                charged[budget.qualifiedName, default: 0] += 1
            }
        }
        self.charged = charged
        self.replaced = replaced
        room = clusterNode.map { Self.room(of: $0, pods: pods) } ?? .zero
    }

    package init(node: String, zone: String, charged: [String: Int], replaced: ResourceAmounts, room: ResourceAmounts) {
        self.node = node
        self.zone = zone
        self.charged = charged
        self.replaced = replaced
        self.room = room
    }

    /// A pod a drain removes and a controller (not a DaemonSet, which stays with its node) recreates
    /// on another node, where it needs its requests free.
    package static func isReplaced(_ pod: ClusterPod) -> Bool {
        pod.controllerKind != nil && !pod.isDaemonSetPod && !pod.isMirror && !pod.isFinished && !pod.isTerminating
    }

    /// What a node can still take: nothing unless it is Ready, not cordoned and not tainted against
    /// ordinary pods.
    package static func room(of node: ClusterNode, pods: [ClusterPod]) -> ResourceAmounts {
        guard node.isReady == true, !node.isUnschedulable, !node.repelsPods, let allocatable = node.allocatable
        else { return .zero }
        let used = pods.filter { !$0.isFinished }.reduce(ResourceAmounts.zero) { $0 + $1.requests }
        return (allocatable - used).clampedAtZero
    }
}

/// What every batch of a hop is measured against: the disruptions each budget allows now and the room
/// on the nodes that take pods.
package struct BatchingGround: Sendable, Equatable {
    /// `status.disruptionsAllowed` (at least 0) by budget.
    package var allowed: [String: Int]
    /// Free allocatable on every node that takes pods, added up.
    package var totalRoom: ResourceAmounts
    /// Whether any node reports allocatable; without it the capacity rule cannot be judged and is left out.
    package var capacityKnown: Bool

    package init(allowed: [String: Int], totalRoom: ResourceAmounts, capacityKnown: Bool) {
        self.allowed = allowed
        self.totalRoom = totalRoom
        self.capacityKnown = capacityKnown
    }

    package init(cluster: ClusterState) {
        var allowed: [String: Int] = [:]
        for budget in cluster.budgets { allowed[budget.qualifiedName] = max(0, budget.disruptionsAllowed) }
        self.allowed = allowed
        totalRoom = cluster.nodes.reduce(ResourceAmounts.zero) {
            $0 + DrainFootprint.room(of: $1, pods: cluster.pods(onNode: $1.name))
        }
        capacityKnown = cluster.nodes.contains { $0.allocatable != nil }
    }
}
