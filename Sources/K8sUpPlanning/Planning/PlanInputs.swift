import K8sUpCluster
import K8sUpInventory
import K8sUpSupport

/// Everything the planner needs, gathered before planning so that planning is a pure function:
/// the inventory's cluster roles and the hosts `--limit` selected, the cluster state, the operator's
/// options, and (in live mode) facts only a running cluster can give.
package struct PlanInputs: Sendable {
    package var inventorySources: [String]
    package var roles: ClusterRoles
    /// Inventory hosts the `--limit` pattern selected (all hosts without one).
    package var selectedHosts: Set<String>
    package var limit: String?
    package var cluster: ClusterState
    package var options: PlanOptions
    /// `kube_version` and `k8sup_via` as the inventory sets them for the first control-plane host.
    package var inventoryTarget: String?
    package var inventoryVia: [String]
    /// Facts read from a live cluster; nil when planning from a snapshot.
    package var live: LiveFacts?
    /// What pre-flight read on the nodes over ssh (live plans, once the hops are known); nil before that
    /// and for a snapshot.
    package var preflight: PreflightFacts?
    /// The inventory's `k8sup_zone` by node name: the zone of a node without a zone label.
    package var zones: [String: String] = [:]

    package init(
        inventorySources: [String], roles: ClusterRoles, selectedHosts: Set<String>, limit: String?,
        cluster: ClusterState, options: PlanOptions, inventoryTarget: String?, inventoryVia: [String] = [],
        live: LiveFacts? = nil, preflight: PreflightFacts? = nil
    ) {
        self.inventorySources = inventorySources
        self.roles = roles
        self.selectedHosts = selectedHosts
        self.limit = limit
        self.cluster = cluster
        self.options = options
        self.inventoryTarget = inventoryTarget
        self.inventoryVia = inventoryVia
        self.live = live
        self.preflight = preflight
    }
}

/// The operator's choices that shape a plan.
package struct PlanOptions: Sendable, Equatable {
    /// `--to`: overrides the inventory's `kube_version`.
    package var target: KubeVersion?
    /// `--via`: patch versions for intermediate minors.
    package var via: [KubeVersion]
    /// `--batch`: workers upgraded at the same time.
    package var batchSize: Int
    /// `--health-check`: a command run after each node is Ready, before it is uncordoned.
    package var healthCheck: String?
    /// `--batch auto`: pack the workers by budgets, zones and capacity (`batchSize` is then unused).
    package var autoBatch: AutoBatchOptions?

    package init(target: KubeVersion? = nil, via: [KubeVersion] = [], batchSize: Int = 1, healthCheck: String? = nil) {
        self.target = target
        self.via = via
        self.batchSize = batchSize
        self.healthCheck = healthCheck
    }
}
