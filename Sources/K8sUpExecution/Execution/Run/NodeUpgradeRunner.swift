import Foundation
import K8sUpPlanning
import K8sUpSupport
import Synchronization

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
            var action = phase.action
            do {
                if node.tools.stop.isRequested { throw StopRequested() }
                do {
                    action = try await run(phase, on: node)
                } catch let failure as GroupStepFailure {
                    action = failure.action
                    throw failure.error
                }
                observer.record(node.event(.stepFinished, step: action.rawValue, ok: true))
            } catch is StopRequested {
                observer.record(node.event(.stepFinished, step: action.rawValue, ok: false, message: Self.stopped))
                return try await putBack(node, because: nil, in: action)
            } catch let error as ExecutionError {
                observer.record(
                    node.event(.stepFinished, step: action.rawValue, ok: false, message: error.description))
                return try await putBack(node, because: error, in: action)
            } catch let error as CancellationError {
                throw error
            } catch {
                let failure = ExecutionError.stepFailed(
                    node: node.name, step: action.activity, failure: CommandFailure(reason: ErrorText.describe(error)))
                observer.record(
                    node.event(.stepFinished, step: action.rawValue, ok: false, message: failure.description))
                return try await putBack(node, because: failure, in: action)
            }
        }
        var finished = node.event(.nodeFinished, ok: true)
        finished.cordonedBefore = node.cordonedBefore
        observer.record(finished)
        return .upgraded
    }

    /// Runs one phase; returns the step that ran last. A group of playbook steps finishes each step and
    /// starts the next as the next one's first line starts, so the events and the journal follow the
    /// steps inside the one session.
    private func run(_ phase: any NodePhase, on node: NodeRun) async throws -> StepAction {
        guard let group = phase as? PlaybookPhaseGroup, group.members.count > 1 else {
            try await phase.run(node)
            return phase.action
        }
        let observer = node.tools.observer
        let template = node.event(.stepStarted)
        let started = node.started
        let current = Mutex(group.action)
        try await group.run(node) { next in
            let finished = current.withLock { current in
                defer { current = next }
                return current
            }
            for (kind, step, ok) in [
                (ExecutionEvent.Kind.stepFinished, finished, true as Bool?), (.stepStarted, next, nil),
            ] {
                var event = template
                event.kind = kind
                event.step = step.rawValue
                event.ok = ok
                event.time = Date()
                event.elapsed = event.time.timeIntervalSince(started)
                observer.record(event)
            }
        }
        return current.withLock { $0 }
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
