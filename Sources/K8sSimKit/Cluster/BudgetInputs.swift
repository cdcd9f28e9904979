import K8sUpReaders
import PythonParity

/// What was written since the PodDisruptionBudgets' status was last computed, so that only the budgets
/// a write can change are computed again. A budget's status depends only on the budget, the pods its
/// selector picks in its namespace and the replicas of those pods' controllers; while dozens of nodes
/// drain, recomputing every budget over every pod after each write took most of the simulator's time.
struct BudgetInputs: Sendable {
    /// Every budget must be computed again: at first, and after a controller (its replicas) changed.
    var all = true
    /// The budgets written since (`namespace/name`).
    var budgets: Set<String> = []
    /// By namespace: the labels of the pods written or removed since, before and after the write.
    var podLabels: [String: Set<[String: String]>] = [:]

    /// Notes that `object` of `kind` was stored or removed; `old` is what it replaced.
    mutating func note(_ kind: ResourceKind, _ object: DataValue, replacing old: DataValue?) {
        if kind == .pods {
            for pod in [object, old].compactMap({ $0 }) {
                podLabels[pod.objectNamespace, default: []].insert(pod.stringMap("metadata", "labels"))
            }
        } else if kind == .budgets {
            budgets.insert(ClusterData.key(object.objectNamespace, object.objectName))
        } else if kind == .deployments || kind == .replicaSets || kind == .statefulSets {
            all = true
        }
    }

    /// Whether `budget`, whose selector is `selector`, may have a different status now.
    func affect(_ budget: DataValue, selector: SimLabelSelector?) -> Bool {
        if all || budgets.contains(ClusterData.key(budget.objectNamespace, budget.objectName)) { return true }
        guard let selector, let labels = podLabels[budget.objectNamespace] else { return false }
        return labels.contains(where: selector.matches)
    }
}
