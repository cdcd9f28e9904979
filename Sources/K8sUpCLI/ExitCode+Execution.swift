import K8sUpExecution
import K8sUpUseCases

extension UseCaseOutcome {
    /// How a command that ended this way exits: 0 done, nothing to do or stopped at the canary, 2
    /// blocked, 1 declined, 130 stopped by Ctrl-C, 3 when a node needs repair by hand, else the
    /// failure's own code.
    package var exitCode: ExitCode {
        switch self {
        case .done, .nothingToDo, .canaryReached: .ok
        case .blocked: .blocked
        case .declined: .failure
        case .failed(let error): error.exitCode
        case .stopped: .interrupted
        case .needsRepair: .needsManualRepair
        }
    }
}

extension ExecutionError {
    /// 3 when a node needs manual repair, 2 when blocked, else 1.
    var exitCode: ExitCode {
        switch self {
        case .rollbackFailed: .needsManualRepair
        case .blocked: .blocked
        default: .failure
        }
    }
}
