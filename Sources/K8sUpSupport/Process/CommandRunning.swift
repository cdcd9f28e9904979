/// Runs external commands. Every `kubectl`, `kubeadm`, `ssh` … call goes through this protocol, so
/// tests can substitute a `FakeRunner` and the real `ProcessRunner` is the only code that starts
/// processes.
package protocol CommandRunning: Sendable {
    /// Runs `command` to the end (or until its timeout) and returns how it ended, whatever the exit
    /// status: a non-zero exit is a result, not an error.
    ///
    /// - Parameter output: Receives each whole line of output while the command runs, one call at a
    ///   time, in order within each stream; every line has been delivered before `run` returns.
    /// - Throws: `CommandError.executableNotFound` or `.launchFailed` when nothing could be started;
    ///   `CancellationError` when the calling task was cancelled (after the command has been stopped).
    func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult
}

extension CommandRunning {
    /// Runs `command`, keeping its output only in the result.
    package func run(_ command: Command) async throws -> CommandResult {
        try await run(command, output: nil)
    }

    /// Runs `command` and throws `CommandError.failed` / `.timedOut` unless it exits 0 in time.
    package func runChecked(_ command: Command, output: (@Sendable (OutputChunk) -> Void)? = nil) async throws
        -> CommandResult
    {
        let result = try await run(command, output: output)
        if let error = CommandError(command, result) { throw error }
        return result
    }
}
