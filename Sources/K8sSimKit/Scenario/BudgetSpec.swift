import K8sUpReaders
import K8sUpSupport
import PythonParity

/// One `pdbs:` entry of a scenario: a policy/v1 PodDisruptionBudget.
package struct BudgetSpec: Sendable, Equatable {
    package var name: String
    package var namespace: String
    /// `selector: {app: web}` (matchLabels) or a full LabelSelector with matchLabels/matchExpressions.
    package var selector: SimLabelSelector
    package var minAvailable: DisruptionMath.Amount?
    package var maxUnavailable: DisruptionMath.Amount?
    package var unhealthyPodEvictionPolicy: String?

    package init(
        name: String, namespace: String = "default", selector: SimLabelSelector,
        minAvailable: DisruptionMath.Amount? = nil, maxUnavailable: DisruptionMath.Amount? = nil,
        unhealthyPodEvictionPolicy: String? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
    }

    static func read(_ node: DataNode) throws(ScenarioError) -> BudgetSpec {
        let fields = try ScenarioFields(
            node, context: "pdb",
            allowed: ["name", "namespace", "selector", "minAvailable", "maxUnavailable", "unhealthyPodEvictionPolicy"])
        func amount(_ key: String) throws(ScenarioError) -> DisruptionMath.Amount? {
            guard let raw = fields.raw(key) else { return nil }
            guard let amount = DisruptionMath.Amount(raw.value) else {
                throw ScenarioError("pdb.\(key) must be an integer or a percentage like \"50%\"", at: raw.location)
            }
            return amount
        }
        let minAvailable = try amount("minAvailable")
        let maxUnavailable = try amount("maxUnavailable")
        if minAvailable != nil && maxUnavailable != nil {
            throw ScenarioError("pdb sets both minAvailable and maxUnavailable", at: node.location)
        }
        let policy = try fields.string("unhealthyPodEvictionPolicy")
        if let policy, policy != "AlwaysAllow", policy != "IfHealthyBudget" {
            throw ScenarioError(
                "pdb.unhealthyPodEvictionPolicy must be AlwaysAllow or IfHealthyBudget, not \(policy)",
                at: node.location)
        }
        var selector = SimLabelSelector()
        if let raw = fields.raw("selector") {
            guard let parsed = SelectorParsing.selector(raw.value) else {
                throw ScenarioError("pdb.selector is not a label selector", at: raw.location)
            }
            selector = parsed
        }
        return BudgetSpec(
            name: try fields.requiredString("name"), namespace: try fields.string("namespace") ?? "default",
            selector: selector, minAvailable: minAvailable, maxUnavailable: maxUnavailable,
            unhealthyPodEvictionPolicy: policy)
    }
}
