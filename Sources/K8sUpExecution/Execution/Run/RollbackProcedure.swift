import Foundation
import K8sUpSupport

/// Undoes a node's upgrade as far as it got: `rollback_kubelet` and `restart_kubelet` from the
/// playbook, the node Ready at its old version, then its cordon state as it was before k8sup touched
/// it. Runs even after Ctrl-C: these commands are what makes the node safe.
struct RollbackProcedure {
    let node: NodeRun

    /// The column of the rollback's progress lines.
    static let step = "rollback"

    func run() async throws {
        let tools = node.tools.puttingBack()
        let step = node.event(.waiting, step: Self.step)
        for item in node.undo.reversed() {
            switch item {
            case .rollbackKubelet:
                let from = node.node.from
                try await node.runPlaybook(
                    [.rollbackKubelet], as: Self.step, doing: "rolling the kubelet back to \(from)", using: tools)
                try await node.runPlaybook(
                    [.restartKubelet], as: Self.step, doing: "restarting the kubelet \(from)", using: tools)
                let looks = KubeletLooks(node, tools: tools, subject: "the rolled-back kubelet \(from)")
                try await NodeReadiness(tools: tools, kubelet: looks).wait(
                    for: node.name, at: from, controlPlane: false, during: step)
            case .restoreCordon:
                let command =
                    node.cordonedBefore
                    ? tools.kubectl.cordon(node.name, budget: .putBack) : tools.kubectl.uncordon(node.name)
                _ = try await tools.run(command, node: node.name, during: step).checked(
                    node: node.name, step: "restoring the cordon state", shown: command.displayLine)
            }
        }
    }

    /// `run()` between `rollback-started` and `rollback-finished` events.
    /// - Parameter reason: Why the node is put back, when it is not the failure just reported
    ///   (`its upgrade was interrupted`).
    /// - Throws: `ExecutionError.rollbackFailed` saying what to do by hand when the rollback failed;
    ///   `CancellationError` when cancelled.
    func runRecorded(reason: String? = nil) async throws {
        let observer = node.tools.observer
        observer.record(node.event(.rollbackStarted, message: node.putBackPlan + (reason.map { " (\($0))" } ?? "")))
        do {
            try await run()
            observer.record(node.event(.rollbackFinished, ok: true))
        } catch let error as CancellationError {
            throw error
        } catch {
            let text = ErrorText.describe(error)
            let prefix = node.name + ": "
            let repair = repairError(failure: text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
            observer.record(node.event(.rollbackFinished, ok: false, message: repair.description))
            throw repair
        }
    }

    /// What the operator must do by hand when the rollback failed.
    func repairError(failure: String) -> ExecutionError {
        let host = node.node.host, name = node.name, from = node.node.from
        var steps: [String] = []
        if node.undo.contains(.rollbackKubelet) {
            steps.append(
                "on \(host): put back the kubelet \(from) saved by backup_kubelet and restart it "
                    + "(`k8sup playbook show` lists the playbook's rollback_kubelet commands)")
            steps.append("check that `kubectl get node \(name)` shows it Ready at \(from)")
        }
        steps.append(
            node.cordonedBefore
                ? "leave \(name) cordoned (it was cordoned before k8sup started)"
                : "then `kubectl uncordon \(name)` (it was schedulable before k8sup started)")
        steps.append("run `k8sup apply` again when the node is healthy; the journal remembers where it stopped")
        return .rollbackFailed(node: name, version: from, failure: failure, instructions: steps)
    }
}

extension ExecutionTools {
    /// The same tools for putting a node back: a stop request that is never set (the rollback must not
    /// be cut short) and the put-back retry budget (giving up there means paging a person).
    func puttingBack() -> ExecutionTools {
        var tools = ExecutionTools(
            runner: runner, hostCommands: hostCommands, kubectl: kubectl, settings: settings, observer: observer,
            log: log, stop: StopRequest(), clock: clock)
        tools.retryBudget = .putBack
        tools.random = random
        tools.lookout = lookout
        return tools
    }
}
