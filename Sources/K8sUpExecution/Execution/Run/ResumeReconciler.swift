import Foundation
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// Before a re-run changes anything, puts every node an earlier run left *open* (interrupted by a crash,
/// a kill or Ctrl-C, or failed without being put back) into a known state, from the journal and a
/// fresh look at the node:
///
/// - the new kubelet was installed and the node is up at the hop's version: the upgrade is finished —
///   verified twice, the health check run, the original cordon state restored;
/// - the new kubelet was touched but the node is not up at the hop's version: the kubelet is rolled back
///   from its backup and the node put back as it was (the plan then upgrades it again);
/// - the kubelet was not touched yet (the run stopped during kubeadm or the drain): only the original
///   cordon state is restored.
///
/// Each outcome goes to the journal through the observer, so the node is closed there.
package struct ResumeReconciler {
    package init(journal: JournalState, tools: ExecutionTools, knownHosts: Set<String>) {
        self.journal = journal
        self.tools = tools
        self.knownHosts = knownHosts
    }

    /// What the reconciler did with one node, for the operator.
    package enum Action: Equatable {
        case finished
        case rolledBack
        case cordonRestored
    }

    package let journal: JournalState
    package let tools: ExecutionTools
    /// Nodes whose host is no longer in the inventory cannot be reached: reported, not touched.
    package let knownHosts: Set<String>

    /// Reconciles the open nodes one at a time; returns what was done to each.
    /// - Throws: `ExecutionError.rollbackFailed` when a node could not be put back (exit 3).
    package func run() async throws -> [(node: String, action: Action)] {
        var done: [(String, Action)] = []
        for entry in journal.openNodes {
            guard knownHosts.contains(entry.host) else {
                throw ExecutionError.drifted(
                    "\(entry.name) was left half-upgraded by run \(entry.runId), but its host \(entry.host) is not in "
                        + "the inventory any more: put \(entry.host) back into the inventory and run apply again, "
                        + "or check the node by hand (k8sup status shows where it stopped)")
            }
            done.append((entry.name, try await reconcile(entry)))
        }
        return done
    }

    private func reconcile(_ entry: JournalState.Node) async throws -> Action {
        let run = nodeRun(for: entry)
        let look = try? await tools.probe.node(entry.name)
        let atHopVersion =
            look.map { look in
                look.kubeletVersion.map { NodeReadiness.sameRelease($0, KubeVersion(entry.hopVersion) ?? $0) } ?? false
            } ?? false
        let interrupted = if case .inProgress = entry.status { true } else { false }
        if interrupted && Self.kubeletTouched(entry.status) && atHopVersion {
            return try await finish(run)
        }
        if Self.kubeletTouched(entry.status) {
            run.pushUndo(.restoreCordon)
            run.pushUndo(.rollbackKubelet)
            try await RollbackProcedure(node: run).runRecorded(reason: "its upgrade was interrupted")
            return .rolledBack
        }
        run.pushUndo(.restoreCordon)
        try await RollbackProcedure(node: run).run()
        var event = run.event(.cordonRestored, ok: true, message: "after an interrupted run")
        event.cordonedBefore = run.cordonedBefore
        tools.observer.record(event)
        return .cordonRestored
    }

    /// The upgrade went through before the run stopped: verify, health-check and uncordon as the run
    /// would have; a failure there rolls the node back like any failed upgrade.
    private func finish(_ run: NodeRun) async throws -> Action {
        run.pushUndo(.restoreCordon)
        run.pushUndo(.rollbackKubelet)
        switch try await NodeUpgradeRunner().run(run) {
        case .upgraded: return .finished
        case .failed, .stopped: return .rolledBack
        case .needsRepair(let error): throw error
        }
    }

    /// The node's upgrade as the journal knows it, with the steps that remain after a finished kubelet
    /// upgrade: verify, health check, cordon state.
    private func nodeRun(for entry: JournalState.Node) -> NodeRun {
        let role: ClusterRoles.Role = entry.role == ClusterRoles.Role.controlPlane.rawValue ? .controlPlane : .worker
        let version = KubeVersion(entry.hopVersion) ?? KubeVersion(0, 0, 0)
        let steps = NodeSteps.steps(
            for: .init(
                version: version, role: role, runsUpgradeApply: false, wasCordoned: entry.originalCordon,
                healthCheck: tools.settings.healthCheck))
        let remaining = steps.filter { [.waitReady, .healthCheck, .uncordon, .keepCordoned].contains($0.action) }
        let node = UpgradePlan.NodeUpgrade(
            order: 1, host: entry.host, node: entry.name, role: entry.role, from: entry.fromVersion, batch: nil,
            steps: remaining)
        let hop = UpgradePlan.Hop(
            number: entry.hop, version: entry.hopVersion, versionSource: "journal", preparation: [], nodes: [node],
            skipped: [], kubectl: nil)
        return NodeRun(
            node: node, hop: hop, position: 0, total: 0, tools: tools, runtime: [:],
            cordonedBefore: entry.originalCordon)
    }

    /// From the step that installs the new kubelet on, an interrupted node may run (or have on disk) a
    /// kubelet that is not its old one.
    static func kubeletTouched(_ status: JournalState.NodeStatus) -> Bool {
        let kubeletSteps: Set<StepAction> = [
            .upgradeKubelet, .restartKubelet, .waitReady, .healthCheck, .uncordon, .keepCordoned,
        ]
        switch status {
        case .inProgress(_, let started, _): return started.map(kubeletSteps.contains) ?? false
        case .failed(_, let step, _): return kubeletSteps.contains(step)
        case .rollingBack, .rolledBack(_, ok: false): return true
        case .notStarted, .finished, .rolledBack(_, ok: true), .cordonRestored: return false
        }
    }
}
