import Foundation
import K8sUpPlanning

/// One node's upgrade in one hop while it runs: what the steps need to know (the node, the hop, values
/// learnt while running, the cordon state before k8sup touched it) and what must be undone if a later
/// step fails. Used by one task at a time, step after step.
final class NodeRun {
    /// What a failure must undo, newest last.
    enum Undo: Equatable {
        /// Put the node's cordon state back as it was before k8sup touched it.
        case restoreCordon
        /// Restore the backed-up kubelet, restart it and wait until the node is Ready at its old version.
        case rollbackKubelet
    }

    let node: UpgradePlan.NodeUpgrade
    let hop: UpgradePlan.Hop
    /// `[n/N]` of the progress lines.
    let position: Int
    let total: Int
    let tools: ExecutionTools
    /// Values learnt on the node while running (`package_version`).
    let runtime: [String: String]
    /// `spec.unschedulable` before k8sup first touched the node (from the journal after a crash).
    let cordonedBefore: Bool
    private(set) var undo: [Undo] = []
    let started = Date()

    init(
        node: UpgradePlan.NodeUpgrade, hop: UpgradePlan.Hop, position: Int, total: Int, tools: ExecutionTools,
        runtime: [String: String], cordonedBefore: Bool
    ) {
        self.node = node
        self.hop = hop
        self.position = position
        self.total = total
        self.tools = tools
        self.runtime = runtime
        self.cordonedBefore = cordonedBefore
    }

    var name: String { node.node }
    var isControlPlane: Bool { node.clusterRole == .controlPlane }

    func pushUndo(_ item: Undo) {
        if !undo.contains(item) { undo.append(item) }
    }

    func dropUndo(_ item: Undo) {
        undo.removeAll { $0 == item }
    }

    /// What putting the node back does, in the order it happens, in words: `rolling the kubelet back to
    /// v1.28.15, then restoring the cordon state (uncordoning it: it was schedulable before)`.
    var putBackPlan: String {
        undo.reversed().map { item in
            switch item {
            case .rollbackKubelet:
                "rolling the kubelet back to \(node.from)"
            case .restoreCordon:
                cordonedBefore
                    ? "restoring the cordon state (it stays cordoned: it was cordoned before)"
                    : "restoring the cordon state (uncordoning it: it was schedulable before)"
            }
        }.joined(separator: ", then ")
    }

    /// An event about this node, filled in with its hop, host and position.
    func event(_ kind: ExecutionEvent.Kind, step: String? = nil, ok: Bool? = nil, message: String? = nil)
        -> ExecutionEvent
    {
        ExecutionEvent(
            kind, hop: hop.number, version: hop.version, node: node.node, host: node.host, step: step,
            position: position, total: total, ok: ok, elapsed: Date().timeIntervalSince(started), message: message)
    }

    /// Runs every command line of the playbook's `steps` on the node's host, in one ssh session, stopping
    /// at the first that fails.
    /// - Parameters:
    ///   - action: The plan step it belongs to: the column of its progress lines.
    ///   - activity: What it does, in words, for the failure message (`rolling the kubelet back to v1.28.15`).
    func runPlaybook(
        _ steps: [PlaybookStep], as action: String, doing activity: String, using tools: ExecutionTools? = nil
    ) async throws {
        let tools = tools ?? self.tools
        let commands = try steps.flatMap { step in
            try tools.hostCommands.commands(step, node: node, hopVersion: hop.version, runtime: runtime, preview: false)
        }
        _ = try await HostSession(tools: tools, node: name, host: node.host).run(
            commands, during: event(.waiting, step: action), doing: activity)
    }
}
