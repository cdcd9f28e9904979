/// The kubectl calls of an upgrade: one place that knows their exact flags (reference/kubeadm.md §3:
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

    func waitReady(_ node: String) -> Command {
        command(
            ["wait", "--for=condition=Ready", "node/\(node)", "--timeout=\(Self.goDuration(nodeReadyTimeout))"],
            timeout: nodeReadyTimeout + .seconds(30))
    }

    /// The kubelet version the node reports, to compare with the hop's version.
    func kubeletVersion(_ node: String) -> Command {
        command(["get", "node", node, "-o", "jsonpath={.status.nodeInfo.kubeletVersion}"], timeout: .seconds(30))
    }

    /// The node's kube-apiserver static pod is Ready (control-plane nodes).
    func waitAPIServer(_ node: String) -> Command {
        command(
            [
                "wait", "--for=condition=Ready", "-n", "kube-system", "pod/kube-apiserver-\(node)",
                "--timeout=\(Self.goDuration(nodeReadyTimeout))",
            ],
            timeout: nodeReadyTimeout + .seconds(30))
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
