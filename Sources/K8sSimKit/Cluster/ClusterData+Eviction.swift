import K8sUpReaders
import K8sUpSupport
import PythonParity

/// `POST …/pods/NAME/eviction` against the store: the Eviction API's rules applied to the stored pod and
/// the PDBs of its namespace.
extension ClusterData {
    /// The Success Status (201) or the refusal; `dryRun` evaluates without changing anything.
    mutating func evict(namespace: String, name: String, dryRun: Bool) -> Result<KubeStatus, KubeStatus> {
        guard let pod = get(.pods, namespace, name) else {
            return .failure(.notFound(resource: "pods", name: name))
        }
        let facts = EvictionRules.Pod(
            name: name, namespace: namespace, labels: pod.stringMap("metadata", "labels"),
            phase: pod.string("status", "phase") ?? "Pending", ready: Self.isReady(pod),
            terminating: pod[["metadata", "deletionTimestamp"]] != nil)
        let budgets = list(.budgets, namespace: namespace).map(evictionBudget)
        let success = KubeStatus(code: 201, status: "Success", message: nil, reason: nil, hasDetails: false)
        switch EvictionRules.decide(pod: facts, budgets: budgets) {
        case .refuse(let status):
            if !dryRun { countRefusal(status, pod: facts, budgets: budgets) }
            return .failure(status)
        case .delete:
            if !dryRun { _ = deletePod(namespace, name) }
            return .success(success)
        case .deleteConsuming(let budgetName):
            guard !dryRun else { return .success(success) }
            let time = nowText
            update(.budgets, namespace, budgetName) { budget in
                let allowed = budget.int("status", "disruptionsAllowed") ?? 0
                budget[["status", "disruptionsAllowed"]] = .int(allowed - 1)
                budget[["status", "disruptedPods", name]] = .string(time)
            }
            _ = deletePod(namespace, name)
            return .success(success)
        }
    }

    func evictionBudget(_ budget: DataValue) -> EvictionRules.Budget {
        let generation = budget.int("metadata", "generation") ?? 1
        return EvictionRules.Budget(
            name: budget.objectName, namespace: budget.objectNamespace, selector: selector(of: budget),
            generation: generation, observedGeneration: budget.int("status", "observedGeneration") ?? 0,
            disruptionsAllowed: budget.int("status", "disruptionsAllowed") ?? 0,
            currentHealthy: budget.int("status", "currentHealthy") ?? 0,
            desiredHealthy: budget.int("status", "desiredHealthy") ?? 0,
            unhealthyPodEvictionPolicy: budget.string("spec", "unhealthyPodEvictionPolicy"),
            disruptedPods: budget[["status", "disruptedPods"]]?.mappingValue?.count ?? 0)
    }
}
