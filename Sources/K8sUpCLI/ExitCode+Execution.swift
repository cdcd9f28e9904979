import K8sUpExecution

extension Executor.Result {
    /// How a run that ended this way exits: 0 done or stopped at the canary, 130 stopped by Ctrl-C,
    /// 3 when a node needs repair by hand, else the failure's own code.
    var exitCode: ExitCode {
        switch self {
        case .succeeded, .canaryReached: .ok
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
