import K8sUpPlanning
import K8sUpSupport

/// One step of a node's upgrade, with what it must undo registered on the `NodeRun` (k0sctl's phases:
/// small types with a clear run; the undo is the rollback procedure's job, driven by `NodeRun.undo`).
protocol NodePhase: Sendable {
    var action: StepAction { get }
    func run(_ node: NodeRun) async throws
}

/// The phases for a plan's node steps, in the plan's order.
enum NodePhases {
    /// The phases for a plan's node steps, in the plan's order, with consecutive playbook steps joined
    /// into one `PlaybookPhaseGroup` (one ssh session for them all).
    static func phases(for node: UpgradePlan.NodeUpgrade) -> [any NodePhase] {
        var joined: [any NodePhase] = []
        for phase in single(for: node) {
            guard let playbook = phase as? PlaybookPhase else {
                joined.append(phase)
                continue
            }
            if let group = joined.last as? PlaybookPhaseGroup {
                joined[joined.count - 1] = PlaybookPhaseGroup(members: group.members + [playbook])
            } else {
                joined.append(PlaybookPhaseGroup(members: [playbook]))
            }
        }
        return joined
    }

    static func single(for node: UpgradePlan.NodeUpgrade) -> [any NodePhase] {
        node.steps.compactMap { step -> (any NodePhase)? in
            switch step.action {
            case .backupKubelet, .upgradeKubeadm, .kubeadmUpgradeApply, .kubeadmUpgradeNode, .restartKubelet:
                return PlaybookPhase(action: step.action)
            case .upgradeKubelet:
                return PlaybookPhase(action: step.action, touchesKubelet: true)
            case .drain: return DrainPhase()
            case .waitReady: return VerifyPhase()
            case .healthCheck: return HealthCheckPhase()
            case .uncordon, .keepCordoned: return RestoreCordonPhase(action: step.action)
            case .preflight, .stage, .etcdSnapshot: return nil
            }
        }
    }
}

/// Runs the playbook step lists of a plan step on the node's host.
struct PlaybookPhase: NodePhase {
    let action: StepAction
    /// From its first command on, a failure must restore the old kubelet.
    var touchesKubelet = false

    func run(_ node: NodeRun) async throws {
        if touchesKubelet { node.pushUndo(.rollbackKubelet) }
        try await node.runPlaybook(
            PlaybookStep.steps(for: action, role: node.node.clusterRole), as: action.rawValue, doing: action.activity)
    }
}

/// `--health-check CMD` on this machine, with the node's name in `K8SUP_NODE`.
struct HealthCheckPhase: NodePhase {
    let action = StepAction.healthCheck

    func run(_ node: NodeRun) async throws {
        guard let check = node.tools.settings.healthCheck else { return }
        let command = Command(
            "/bin/sh", ["-c", check], timeout: node.tools.settings.stepTimeout,
            environment: ["K8SUP_NODE": node.name, "K8SUP_HOST": node.node.host, "K8SUP_VERSION": node.hop.version])
        let result = try await node.tools.run(
            command, shown: check, node: node.name, during: node.event(.waiting, step: action.rawValue),
            waitingFor: "the health check `\(check)` (timeout \(command.timeout.compactDescription))")
        guard result.succeeded else {
            throw ExecutionError.healthCheckFailed(node: node.name, failure: CommandFailure(result, command: check))
        }
    }
}

/// The node back in the cordon state it had before k8sup touched it: uncordoned if it was schedulable,
/// left cordoned if the operator had cordoned it.
struct RestoreCordonPhase: NodePhase {
    let action: StepAction

    func run(_ node: NodeRun) async throws {
        if !node.cordonedBefore {
            let uncordon = node.tools.kubectl.uncordon(node.name)
            _ = try await node.tools.run(uncordon, node: node.name, during: node.event(.waiting, step: action.rawValue))
                .checked(node: node.name, step: action.activity, shown: uncordon.displayLine)
        }
        node.dropUndo(.restoreCordon)
    }
}

extension CommandResult {
    /// Self when it succeeded; else the step failure naming the node and what the step was doing.
    package func checked(node: String, step activity: String, shown: String) throws -> CommandResult {
        guard succeeded else {
            throw ExecutionError.stepFailed(node: node, step: activity, failure: CommandFailure(self, command: shown))
        }
        return self
    }
}
