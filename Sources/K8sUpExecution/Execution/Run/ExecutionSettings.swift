import K8sUpCluster

/// How `apply` runs the plan, beyond what the plan itself says (its options).
package struct ExecutionSettings: Sendable {
    package init(
        forks: Int = 10, canary: Int? = nil, pause: Duration = .zero, healthCheck: String? = nil,
        disableEvictionFallback: Bool = false, nodeReadyTimeout: Duration = .seconds(600),
        verifyInterval: Duration = .seconds(5), kubeletStatusInterval: Duration = .seconds(5),
        stepTimeout: Duration = .seconds(900), progressInterval: Duration = .seconds(30),
        retryBackoff: Backoff = Backoff()
    ) {
        self.forks = forks
        self.canary = canary
        self.pause = pause
        self.healthCheck = healthCheck
        self.disableEvictionFallback = disableEvictionFallback
        self.nodeReadyTimeout = nodeReadyTimeout
        self.verifyInterval = verifyInterval
        self.kubeletStatusInterval = kubeletStatusInterval
        self.stepTimeout = stepTimeout
        self.progressInterval = progressInterval
        self.retryBackoff = retryBackoff
    }

    /// Nodes staged at the same time (`--forks`).
    package var forks: Int
    /// Stop after this many workers (`--canary N`); nil runs them all.
    package var canary: Int?
    /// Wait between nodes (`--pause DUR`).
    package var pause: Duration
    /// `--health-check CMD`, run on this machine after each node; non-zero fails the node.
    package var healthCheck: String?
    /// `--disable-eviction-fallback`: a drain that timed out is tried once more with `--disable-eviction`.
    package var disableEvictionFallback: Bool
    /// How long a node may take to be Ready at the new version (`--node-ready-timeout`).
    package var nodeReadyTimeout: Duration
    /// Time between two readiness checks; a node counts as up after two good checks in a row.
    package var verifyInterval: Duration
    /// Time between two looks at the kubelet's systemd unit (`kubelet_status`) while waiting for a node.
    var kubeletStatusInterval: Duration
    /// Timeout of each playbook command line on a node.
    package var stepTimeout: Duration
    /// How often a wait that is still going on says so (a drain, a node coming up, the lock, `--pause`,
    /// a long command): 30 s, or `K8SUP_PROGRESS_INTERVAL` for tests and demos.
    package var progressInterval: Duration

    /// The waits between the drain's re-runs after a transient failure of the cluster API.
    var retryBackoff: Backoff

    /// The environment variable that sets `progressInterval` (a duration: `30s`, `500ms`).
    package static let progressIntervalVariable = "K8SUP_PROGRESS_INTERVAL"
}
