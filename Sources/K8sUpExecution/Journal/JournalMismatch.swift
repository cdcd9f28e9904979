import K8sUpPlanning
import K8sUpSupport

/// Where a node in the cluster is not as the journal left it: a journal kept from an earlier cluster
/// (rebuilt under the same node names), or nodes changed by hand since. `k8sup status` flags such nodes
/// so an old "finished" is not read as the truth about today's cluster.
enum JournalMismatch {
    /// The steps after which k8sup holds the node cordoned until its `uncordon` step.
    private static let cordonedSteps: Set<StepAction> = [
        .drain, .upgradeKubelet, .restartKubelet, .waitReady, .healthCheck,
    ]

    /// What does not match, in operator words, or nil when the node is as the journal says (or the
    /// journal says nothing that can be checked).
    static func describe(_ node: JournalState.Node, live: StatusReport.LiveNode) -> String? {
        var findings: [String] = []
        if let kubelet = live.kubeletVersion, let expected = expectedVersions(node),
            !expected.contains(where: { same($0, kubelet) })
        {
            findings.append(expectation(node) + ", but its kubelet is \(kubelet)")
        }
        if node.isOpen, !live.cordoned, mustBeCordoned(node) {
            findings.append(
                node.originalCordon
                    ? "it was cordoned before k8sup started and k8sup keeps it so, but it is not cordoned now"
                    : "k8sup cordoned it and has not uncordoned it yet, but it is not cordoned now")
        }
        return findings.isEmpty ? nil : findings.joined(separator: "; ")
    }

    /// The kubelet versions the node can be at after what the journal recorded; nil when any will do.
    private static func expectedVersions(_ node: JournalState.Node) -> [String]? {
        guard !node.hopVersion.isEmpty else { return nil }
        switch node.status {
        case .finished: return [node.hopVersion]
        case .rolledBack(_, ok: true): return [node.fromVersion]
        case .inProgress, .failed, .rollingBack, .rolledBack(_, ok: false): return [node.fromVersion, node.hopVersion]
        case .notStarted, .cordonRestored: return nil
        }
    }

    private static func expectation(_ node: JournalState.Node) -> String {
        switch node.status {
        case .finished: "the journal says it finished at \(node.hopVersion)"
        case .rolledBack(_, ok: true): "the journal says it was rolled back to \(node.fromVersion)"
        default: "the journal says it is between \(node.fromVersion) and \(node.hopVersion)"
        }
    }

    /// A node cordoned before k8sup started stays so; otherwise only an upgrade stopped between its
    /// cordon and its uncordon leaves it cordoned (a rollback may already have restored it, and a run
    /// stopped in `uncordon` may have uncordoned it).
    private static func mustBeCordoned(_ node: JournalState.Node) -> Bool {
        if node.originalCordon { return true }
        guard case .inProgress(_, let started, let finished?) = node.status, started != .uncordon else {
            return false
        }
        return cordonedSteps.contains(finished)
    }

    /// The same release; a distribution's build suffix does not count.
    private static func same(_ expected: String, _ actual: String) -> Bool {
        guard let left = KubeVersion(expected), let right = KubeVersion(actual) else { return expected == actual }
        return left == right
    }
}
