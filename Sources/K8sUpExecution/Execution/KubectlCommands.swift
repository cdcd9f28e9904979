import K8sUpCluster
import K8sUpSupport

/// The kubectl calls of an upgrade: one place that knows their exact flags (drain always with
/// `--ignore-daemonsets --delete-emptydir-data --force` and a finite `--timeout`, since a drain without
/// one waits forever on a PodDisruptionBudget) and how each may be retried after a transient failure of
/// the cluster API (`CommandRetry`): every call here is idempotent, so each is retried, within the
/// operation budget (`--api-retry-budget`) or, for what puts a node back, the longer put-back budget.
package struct KubectlCommands {
    package init(
        kubectl: String, kubeconfig: String? = nil, context: String? = nil, drainTimeout: Duration,
        drainGracePeriod: Int? = nil, nodeReadyTimeout: Duration
    ) {
        self.kubectl = kubectl
        self.kubeconfig = kubeconfig
        self.context = context
        self.drainTimeout = drainTimeout
        self.drainGracePeriod = drainGracePeriod
        self.nodeReadyTimeout = nodeReadyTimeout
    }

    /// `kubectl`, or the path chosen for the hop.
    package var kubectl: String
    package var kubeconfig: String?
    package var context: String?
    package var drainTimeout: Duration
    /// Seconds each evicted pod gets to stop; nil lets each pod use its own terminationGracePeriodSeconds.
    package var drainGracePeriod: Int?
    /// How long the readiness looks may go on before the node counts as not coming up.
    package var nodeReadyTimeout: Duration

    package func command(_ arguments: [String], timeout: Duration, retry: CommandRetry? = nil) -> Command {
        var global: [String] = []
        if let kubeconfig { global += ["--kubeconfig", kubeconfig] }
        if let context { global += ["--context", context] }
        return Command(kubectl, global + arguments, timeout: timeout, retry: retry)
    }

    /// Re-reads the cluster (between `--batch auto` batches, and after a drain timed out, to name the
    /// pods that held it). A read: retried. The whole document is kept, as the planner's read keeps it:
    /// cut at the default limit (1 MiB, about 50 workers' pods) it would not parse.
    func readCluster() -> Command {
        var read = command(
            ["get", "nodes,pods,pdb", "-A", "-o", "json"], timeout: .seconds(120), retry: .kubectl(.operation))
        read.outputLimit = KubectlClusterReader.stateOutputLimit
        return read
    }

    /// Sets `spec.unschedulable`; a node already cordoned stays so. Retried; `budget` is `.putBack` when
    /// the cordon restores the state an operator had chosen.
    package func cordon(_ node: String, budget: RetryBudget = .operation) -> Command {
        command(["cordon", node], timeout: .seconds(60), retry: .kubectl(budget))
    }

    /// Not retried by the runner: `DrainPhase` runs it again after a transient failure with the drain's
    /// remaining time as `--timeout`. A refused eviction (HTTP 429 from the Eviction API) is the
    /// PodDisruptionBudget's answer, which kubectl itself retries every 5 s until its timeout.
    /// - Parameters:
    ///   - disableEviction: delete pods instead of evicting them, bypassing PodDisruptionBudgets
    ///     (`--disable-eviction-fallback` only).
    ///   - timeout: kubectl's `--timeout`; the drain timeout unless a re-run has less time left.
    package func drain(_ node: String, disableEviction: Bool = false, timeout: Duration? = nil) -> Command {
        let timeout = timeout ?? drainTimeout
        var arguments = ["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--force"]
        if disableEviction { arguments.append("--disable-eviction") }
        if let grace = drainGracePeriod { arguments.append("--grace-period=\(grace)") }
        arguments.append("--timeout=\(Self.goDuration(timeout))")
        // kubectl's own timeout stops the drain; the runner's is a backstop a minute later.
        return command(arguments, timeout: timeout + .seconds(60))
    }

    /// One look at the node: Ready, kubelet version, cordon state (polled until the node is up). A read:
    /// retried, within the put-back budget during a rollback.
    func getNode(_ node: String, budget: RetryBudget = .operation) -> Command {
        command(["get", "node", node, "-o", "json"], timeout: .seconds(30), retry: .kubectl(budget))
    }

    /// One look at several nodes (`NodeLookout` gathers the looks asked for at once): a List of them.
    /// A read: retried. Nodes with many images in their status run to tens of KiB each, so the whole
    /// answer is kept beyond the default 1 MiB.
    func getNodes(_ nodes: [String], budget: RetryBudget = .operation) -> Command {
        var read = command(["get", "nodes"] + nodes + ["-o", "json"], timeout: .seconds(30), retry: .kubectl(budget))
        read.outputLimit = KubectlClusterReader.stateOutputLimit
        return read
    }

    /// One look at a control-plane node's kube-apiserver static pod: its image version and readiness. A
    /// read: retried.
    func getAPIServerPod(_ node: String, budget: RetryBudget = .operation) -> Command {
        command(
            ["get", "pod", "-n", "kube-system", "kube-apiserver-\(node)", "-o", "json"], timeout: .seconds(30),
            retry: .kubectl(budget))
    }

    /// The apiserver's own readiness check; `ok` when it serves. Retried when the API does not answer;
    /// its failing answer (HTTP 500, `readyz check failed`) is an answer and is not.
    package func readyz(budget: RetryBudget = .operation) -> Command {
        command(["get", "--raw", "/readyz"], timeout: .seconds(30), retry: .kubectl(budget))
    }

    /// Clears `spec.unschedulable`: it puts a drained node back into service, so it is retried within
    /// the put-back budget wherever it runs.
    package func uncordon(_ node: String) -> Command {
        command(["uncordon", node], timeout: .seconds(60), retry: .kubectl(.putBack))
    }

    /// `5m0s`, `90s`: the form kubectl's duration flags print and accept.
    static func goDuration(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        let minutes = seconds / 60, rest = seconds % 60
        if minutes == 0 { return "\(rest)s" }
        let hours = minutes / 60
        return hours > 0 ? "\(hours)h\(minutes % 60)m\(rest)s" : "\(minutes)m\(rest)s"
    }
}
