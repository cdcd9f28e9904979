import K8sUpCluster

/// Simulates the plan's drains, in order, against the PodDisruptionBudgets, the way `kubectl drain` and
/// the Eviction API would meet them:
///
/// - drains skip DaemonSet pods, mirror (static) pods and finished pods, and pending or terminating pods
///   are deleted without asking a budget;
/// - a pod under two budgets is refused outright (HTTP 500), so that drain fails;
/// - a budget that allows no disruption even when its workload is fully healthy (`maxUnavailable: 0`,
///   `minAvailable` equal to the pod count — a single replica with `minAvailable: 1`) hangs the drain
///   forever;
/// - a budget at zero now because the workload is degraded hangs the drain until someone repairs the
///   workload (an unready pod counts against the budget unless `unhealthyPodEvictionPolicy: AlwaysAllow`);
/// - more of a budget's pods in one drain window than it allows makes the rest wait for replacements:
///   slower, not stuck, when a controller recreates them elsewhere.
///
/// Between windows the budget is taken to be back at its current status, since k8sup waits for each
/// node before the next.
package struct DrainSimulation {
    let cluster: ClusterState
    /// The pods that are not Ready, by the qualified name of each budget that covers them, in the
    /// cluster's order: what a budget at zero allowed disruptions names as the cause. Found in one pass
    /// over the pods, since asking every pod for every blocked budget and drain window grew with the
    /// square of the cluster (5,000 nodes: a quarter of the plan's time).
    private let unreadyPodsByBudget: [String: [String]]

    init(cluster: ClusterState) {
        self.cluster = cluster
        var unready: [String: [String]] = [:]
        for pod in cluster.pods where !pod.isReady {
            for budget in cluster.budgets(inNamespace: pod.namespace) where budget.covers(pod) {
                unready[budget.qualifiedName, default: []].append(pod.qualifiedName)
            }
        }
        unreadyPodsByBudget = unready
    }

    func check(_ hops: [HopPlanner.PlannedHop], into checks: inout CheckCollector) {
        for planned in hops {
            for window in planned.drainWindows {
                simulate(window.map(\.nodeName), hop: planned.hop.number, into: &checks)
            }
        }
    }

    private func simulate(_ nodes: [String], hop: Int, into checks: inout CheckCollector) {
        let evicted = nodes.flatMap { cluster.pods(onNode: $0) }.filter(Self.goesThroughEviction)
        var budgetOrder: [String] = []
        var podsByBudget: [String: (budget: DisruptionBudget, pods: [ClusterPod])] = [:]
        for pod in evicted {
            let budgets = cluster.budgets(inNamespace: pod.namespace).filter { $0.covers(pod) }
            if budgets.count > 1 {
                multipleBudgets(pod, budgets, hop: hop, into: &checks)
            } else if let only = budgets.first {
                if podsByBudget[only.qualifiedName] == nil { budgetOrder.append(only.qualifiedName) }
                podsByBudget[only.qualifiedName, default: (only, [])].pods.append(pod)
            }
        }
        for name in budgetOrder {
            guard let entry = podsByBudget[name] else { continue }
            judge(entry.budget, pods: entry.pods, hop: hop, into: &checks)
        }
    }

    /// What a drain hands to the Eviction API, and where the budget is consulted at all.
    package static func goesThroughEviction(_ pod: ClusterPod) -> Bool {
        !pod.isDaemonSetPod && !pod.isMirror && !pod.isFinished && !pod.isTerminating && pod.phase != .pending
    }

    private func judge(_ budget: DisruptionBudget, pods: [ClusterPod], hop: Int, into checks: inout CheckCollector) {
        let object = "pdb/\(budget.qualifiedName)"
        let podNames = pods.map { "pod/\($0.qualifiedName)" }
        let nodes = Array(Set(pods.compactMap(\.nodeName))).sorted()
        if budget.observedGeneration < budget.generation {
            checks.add(
                "pdb.stale-status", .warning,
                "PodDisruptionBudget \(budget.qualifiedName) was changed and its status is not recomputed yet; "
                    + "evictions wait until it is", objects: [object], nodes: nodes, hops: [hop],
                fix: "check that the disruption controller (kube-controller-manager) is running")
        }
        let spared = pods.filter { !$0.isReady && Self.unhealthyPodEvictedFreely(budget) }
        let charged = pods.filter { !spared.contains($0) }
        guard !charged.isEmpty else { return }
        let rule = Self.rule(budget)
        if allowsNothingWhenHealthy(budget) {
            checks.add(
                "pdb.never-allows", .blocker,
                "PodDisruptionBudget \(budget.qualifiedName) (\(rule)) covers \(budget.expectedPods) pod(s) and allows "
                    + "no disruption even when all are healthy: draining their node hangs until the drain times out",
                objects: [object] + podNames, nodes: nodes, hops: [hop],
                fix: "scale the workload to more replicas than the budget requires, or relax the budget for the "
                    + "maintenance window (minAvailable: 0 or maxUnavailable: 1) and restore it afterwards; "
                    + "`k8sup apply --disable-eviction-fallback` deletes such pods instead (explicit opt-in)",
                key: budget.qualifiedName)
        } else if budget.disruptionsAllowed <= 0 {
            let unready = unreadyPodsByBudget[budget.qualifiedName] ?? []
            let detail = unready.isEmpty ? "" : " (\(unready.joined(separator: ", ")) not Ready)"
            checks.add(
                "pdb.no-disruptions-allowed", .blocker,
                "PodDisruptionBudget \(budget.qualifiedName) (\(rule)) allows 0 disruptions now: "
                    + "\(budget.currentHealthy) of \(budget.expectedPods) pods healthy, \(budget.desiredHealthy) "
                    + "needed\(detail); draining a node with its pods hangs until the workload recovers",
                objects: [object] + podNames, nodes: nodes, hops: [hop],
                fix: "repair the workload until the budget allows a disruption, then plan again; to let drains "
                    + "evict unhealthy pods, set unhealthyPodEvictionPolicy: AlwaysAllow on the budget",
                key: budget.qualifiedName)
        } else if charged.count > budget.disruptionsAllowed {
            waitsForReplacements(budget, charged: charged, nodes: nodes, hop: hop, into: &checks)
        }
    }

    private func waitsForReplacements(
        _ budget: DisruptionBudget, charged: [ClusterPod], nodes: [String], hop: Int, into checks: inout CheckCollector
    ) {
        let object = "pdb/\(budget.qualifiedName)"
        let podNames = charged.map { "pod/\($0.qualifiedName)" }
        let orphans = charged.filter { $0.controllerKind == nil }
        if !orphans.isEmpty {
            checks.add(
                "pdb.no-disruptions-allowed", .blocker,
                "PodDisruptionBudget \(budget.qualifiedName) allows \(budget.disruptionsAllowed) disruption(s) but a "
                    + "drain evicts \(charged.count) of its pods, and pods without a controller are never replaced",
                objects: [object] + podNames, nodes: nodes, hops: [hop],
                fix: "run these pods under a Deployment or StatefulSet, or relax the budget for the window",
                key: budget.qualifiedName)
            return
        }
        checks.add(
            "pdb.waits-for-replacements", .warning,
            "draining \(nodes.joined(separator: ", ")) evicts \(charged.count) pods of PodDisruptionBudget "
                + "\(budget.qualifiedName), which allows \(budget.disruptionsAllowed) disruption(s) at a time: "
                + "the rest wait until replacements are Ready elsewhere, so the drain takes longer",
            objects: [object] + podNames, nodes: nodes, hops: [hop],
            fix: "nothing to do if the cluster has room for the replacements; spread the pods "
                + "(topologySpreadConstraints or anti-affinity) to shorten drains",
            key: budget.qualifiedName + "@" + nodes.joined(separator: ","))
    }

    private func multipleBudgets(
        _ pod: ClusterPod, _ budgets: [DisruptionBudget], hop: Int, into checks: inout CheckCollector
    ) {
        let names = budgets.map(\.qualifiedName)
        checks.add(
            "pdb.multiple-budgets", .blocker,
            "pod \(pod.qualifiedName) is selected by \(budgets.count) PodDisruptionBudgets "
                + "(\(names.joined(separator: ", "))): the Eviction API refuses such pods (HTTP 500), so draining its node fails",
            objects: ["pod/\(pod.qualifiedName)"] + names.map { "pdb/\($0)" }, nodes: pod.nodeName.map { [$0] } ?? [],
            hops: [hop], fix: "make the budgets' selectors disjoint so each pod has at most one budget",
            key: pod.qualifiedName)
    }

    /// An unready pod is evicted without touching the budget under `AlwaysAllow`, or when the budget is
    /// satisfied anyway (`currentHealthy >= desiredHealthy > 0`).
    static func unhealthyPodEvictedFreely(_ budget: DisruptionBudget) -> Bool {
        budget.unhealthyPodEvictionPolicy == .alwaysAllow
            || (budget.currentHealthy >= budget.desiredHealthy && budget.desiredHealthy > 0)
    }

    /// The budget is zero by construction, not because of the workload's health.
    private func allowsNothingWhenHealthy(_ budget: DisruptionBudget) -> Bool {
        switch budget.maxUnavailable {
        case .count(0), .percent(0): return true
        default: break
        }
        if case .percent(let percent) = budget.minAvailable, percent >= 100 { return true }
        return budget.expectedPods > 0 && budget.desiredHealthy >= budget.expectedPods
    }

    /// `minAvailable 1`, `maxUnavailable 25%`, or `no minimum` for a budget with neither.
    static func rule(_ budget: DisruptionBudget) -> String {
        if let minimum = budget.minAvailable { return "minAvailable \(minimum)" }
        if let maximum = budget.maxUnavailable { return "maxUnavailable \(maximum)" }
        return "no minAvailable or maxUnavailable"
    }
}
