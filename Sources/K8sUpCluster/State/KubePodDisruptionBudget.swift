/// A PodDisruptionBudget as `kubectl get pdb -A -o json` prints it (`policy/v1`, or `policy/v1beta1` from
/// clusters older than v1.21 and from files saved then).
///
/// Absent numbers are Go's zero values, as kubectl's omissions mean: a PDB the disruption controller has
/// not processed yet has no `status`, so its `observedGeneration` 0 is behind its `generation` (which the
/// apiserver starts at 1), just as the Eviction API sees it ("still being processed").
struct KubePodDisruptionBudget: Decodable, Sendable, Equatable {
    /// `spec`: the rule and the pods it covers.
    struct Spec: Decodable, Sendable, Equatable {
        var minAvailable: KubeIntOrString?
        var maxUnavailable: KubeIntOrString?
        var selector: KubeLabelSelector?
        /// `IfHealthyBudget` (the default) or `AlwaysAllow`.
        var unhealthyPodEvictionPolicy: String?
    }

    /// `status`, as the disruption controller last wrote it.
    struct Status: Decodable, Sendable, Equatable {
        var observedGeneration: Int?
        var currentHealthy: Int?
        var desiredHealthy: Int?
        var disruptionsAllowed: Int?
        var expectedPods: Int?
    }

    var apiVersion: String?
    var metadata: KubeObjectMeta
    var spec: Spec?
    var status: Status?

    /// The API version whose empty selector matches no pods.
    static let v1beta1 = "policy/v1beta1"

    /// The budget in the domain model.
    ///
    /// Selectors: in `policy/v1` an absent selector selects no pods and an empty one (`{}`) every pod in
    /// the namespace; in `policy/v1beta1` an empty selector selects no pods either, so it becomes nil. (A
    /// v1beta1 PDB read back through v1 carries the apiserver's stand-in for "none", an `Exists` on the
    /// label `pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match` no pod has, and a v1 `{}` read
    /// through v1beta1 a `DoesNotExist` on it; both already mean the right thing as selectors.)
    ///
    /// An `unhealthyPodEvictionPolicy` k8sup does not know counts as `IfHealthyBudget`: the API
    /// documentation tells clients to disallow evicting unhealthy pods when they meet an unrecognised one.
    var disruptionBudget: DisruptionBudget {
        var selector = spec?.selector
        if apiVersion == Self.v1beta1, selector?.isEmpty == true { selector = nil }
        let policy = spec?.unhealthyPodEvictionPolicy.flatMap(DisruptionBudget.UnhealthyPodEvictionPolicy.init)
        return DisruptionBudget(
            namespace: metadata.namespace ?? "default",
            name: metadata.name,
            selector: selector?.labelSelector,
            minAvailable: spec?.minAvailable?.amount,
            maxUnavailable: spec?.maxUnavailable?.amount,
            unhealthyPodEvictionPolicy: policy ?? .ifHealthyBudget,
            generation: metadata.generation ?? 0,
            observedGeneration: status?.observedGeneration ?? 0,
            currentHealthy: status?.currentHealthy ?? 0,
            desiredHealthy: status?.desiredHealthy ?? 0,
            disruptionsAllowed: status?.disruptionsAllowed ?? 0,
            expectedPods: status?.expectedPods ?? 0)
    }
}
