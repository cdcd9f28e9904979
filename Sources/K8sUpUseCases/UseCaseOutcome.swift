import K8sUpExecution

/// How a use case ended when it did not throw. The command line turns each into its exit code; the
/// use cases never decide exit codes themselves.
package enum UseCaseOutcome: Equatable, Sendable {
    /// Did what was asked: a ready plan, a finished upgrade, a removed lock, a report shown.
    case done
    /// Every selected node is already at the target: nothing was changed.
    case nothingToDo
    /// Checks found blockers before anything changed.
    case blocked
    /// The operator answered no; nothing was changed.
    case declined
    /// `--canary N` stopped the run after that many workers, as asked.
    case canaryReached(workers: Int)
    /// Stopped by the operator (Ctrl-C) with the node being upgraded put back.
    case stopped
    /// A node failed and the run stopped (its node put back, unless the error says otherwise).
    case failed(ExecutionError)
    /// A node is in a state an operator must repair by hand.
    case needsRepair(ExecutionError)

    /// The outcome of an executor run.
    package init(_ result: Executor.Result) {
        switch result {
        case .succeeded: self = .done
        case .canaryReached(let workers): self = .canaryReached(workers: workers)
        case .failed(let error): self = .failed(error)
        case .stopped: self = .stopped
        case .needsRepair(let error): self = .needsRepair(error)
        }
    }
}
