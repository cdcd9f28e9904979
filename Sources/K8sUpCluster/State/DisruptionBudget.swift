/// One PodDisruptionBudget (policy/v1): its selector, its rule, and the status the Eviction API
/// decides on.
package struct DisruptionBudget: Sendable, Equatable {
    /// `minAvailable`/`maxUnavailable`: a count or a percentage.
    package enum Amount: Sendable, Equatable, CustomStringConvertible {
        case count(Int)
        case percent(Int)

        package var description: String {
            switch self {
            case .count(let count): return String(count)
            case .percent(let percent): return "\(percent)%"
            }
        }
    }

    package enum UnhealthyPodEvictionPolicy: String, Sendable {
        case ifHealthyBudget = "IfHealthyBudget"
        case alwaysAllow = "AlwaysAllow"
    }

    package var namespace: String
    package var name: String
    /// nil when the PDB has no selector (it then selects no pods).
    package var selector: LabelSelector?
    package var minAvailable: Amount?
    package var maxUnavailable: Amount?
    package var unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy
    package var generation: Int
    package var observedGeneration: Int
    package var currentHealthy: Int
    package var desiredHealthy: Int
    package var disruptionsAllowed: Int
    package var expectedPods: Int

    package init(
        namespace: String, name: String, selector: LabelSelector?, minAvailable: Amount? = nil,
        maxUnavailable: Amount? = nil, unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy = .ifHealthyBudget,
        generation: Int = 1, observedGeneration: Int = 1, currentHealthy: Int, desiredHealthy: Int,
        disruptionsAllowed: Int, expectedPods: Int
    ) {
        self.namespace = namespace
        self.name = name
        self.selector = selector
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
        self.generation = generation
        self.observedGeneration = observedGeneration
        self.currentHealthy = currentHealthy
        self.desiredHealthy = desiredHealthy
        self.disruptionsAllowed = disruptionsAllowed
        self.expectedPods = expectedPods
    }

    /// `namespace/name`.
    package var qualifiedName: String { "\(namespace)/\(name)" }

    /// Whether this budget covers the pod: same namespace and the selector matches its labels.
    package func covers(_ pod: ClusterPod) -> Bool {
        pod.namespace == namespace && (selector?.matches(pod.labels) ?? false)
    }
}
