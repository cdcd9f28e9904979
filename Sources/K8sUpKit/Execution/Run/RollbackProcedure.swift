import Foundation

/// Undoes a node's upgrade as far as it got (SPEC section 7, step 6): `rollback_kubelet` and
/// `restart_kubelet` from the playbook, the node Ready at its old version, then its cordon state as it
/// was before k8sup touched it. Runs even after Ctrl-C: these commands are what makes the node safe.
struct RollbackProcedure {
    let node: NodeRun

    func run() async throws {
        let tools = node.tools.ignoringStop()
        for item in node.undo.reversed() {
            switch item {
            case .rollbackKubelet:
                try await node.runPlaybook(.rollbackKubelet, as: .upgradeKubelet, using: tools)
                try await node.runPlaybook(.restartKubelet, as: .restartKubelet, using: tools)
                let observer = tools.observer
                let template = node.event(.waiting, step: "rollback")
                try await NodeReadiness(tools: tools).wait(for: node.name, at: node.node.from, controlPlane: false) {
                    var event = template
                    event.time = Date()
                    event.message = $0
                    observer.record(event)
                }
            case .restoreCordon:
                let command = node.cordonedBefore ? tools.kubectl.cordon(node.name) : tools.kubectl.uncordon(node.name)
                _ = try await tools.run(command, node: node.name).checked(
                    node: node.name, step: "restore cordon state", shown: command.displayLine)
            }
        }
    }

    /// `run()` between `rollback-started` and `rollback-finished` events.
    /// - Throws: `ExecutionError.rollbackFailed` saying what to do by hand when the rollback failed;
    ///   `CancellationError` when cancelled.
    func runRecorded(reason: String) async throws {
        let observer = node.tools.observer
        observer.record(node.event(.rollbackStarted, message: reason))
        do {
            try await run()
            observer.record(node.event(.rollbackFinished, ok: true))
        } catch let error as CancellationError {
            throw error
        } catch {
            let repair = repairError(failure: "\(error)")
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
    /// The same tools with a stop request that is never set: the rollback must not be cut short.
    func ignoringStop() -> ExecutionTools {
        ExecutionTools(
            runner: runner, hostCommands: hostCommands, kubectl: kubectl, settings: settings, observer: observer,
            log: log, stop: StopRequest())
    }
}
