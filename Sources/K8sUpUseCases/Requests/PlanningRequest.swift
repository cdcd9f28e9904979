import K8sUpCluster
import K8sUpExecution
import K8sUpPlanning

/// What shapes a plan, as `plan` and `apply` share it: the inventory, the cluster, the plan's options,
/// and how pre-flight reaches the nodes (the playbook, state directory, timeout and hosts at a time
/// `apply` will use).
package struct PlanningRequest: Sendable {
    package var inventory = InventoryChoice()
    package var cluster = ClusterAccess()
    /// Target, intermediate versions and health check; the batching comes from the three below.
    package var options = PlanOptions()
    /// `--batch N|auto`; nil: the inventory's `k8sup_batch`, else one worker at a time.
    package var batching: WorkerBatching?
    /// `--max-unavailable N|N%` (with `--batch auto` only).
    package var maxUnavailable: NodeShare?
    /// `--batch-across-zones` (with `--batch auto` only).
    package var batchAcrossZones = false
    /// How long a transient failure of a kubectl call or an ssh connection is retried.
    package var apiRetryBudget = RetryingRunner.defaultBudget
    /// The playbook for every host; nil: each host's `k8sup_playbook`, else the default.
    package var playbook: String?
    /// Where the journal and logs live; nil: `.k8sup` beside the inventory.
    package var stateDirectory: String?
    /// The timeout of each command on a node.
    package var stepTimeout = ExecutionSettings().stepTimeout
    /// Hosts pre-flight reads at the same time.
    package var forks = ExecutionSettings().forks

    package init() {}
}
