/// The Eviction API's decision for one pod (`pkg/registry/core/pod/storage/eviction.go`), as a pure
/// function over the pod and the PDBs of its namespace.
package enum EvictionRules {
    /// What the Eviction API looks at in a pod.
    package struct Pod: Sendable, Equatable {
        package var name: String
        package var namespace: String
        package var labels: [String: String]
        /// `Running`, `Pending`, `Succeeded`, `Failed`.
        package var phase: String
        /// `status.conditions[type=Ready].status == True`.
        package var ready: Bool
        /// `metadata.deletionTimestamp` is set.
        package var terminating: Bool

        package init(
            name: String, namespace: String, labels: [String: String], phase: String = "Running",
            ready: Bool = true, terminating: Bool = false
        ) {
            self.name = name
            self.namespace = namespace
            self.labels = labels
            self.phase = phase
            self.ready = ready
            self.terminating = terminating
        }
    }

    /// What the Eviction API looks at in a PodDisruptionBudget.
    package struct Budget: Sendable, Equatable {
        package var name: String
        package var namespace: String
        /// nil: no `spec.selector`, which selects nothing in policy/v1; an empty selector selects all.
        package var selector: SimLabelSelector?
        package var generation: Int
        package var observedGeneration: Int
        package var disruptionsAllowed: Int
        package var currentHealthy: Int
        package var desiredHealthy: Int
        /// `spec.unhealthyPodEvictionPolicy`: nil (= `IfHealthyBudget`), `IfHealthyBudget`, `AlwaysAllow`.
        package var unhealthyPodEvictionPolicy: String?
        package var disruptedPods: Int

        package init(
            name: String, namespace: String, selector: SimLabelSelector?, generation: Int = 1,
            observedGeneration: Int = 1, disruptionsAllowed: Int, currentHealthy: Int, desiredHealthy: Int,
            unhealthyPodEvictionPolicy: String? = nil, disruptedPods: Int = 0
        ) {
            self.name = name
            self.namespace = namespace
            self.selector = selector
            self.generation = generation
            self.observedGeneration = observedGeneration
            self.disruptionsAllowed = disruptionsAllowed
            self.currentHealthy = currentHealthy
            self.desiredHealthy = desiredHealthy
            self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
            self.disruptedPods = disruptedPods
        }

        package func selects(_ pod: Pod) -> Bool {
            guard pod.namespace == namespace, let selector else { return false }
            return selector.matches(pod.labels)
        }
    }

    /// The outcome.
    package enum Decision: Sendable, Equatable {
        /// Delete the pod; no budget is consulted or changed.
        case delete
        /// Take one disruption from the budget (decrement, record the pod in `disruptedPods`), then delete.
        case deleteConsuming(budget: String)
        /// Refuse with this Status (429, 403 or 500).
        case refuse(KubeStatus)
    }

    package static let violationMessage = "Cannot evict pod as it would violate the pod's disruption budget."
    package static let multipleBudgetsMessage =
        "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."
    static let maxDisruptedPods = 2000

    package static func decide(pod: Pod, budgets: [Budget]) -> Decision {
        if pod.terminating || ["Succeeded", "Failed", "Pending"].contains(pod.phase) { return .delete }
        let matching = budgets.filter { $0.selects(pod) }
        if matching.count > 1 {
            // The apiserver returns this Status object itself (no reason, no details) with code 500.
            return .refuse(
                KubeStatus(code: 500, message: multipleBudgetsMessage, reason: nil, hasDetails: false))
        }
        guard let budget = matching.first else { return .delete }
        if !pod.ready {
            if budget.unhealthyPodEvictionPolicy == "AlwaysAllow" { return .delete }
            if budget.currentHealthy >= budget.desiredHealthy && budget.desiredHealthy > 0 { return .delete }
        }
        return checkAndDecrement(budget)
    }

    static func checkAndDecrement(_ budget: Budget) -> Decision {
        if budget.observedGeneration < budget.generation {
            return .refuse(
                KubeStatus(
                    code: 429, message: violationMessage, reason: "TooManyRequests",
                    causes: [
                        .init(
                            reason: "DisruptionBudget",
                            message: "The disruption budget \(budget.name) is still being processed by the server.")
                    ], retryAfterSeconds: 10))
        }
        if budget.disruptionsAllowed < 0 {
            return .refuse(forbidden(budget, "pdb disruptions allowed is negative"))
        }
        if budget.disruptedPods > maxDisruptedPods {
            return .refuse(
                forbidden(budget, "DisruptedPods map too big - too many evictions not confirmed by PDB controller"))
        }
        if budget.disruptionsAllowed == 0 {
            return .refuse(
                KubeStatus(
                    code: 429, message: violationMessage, reason: "TooManyRequests",
                    causes: [
                        .init(
                            reason: "DisruptionBudget",
                            message: "The disruption budget \(budget.name) needs \(budget.desiredHealthy) healthy pods"
                                + " and has \(budget.currentHealthy) currently")
                    ]))
        }
        return .deleteConsuming(budget: budget.name)
    }

    private static func forbidden(_ budget: Budget, _ reason: String) -> KubeStatus {
        KubeStatus(
            code: 403, message: "poddisruptionbudget.policy \"\(budget.name)\" is forbidden: \(reason)",
            reason: "Forbidden", name: budget.name, group: "policy", kind: "poddisruptionbudget")
    }
}
