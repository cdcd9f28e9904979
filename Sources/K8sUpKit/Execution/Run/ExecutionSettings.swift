/// How `apply` runs the plan, beyond what the plan itself says (its options).
struct ExecutionSettings: Sendable {
    /// Nodes staged at the same time (`--forks`).
    var forks = 10
    /// Stop after this many workers (`--canary N`); nil runs them all.
    var canary: Int?
    /// Wait between nodes (`--pause DUR`).
    var pause: Duration = .zero
    /// `--health-check CMD`, run on this machine after each node; non-zero fails the node.
    var healthCheck: String?
    /// `--disable-eviction-fallback`: a drain that timed out is tried once more with `--disable-eviction`.
    var disableEvictionFallback = false
    /// How long a node may take to be Ready at the new version (`--node-ready-timeout`).
    var nodeReadyTimeout: Duration = .seconds(600)
    /// Time between two readiness checks; a node counts as up after two good checks in a row.
    var verifyInterval: Duration = .seconds(5)
    /// Time between two looks at the kubelet's systemd unit (`kubelet_status`) while waiting for a node.
    var kubeletStatusInterval: Duration = .seconds(5)
    /// Timeout of each playbook command line on a node.
    var stepTimeout: Duration = .seconds(900)
    /// How often a wait that is still going on says so (a drain, a node coming up, the lock, `--pause`,
    /// a long command): 30 s, or `K8SUP_PROGRESS_INTERVAL` for tests and demos.
    var progressInterval: Duration = .seconds(30)

    /// The waits between the drain's re-runs after a transient failure of the cluster API.
    var retryBackoff = Backoff()

    /// The environment variable that sets `progressInterval` (a duration: `30s`, `500ms`).
    static let progressIntervalVariable = "K8SUP_PROGRESS_INTERVAL"
}
