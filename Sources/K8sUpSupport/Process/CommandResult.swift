/// How a command ended, with what it printed (bounded by its `OutputLimit`).
package struct CommandResult: Sendable, Hashable {
    /// The child's own end: an exit code, or the signal that killed it.
    package enum Termination: Sendable, Hashable {
        case exited(Int32)
        case signalled(Int32)
    }

    package var termination: Termination
    /// k8sup stopped the command because it ran past its timeout; `termination` then usually says
    /// SIGTERM or SIGKILL, but it can be a normal exit when a background child kept the pipes open.
    package var timedOut: Bool
    /// From launch until the process had exited and both pipes were closed.
    package var duration: Duration
    package var stdout: String
    package var stderr: String
    /// Part of the stream was left out of `stdout` / `stderr` (see `OutputLimit`).
    var stdoutTruncated: Bool
    var stderrTruncated: Bool
    /// Set by a retrying runner when the command ended on a failure it classified as transient (after
    /// its budget ran out, or without a retry it was not allowed): what failed, and how often it was tried.
    package var retryRecord: RetryRecord?

    package init(
        termination: Termination,
        timedOut: Bool = false,
        duration: Duration = .zero,
        stdout: String = "",
        stderr: String = "",
        stdoutTruncated: Bool = false,
        stderrTruncated: Bool = false
    ) {
        self.termination = termination
        self.timedOut = timedOut
        self.duration = duration
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
    }

    /// Exited with 0 within its timeout.
    package var succeeded: Bool { termination == .exited(0) && !timedOut }

    /// The status as a shell reports it in `$?`: the exit code, or 128 + the signal number (137 for
    /// SIGKILL, 143 for SIGTERM).
    package var exitStatus: Int32 {
        switch termination {
        case .exited(let code): return code
        case .signalled(let signal): return 128 + signal
        }
    }

    /// The last `lines` non-empty lines of stderr (of stdout when stderr is empty), for error messages.
    package func stderrTail(lines: Int = 5) -> String {
        let source = stderr.contains(where: { !$0.isWhitespace }) ? stderr : stdout
        let kept = source.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        return kept.suffix(max(0, lines)).joined(separator: "\n")
    }
}
