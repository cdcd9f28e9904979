/// The kubectl calls of an upgrade: one place that knows their exact flags:
/// drain always with `--ignore-daemonsets --delete-emptydir-data --force` and a finite `--timeout`,
/// since a drain without one waits forever on a PodDisruptionBudget).
struct KubectlCommands {
    /// `kubectl`, or the path chosen for the hop.
    var kubectl: String
    var kubeconfig: String?
    var context: String?
    var drainTimeout: Duration
    /// Seconds each evicted pod gets to stop; nil lets each pod use its own terminationGracePeriodSeconds.
    var drainGracePeriod: Int?
    /// How long the readiness looks may go on before the node counts as not coming up.
    var nodeReadyTimeout: Duration

    func command(_ arguments: [String], timeout: Duration) -> Command {
        var global: [String] = []
        if let kubeconfig { global += ["--kubeconfig", kubeconfig] }
        if let context { global += ["--context", context] }
        return Command(kubectl, global + arguments, timeout: timeout)
    }

    /// Re-reads the cluster before a hop (the pre-flight checks run on it).
    func readCluster() -> Command {
        command(["get", "nodes,pods,pdb", "-A", "-o", "json"], timeout: .seconds(120))
    }

    func cordon(_ node: String) -> Command {
        command(["cordon", node], timeout: .seconds(60))
    }

    /// - Parameter disableEviction: delete pods instead of evicting them, bypassing PodDisruptionBudgets
    ///   (`--disable-eviction-fallback` only).
    func drain(_ node: String, disableEviction: Bool = false) -> Command {
        var arguments = ["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--force"]
        if disableEviction { arguments.append("--disable-eviction") }
        if let grace = drainGracePeriod { arguments.append("--grace-period=\(grace)") }
        arguments.append("--timeout=\(Self.goDuration(drainTimeout))")
        // kubectl's own timeout stops the drain; the runner's is a backstop a minute later.
        return command(arguments, timeout: drainTimeout + .seconds(60))
    }

    /// One look at the node: Ready, kubelet version, cordon state (polled until the node is up).
    func getNode(_ node: String) -> Command {
        command(["get", "node", node, "-o", "json"], timeout: .seconds(30))
    }

    /// One look at a control-plane node's kube-apiserver static pod: its image version and readiness.
    func getAPIServerPod(_ node: String) -> Command {
        command(["get", "pod", "-n", "kube-system", "kube-apiserver-\(node)", "-o", "json"], timeout: .seconds(30))
    }

    /// The apiserver's own readiness check; `ok` when it serves.
    func readyz() -> Command {
        command(["get", "--raw", "/readyz"], timeout: .seconds(30))
    }

    func uncordon(_ node: String) -> Command {
        command(["uncordon", node], timeout: .seconds(60))
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
