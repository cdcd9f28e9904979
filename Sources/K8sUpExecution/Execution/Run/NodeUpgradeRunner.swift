import K8sUpPlanning
import K8sUpSupport

/// Runs one node's phases in order and, when one fails (or Ctrl-C stops the run), undoes what the node
/// registered: the kubelet restored from its backup and restarted, the node Ready at its old version,
/// its cordon state put back.
struct NodeUpgradeRunner {
    enum Outcome: Equatable {
        case upgraded
        /// A step failed and the node was put back as it was; `error` says what failed.
        case failed(ExecutionError)
        /// Stopped by Ctrl-C; the node was put back as it was.
        case stopped
        /// The undo failed too: the node needs a person.
        case needsRepair(ExecutionError)
    }

    /// The message of a step that ended because the operator asked the run to stop (Ctrl-C).
    static let stopped = "stopped"

    func run(_ node: NodeRun) async throws -> Outcome {
        let observer = node.tools.observer
        var started = node.event(.nodeStarted)
        started.cordonedBefore = node.cordonedBefore
        started.from = node.node.from
        started.role = node.node.role
        observer.record(started)
        for phase in NodePhases.phases(for: node.node) {
            observer.record(node.event(.stepStarted, step: phase.action.rawValue))
            do {
                if node.tools.stop.isRequested { throw StopRequested() }
                try await phase.run(node)
                observer.record(node.event(.stepFinished, step: phase.action.rawValue, ok: true))
            } catch is StopRequested {
                observer.record(
                    node.event(.stepFinished, step: phase.action.rawValue, ok: false, message: Self.stopped))
                return try await putBack(node, because: nil, in: phase.action)
            } catch let error as ExecutionError {
                observer.record(
                    node.event(.stepFinished, step: phase.action.rawValue, ok: false, message: error.description))
                return try await putBack(node, because: error, in: phase.action)
            } catch let error as CancellationError {
                throw error
            } catch {
                let failure = ExecutionError.stepFailed(
                    node: node.name, step: phase.action.activity,
                    failure: CommandFailure(reason: ErrorText.describe(error)))
                observer.record(
                    node.event(.stepFinished, step: phase.action.rawValue, ok: false, message: failure.description))
                return try await putBack(node, because: failure, in: phase.action)
            }
        }
        var finished = node.event(.nodeFinished, ok: true)
        finished.cordonedBefore = node.cordonedBefore
        observer.record(finished)
        return .upgraded
    }

    private func putBack(_ node: NodeRun, because failure: ExecutionError?, in action: StepAction) async throws
        -> Outcome
    {
        let observer = node.tools.observer
        if let failure {
            observer.record(node.event(.nodeFailed, step: action.rawValue, ok: false, message: failure.description))
        }
        guard !node.undo.isEmpty else {
            // Nothing on the node changed yet: it is consistent as it is.
            var untouched = node.event(.cordonRestored, ok: true, message: "nothing to undo")
            untouched.cordonedBefore = node.cordonedBefore
            observer.record(untouched)
            return failure.map(Outcome.failed) ?? .stopped
        }
        do {
            try await RollbackProcedure(node: node).runRecorded()
            return failure.map(Outcome.failed) ?? .stopped
        } catch let repair as ExecutionError {
            return .needsRepair(repair)
        }
    }
}
