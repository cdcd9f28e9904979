import K8sUpPlanning
import K8sUpUseCases

/// Every option of every command, each declared once with its names, value type, help and default;
/// commands read them through these keys (`arguments[Options.batch]`). Adding an option is one line
/// here and its key in a command's section (`OptionSection`).
enum Options {
    // Inventory.
    static let inventory = Option.repeatable(
        "inventory", short: "i", .text("PATH"), help: "Inventory file or directory.",
        defaultText: "$" + InventorySelection.environmentVariable)
    static let limit = Option.repeatable(
        "limit", short: "l", .text("PATTERN"), help: "Restrict to hosts matching the Ansible host PATTERN.")

    // Cluster.
    static let snapshot = Option.value(
        "snapshot", .text("FILE"),
        help: "Read the cluster from FILE, saved with `kubectl get nodes,pods,pdb -A -o json`, instead of kubectl.",
        defaultText: "the inventory's k8sup_snapshot, if set")
    static let kubeconfig = Option.value(
        "kubeconfig", .text("FILE"), help: "The kubeconfig kubectl uses.", defaultText: "kubectl's own")
    static let context = Option.value(
        "context", .text("NAME"), help: "The kubeconfig context kubectl uses.",
        defaultText: "the kubeconfig's current context")
    static let kubectl = Option.value("kubectl", .text("PATH"), default: "kubectl", help: "The kubectl to run.")

    // Plan.
    static let to = Option.value(
        "to", .kubeVersion, help: "Target version.", defaultText: "the inventory's kube_version")
    static let via = Option.repeatable(
        "via", .kubeVersion, help: "Patch version for an intermediate minor, one per minor.",
        defaultText: "the inventory's k8sup_via, else the latest patch k8sup knows")
    static let batch = Option.value(
        "batch", .workerBatching,
        help: "Upgrade N workers at a time, or auto: the largest batches every PodDisruptionBudget, zone and "
            + "the free capacity allow.", defaultText: "the inventory's k8sup_batch, else 1")
    static let maxUnavailable = Option.value(
        "max-unavailable", .nodeShare, help: "With --batch auto: most workers down at once, a number or a share.",
        defaultText: "20% of the hop's workers, at least 1")
    static let batchAcrossZones = Option.flag(
        "batch-across-zones", help: "With --batch auto: let a batch take workers of several zones.")
    static let healthCheck = Option.value(
        "health-check", .text("CMD"), help: "Command run here after each node is Ready, before uncordon.")

    // Output.
    static let output = Option.value(
        "output", short: "o", .choice(OutputFormat.self), default: .text, help: "Output format.")
    static let verbose = Option.flag(
        "verbose", short: "v", help: "List every node's steps in the plan text, not only the summary.")
    static let out = Option.value(
        "out", .text("FILE"), help: "Also save the plan as JSON, for `k8sup apply --plan FILE`.")

    // State and confirmation.
    static let stateDir = Option.value(
        "state-dir", .text("DIR"), help: "Where k8sup keeps its journal and logs.",
        defaultText: ".k8sup beside the inventory")
    static let yes = Option.flag(
        "yes", short: "y", help: "Do not ask for confirmation (required without a terminal).")

    static let help = Option.flag("help", short: "h", help: "Show this help.")
}
