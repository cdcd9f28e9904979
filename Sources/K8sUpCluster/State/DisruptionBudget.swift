/// One PodDisruptionBudget (policy/v1): its selector, its rule, and the status the Eviction API
/// decides on.
public struct DisruptionBudget: Sendable, Equatable {
    /// `minAvailable`/`maxUnavailable`: a count or a percentage.
    public enum Amount: Sendable, Equatable, CustomStringConvertible {
        case count(Int)
        case percent(Int)

        public var description: String {
            switch self {
            case .count(let count): return String(count)
            case .percent(let percent): return "\(percent)%"
            }
        }
    }

    public enum UnhealthyPodEvictionPolicy: String, Sendable {
        case ifHealthyBudget = "IfHealthyBudget"
        case alwaysAllow = "AlwaysAllow"
    }

    public var namespace: String
    public var name: String
    /// nil when the PDB has no selector (it then selects no pods).
    public var selector: LabelSelector?
    public var minAvailable: Amount?
    public var maxUnavailable: Amount?
    public var unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy
    public var generation: Int
    public var observedGeneration: Int
    public var currentHealthy: Int
    public var desiredHealthy: Int
    public var disruptionsAllowed: Int
    public var expectedPods: Int

    public init(
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
    public var qualifiedName: String { "\(namespace)/\(name)" }

    /// Whether this budget covers the pod: same namespace and the selector matches its labels.
    public func covers(_ pod: ClusterPod) -> Bool {
        pod.namespace == namespace && (selector?.matches(pod.labels) ?? false)
    }
}
