import K8sUpCluster
import K8sUpExecution
import K8sUpPlanning
import K8sUpUseCases

/// The options only one command takes.
extension Options {
    // apply: the run.
    static let dryRun = Option.flag("dry-run", help: "Print the commands in order and change nothing.")
    static let plan = Option.value(
        "plan", .text("FILE"),
        help: "Apply the plan saved by `k8sup plan --out FILE`; refuse if the cluster drifted from it.")
    static let playbook = Option.value(
        "playbook", .text("NAME|FILE"), help: "Playbook for every host.",
        defaultText: "the host's k8sup_playbook, else \(PlaybookCatalog.defaultName)")
    static let forks = Option.value(
        "forks", .count(minimum: 1), default: ExecutionSettings().forks, help: "Nodes staged at the same time.")
    static let canary = Option.value("canary", .count(minimum: 1), help: "Stop after the first N workers.")
    static let pause = Option.value("pause", .duration, help: "Wait between nodes.")
    static let confirmEach = Option.flag("confirm-each", help: "Ask before each node (needs a terminal).")
    static let events = Option.value("events", .text("FILE"), help: "Also write the progress as JSON lines to FILE.")

    // apply: draining and waiting.
    static let drainTimeout = Option.value(
        "drain-timeout", .duration, help: "How long a drain may take.",
        defaultText: "the inventory's drain_timeout, else \(ApplySettings.defaultDrainTimeout.compactDescription)")
    static let drainGracePeriod = Option.value(
        "drain-grace-period", .count(minimum: 0, placeholder: "SECONDS"), help: "Grace period for evicted pods.",
        defaultText: "the inventory's drain_grace_period, else each pod's own")
    static let disableEvictionFallback = Option.flag(
        "disable-eviction-fallback",
        help: "After a drain timeout, retry with --disable-eviction (bypasses PodDisruptionBudgets).")
    static let nodeReadyTimeout = Option.value(
        "node-ready-timeout", .duration, default: ExecutionSettings().nodeReadyTimeout,
        help: "How long to wait for a node to be Ready.")
    static let verifyInterval = Option.value(
        "verify-interval", .duration, default: ExecutionSettings().verifyInterval,
        help: "Time between the two readiness checks a node must pass; 0s: one check.")
    static let stepTimeout = Option.value(
        "step-timeout", .duration, default: ExecutionSettings().stepTimeout, help: "Timeout of each command on a node.")
    static let apiRetryBudget = Option.value(
        "api-retry-budget", .duration, default: RetryingRunner.defaultBudget,
        help: "How long a kubectl call or an ssh connection is retried after a transient failure.")

    // inventory: what to show.
    static let list = Option.flag(
        "list", help: "Print all groups and host vars as JSON, like ansible-inventory --list.")
    static let graph = Option.flag("graph", help: "Print the group tree (from GROUP, default all).")
    static let vars = Option.flag("vars", help: "With --graph: show host and group vars.")
    static let host = Option.value("host", .text("HOST"), help: "Print one host's vars as JSON.")
    static let listHosts = Option.flag("list-hosts", help: "Print the hosts the --limit pattern selects.")
    static let roles = Option.flag(
        "roles", help: "Print the control-plane and worker nodes with their Kubernetes node names.")

    // playbook.
    static let from = Option.value(
        "from", .kubeVersion, help: "The nodes' version before the hop.",
        defaultText: "the minor before the target, .0")
}
