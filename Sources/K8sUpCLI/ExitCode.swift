/// The process exit codes k8sup promises; scripts and CI depend on them.
package enum ExitCode: Int32, Sendable {
    case ok = 0
    case failure = 1
    /// `plan`/`apply` found blocking problems before anything changed.
    case blocked = 2
    /// A node is in a state an operator must repair by hand.
    case needsManualRepair = 3
    /// Bad command line (EX_USAGE).
    case usage = 64
    /// Bad input data: inventory, snapshot, playbook (EX_DATAERR).
    case dataError = 65
    /// Stopped by Ctrl-C (128 + SIGINT).
    case interrupted = 130
}
