/// Why `apply` stopped. Each message says what happened, to which node, and what to do next.
package enum ExecutionError: Error, Equatable, CustomStringConvertible {
    /// A step failed (`step` says what it was doing, in words: `upgrading the kubelet and kubectl`); the
    /// node was rolled back (or did not need it).
    case stepFailed(node: String, step: String, failure: CommandFailure)
    /// The drain did not finish in time; the node was uncordoned (if it was schedulable before).
    case drainTimedOut(node: String, timeout: String, holders: [DrainHolder])
    /// The node did not come back Ready at the version in time; `journal` holds the kubelet's last log
    /// lines when the playbook can read them.
    case notReady(node: String, version: String, timeout: String, last: String, journal: KubeletJournal)
    /// The kubelet k8sup restarted cannot start (`kubelet`: `the new kubelet v1.29.15`): its systemd unit
    /// failed or crash-loops (`cause`); `journal` holds its last log lines.
    case kubeletDoesNotStart(node: String, kubelet: String, cause: String, journal: KubeletJournal)
    /// The health check failed after the node's upgrade.
    case healthCheckFailed(node: String, failure: CommandFailure)
    /// The rollback itself failed: the node needs a person (exit 3).
    case rollbackFailed(node: String, version: String, failure: String, instructions: [String])
    /// The pre-flight checks of a hop found blockers (exit 2).
    case blocked(hop: Int, messages: [String])
    /// The plan's nodes are not what the cluster shows any more.
    case drifted(String)
    /// `--batch auto`: the pods a batch evicted (or the budgets they count against) did not come back
    /// within `timeout`; `missing` says what was still short.
    case batchNotRecovered(nodes: [String], timeout: String, missing: [String])

    package var description: String {
        switch self {
        case .stepFailed(let node, let step, let failure):
            if failure.isUnreachable {
                // The host first: `w2: unreachable: ssh: connect to host … (retried for 2m0s, 9 attempts)`.
                return "\(node): \(failure.reason); k8sup was \(step)" + failure.details
            }
            return "\(node): \(step) failed" + failure.headline + failure.details
        case .drainTimedOut(let node, let timeout, let holders):
            let held =
                holders.isEmpty
                ? "kubectl named no pod; see the node's log"
                : holders.map { "  " + $0.description }.joined(separator: "\n")
            return "\(node): the drain did not finish within \(timeout); the node was put back as it was. "
                + "What held it:\n\(held)\nFix the budget (or scale the workload up), then run apply again."
        case .notReady(let node, let version, let timeout, let last, let journal):
            return "\(node): not Ready at \(version) within \(timeout) (last seen: \(last))" + journal.details
        case .kubeletDoesNotStart(let node, let kubelet, let cause, let journal):
            return "\(node): \(kubelet) does not start: \(cause)" + journal.details
        case .healthCheckFailed(let node, let failure):
            return "\(node): the health check failed" + failure.headline + failure.details
        case .rollbackFailed(let node, let version, let failure, let instructions):
            return "\(node): the rollback to \(version) failed: \(failure)\n"
                + "The node needs repair by hand:\n" + instructions.map { "  - " + $0 }.joined(separator: "\n")
        case .blocked(let hop, let messages):
            return "hop \(hop): the pre-flight checks found blockers:\n"
                + messages.map { "  - " + $0 }.joined(separator: "\n")
        case .drifted(let message):
            return message
        case .batchNotRecovered(let nodes, let timeout, let missing):
            let who = nodes.isEmpty ? "before the next batch" : "after draining " + nodes.joined(separator: ", ")
            return "\(who): the evicted pods and their PodDisruptionBudgets were not back within \(timeout), so "
                + "the run stopped before the next batch (the upgraded nodes are done and in service). Still short:\n"
                + missing.map { "  " + $0 }.joined(separator: "\n")
                + "\nFind why the replacements do not start (kubectl get pods -A --field-selector=status.phase=Pending "
                + "shows pods waiting for room), then run apply again."
        }
    }
}

/// A pod a drain could not evict, and the PodDisruptionBudgets covering it.
package struct DrainHolder: Sendable, Equatable, CustomStringConvertible {
    /// `namespace/name`.
    package var pod: String
    /// `namespace/name (disruptionsAllowed 0, currentHealthy 1, desiredHealthy 1)`.
    package var budgets: [String]

    package var description: String {
        budgets.isEmpty ? "pod \(pod)" : "pod \(pod), held by PodDisruptionBudget " + budgets.joined(separator: ", ")
    }
}
