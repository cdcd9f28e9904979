/// A request a use case cannot honour as given: a missing inventory, options that exclude each other,
/// a question with nobody at a terminal to answer it. The command line shows these as usage errors
/// (exit 64), with the command's usage line when `concernsCommandLine` is true.
package enum RequestError: Error, Equatable, CustomStringConvertible {
    /// Neither `-i` nor `$K8SUP_INVENTORY` names an inventory.
    case noInventory
    /// `--snapshot` together with `--kubeconfig` or `--context`.
    case snapshotWithKubectlAccess
    /// A question needs an answer, `--yes` was not given and standard input is no terminal.
    case cannotAskWithoutTerminal(command: String)
    /// `--confirm-each` without a terminal to ask on.
    case confirmEachNeedsTerminal
    /// A real `apply` on a cluster read from a snapshot file.
    case applyNeedsLiveCluster
    /// `K8SUP_PROGRESS_INTERVAL` is not a duration above zero.
    case badProgressInterval(variable: String, text: String)
    /// `status` with neither an inventory nor a state directory.
    case noStateDirectory
    /// `unlock` on an inventory whose cluster is a snapshot file.
    case unlockNeedsLiveCluster
    /// The inventory's `k8sup_batch` is neither `auto` nor a number.
    case badInventoryBatch(String)
    /// `--max-unavailable` or `--batch-across-zones` (named without dashes) with fixed batches of `size`.
    case batchShapingWithoutAuto(option: String, size: Int)

    package var description: String {
        switch self {
        case .noInventory:
            "no inventory: pass -i PATH or set \(InventorySelection.environmentVariable)"
        case .snapshotWithKubectlAccess:
            "--snapshot reads a file; it cannot be combined with --kubeconfig or --context"
        case .cannotAskWithoutTerminal(let command):
            "standard input is not a terminal, so k8sup cannot ask for confirmation: "
                + "add --yes to \(command) to go ahead without asking"
        case .confirmEachNeedsTerminal:
            "--confirm-each asks before each node, so it needs a terminal on standard input"
        case .applyNeedsLiveCluster:
            "apply changes a live cluster, but this one is read from a snapshot file (--snapshot or the "
                + "inventory's k8sup_snapshot); use --dry-run with a snapshot, or pass --kubeconfig/--context"
        case .badProgressInterval(let variable, let text):
            "\(variable) must be a duration above zero such as 30s or 500ms, not '\(text)'"
        case .noStateDirectory:
            "no state directory: pass -i PATH (the journal is under .k8sup beside it) or --state-dir DIR"
        case .unlockNeedsLiveCluster:
            "the inventory reads the cluster from a snapshot (k8sup_snapshot), which has no lock; "
                + "pass --kubeconfig or --context to unlock a live cluster"
        case .badInventoryBatch(let text):
            "the inventory sets k8sup_batch to '\(text)'; it must be auto or a whole number of at least 1"
        case .batchShapingWithoutAuto(let option, let size):
            "--\(option) shapes the batches of --batch auto (or k8sup_batch: auto); "
                + "this plan upgrades \(size) worker(s) at a time"
        }
    }

    /// Whether the problem lies in the command's own options (help then shows that command's usage), or
    /// in the surroundings (a terminal, an environment variable).
    package var concernsCommandLine: Bool {
        switch self {
        case .confirmEachNeedsTerminal, .badProgressInterval: false
        default: true
        }
    }
}
