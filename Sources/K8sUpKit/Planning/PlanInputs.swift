/// Everything the planner needs, gathered before planning so that planning is a pure function:
/// the inventory's cluster roles and the hosts `--limit` selected, the cluster state, the operator's
/// options, and (in live mode) facts only a running cluster can give.
public struct PlanInputs: Sendable {
    public var inventorySources: [String]
    public var roles: ClusterRoles
    /// Inventory hosts the `--limit` pattern selected (all hosts without one).
    public var selectedHosts: Set<String>
    public var limit: String?
    public var cluster: ClusterState
    public var options: PlanOptions
    /// `kube_version` and `k8sup_via` as the inventory sets them for the first control-plane host.
    public var inventoryTarget: String?
    public var inventoryVia: [String]
    /// Facts read from a live cluster; nil when planning from a snapshot.
    public var live: LiveFacts?
    /// What pre-flight read on the nodes over ssh (live plans, once the hops are known); nil before that
    /// and for a snapshot.
    public var preflight: PreflightFacts?
    /// The inventory's `k8sup_zone` by node name: the zone of a node without a zone label.
    var zones: [String: String] = [:]

    public init(
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
public struct PlanOptions: Sendable, Equatable {
    /// `--to`: overrides the inventory's `kube_version`.
    public var target: KubeVersion?
    /// `--via`: patch versions for intermediate minors.
    public var via: [KubeVersion]
    /// `--batch`: workers upgraded at the same time.
    public var batchSize: Int
    /// `--health-check`: a command run after each node is Ready, before it is uncordoned.
    public var healthCheck: String?
    /// `--batch auto`: pack the workers by budgets, zones and capacity (`batchSize` is then unused).
    var autoBatch: AutoBatchOptions?

    public init(target: KubeVersion? = nil, via: [KubeVersion] = [], batchSize: Int = 1, healthCheck: String? = nil) {
        self.target = target
        self.via = via
        self.batchSize = batchSize
        self.healthCheck = healthCheck
    }
}

/// What only a live cluster can tell: versions of the tools on the operator's machine, deprecated API
/// use, etcd health.
public struct LiveFacts: Sendable, Equatable {
    /// `kubectl version --client`: the kubectl k8sup will drive.
    public var kubectlVersion: KubeVersion?
    /// Where that kubectl is.
    public var kubectlPath: String?
    /// Versioned kubectls beside it (`kubectl.1.29`, as the Google Cloud SDK installs them), by minor.
    public var versionedKubectls: [KubeMinor: String] = [:]
    /// The apiserver's own version (`kubectl version`), used when no static pod shows it.
    public var serverVersion: KubeVersion?
    /// Deprecated APIs the apiserver served requests for (`apiserver_requested_deprecated_apis`).
    public var deprecatedAPIs: [DeprecatedAPIUse]
    /// Result of `/readyz/etcd`: true healthy, false unhealthy, nil not checked.
    public var etcdHealthy: Bool?
    /// What `/readyz/etcd` said when unhealthy.
    public var etcdDetail: String?

    public init(
        kubectlVersion: KubeVersion? = nil, kubectlPath: String? = nil, versionedKubectls: [KubeMinor: String] = [:],
        serverVersion: KubeVersion? = nil, deprecatedAPIs: [DeprecatedAPIUse] = [],
        etcdHealthy: Bool? = nil, etcdDetail: String? = nil
    ) {
        self.kubectlVersion = kubectlVersion
        self.kubectlPath = kubectlPath
        self.versionedKubectls = versionedKubectls
        self.serverVersion = serverVersion
        self.deprecatedAPIs = deprecatedAPIs
        self.etcdHealthy = etcdHealthy
        self.etcdDetail = etcdDetail
    }
}

/// One `apiserver_requested_deprecated_apis` series: an API version clients still call.
public struct DeprecatedAPIUse: Sendable, Equatable {
    public var group: String
    public var version: String
    public var resource: String
    /// The minor in which the API is removed (`1.25`), nil when no removal is scheduled.
    public var removedRelease: KubeMinor?

    public init(group: String, version: String, resource: String, removedRelease: KubeMinor?) {
        self.group = group
        self.version = version
        self.resource = resource
        self.removedRelease = removedRelease
    }

    /// `policy/v1beta1 poddisruptionbudgets`.
    public var displayName: String {
        (group.isEmpty ? version : "\(group)/\(version)") + " " + resource
    }
}
