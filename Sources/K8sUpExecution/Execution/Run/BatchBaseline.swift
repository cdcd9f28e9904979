import K8sUpCluster
import K8sUpPlanning

/// What a `--batch auto` batch takes away, noted just before it starts, and whether the cluster has
/// given it back: every budget covering a pod the batch evicts back at its healthy level (current
/// healthy at least desired healthy, and as many disruptions allowed as before the batch), and every
/// controller whose pods it evicted with as many Ready pods as before (the replacements are up). A
/// pure value over two readings of the cluster, so the executor's wait is a loop around it.
package struct BatchBaseline: Sendable, Equatable {
    /// Disruptions each touched budget allowed before the batch, by `namespace/name`.
    package var allowedBefore: [String: Int]
    /// Ready pods of each controller the batch evicts from, before it, by `namespace/Kind/name`.
    package var readyBefore: [String: Int]

    /// Notes what draining `nodes` takes away in `cluster`.
    package init(nodes: [String], cluster: ClusterState) {
        var allowed: [String: Int] = [:]
        var controllers = Set<String>()
        for node in nodes {
            for pod in cluster.pods(onNode: node) where DrainSimulation.goesThroughEviction(pod) {
                for budget in cluster.budgets(inNamespace: pod.namespace) where budget.covers(pod) {
                    allowed[budget.qualifiedName] = budget.disruptionsAllowed
                }
                if DrainFootprint.isReplaced(pod), let key = Self.controllerKey(pod) { controllers.insert(key) }
            }
        }
        allowedBefore = allowed
        let ready = Self.readyPods(cluster)
        readyBefore = Dictionary(uniqueKeysWithValues: controllers.map { ($0, ready[$0] ?? 0) })
    }

    package init(allowedBefore: [String: Int], readyBefore: [String: Int]) {
        self.allowedBefore = allowedBefore
        self.readyBefore = readyBefore
    }

    /// What has not come back yet in `cluster`, one phrase each, in a stable order; empty once the
    /// batch's disruption is over. A budget or controller that no longer exists is not waited for.
    package func shortfalls(in cluster: ClusterState) -> [String] {
        var missing: [String] = []
        let budgets = Dictionary(
            cluster.budgets.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, before) in allowedBefore.sorted(by: { $0.key < $1.key }) {
            guard let budget = budgets[name] else { continue }
            if budget.currentHealthy < budget.desiredHealthy || budget.disruptionsAllowed < before {
                missing.append(
                    "pdb \(name) allows \(budget.disruptionsAllowed) (\(before) before the batch), "
                        + "\(budget.currentHealthy) healthy of \(budget.desiredHealthy) needed")
            }
        }
        let ready = Self.readyPods(cluster)
        for (key, before) in readyBefore.sorted(by: { $0.key < $1.key }) where (ready[key] ?? 0) < before {
            missing.append("\(Self.describe(key)): \(ready[key] ?? 0) pod(s) Ready, \(before) before the batch")
        }
        return missing
    }

    /// `namespace/Kind/name` of the pod's controller.
    package static func controllerKey(_ pod: ClusterPod) -> String? {
        guard let kind = pod.controllerKind, let name = pod.controllerName else { return nil }
        return "\(pod.namespace)/\(kind)/\(name)"
    }

    /// `ReplicaSet shop/web-5d8f7c9b6` from `shop/ReplicaSet/web-5d8f7c9b6`.
    private static func describe(_ key: String) -> String {
        let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count == 3 else { return key }
        return "\(parts[1]) \(parts[0])/\(parts[2])"
    }

    /// Running, Ready pods (not terminating) by controller.
    private static func readyPods(_ cluster: ClusterState) -> [String: Int] {
        var counts: [String: Int] = [:]
        for pod in cluster.pods where pod.isReady && !pod.isTerminating && pod.phase == .running {
            if let key = controllerKey(pod) { counts[key, default: 0] += 1 }
        }
        return counts
    }
}
