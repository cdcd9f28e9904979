import K8sUpSupport

/// How a step failed, for the failure message: how its command ended and the line of its output that
/// says why, on the message's first line; then the command and the end of its output.
package struct CommandFailure: Sendable, Equatable {
    /// `exit 100`, `timed out`, `killed by SIGKILL`; nil when the failure was not a command's.
    package var how: String?
    /// `E: Unable to locate package kubelet=1.29.15-1.1`: the last line of the output, or what went wrong.
    package var reason: String
    /// The command as it ran (secrets masked); empty when the failure was not a command's.
    package var command = ""
    /// The last lines of its output (stderr, else stdout).
    package var output: [String] = []
    /// What a retrying runner found the failure to be (the cluster API, an unreachable host, a dropped
    /// connection) and how often it was tried; nil for a command that failed by itself.
    package var retry: RetryRecord?

    package init(
        how: String? = nil, reason: String, command: String = "", output: [String] = [], retry: RetryRecord? = nil
    ) {
        self.how = how
        self.reason = reason
        self.command = command
        self.output = output
        self.retry = retry
    }

    package init(_ result: CommandResult, command: String) {
        let how: String =
            if result.timedOut {
                "timed out"
            } else if case .signalled(let signal) = result.termination {
                "killed by \(SignalNames.name(of: signal))"
            } else {
                "exit \(result.exitStatus)"
            }
        let output = result.stderrTail(lines: 8).split(separator: "\n").map(String.init)
        if let record = result.retryRecord {
            self.init(reason: record.headline, command: command, output: output, retry: record)
            return
        }
        // kubeadm ends every failure with this advice; the line before it says what failed.
        let reason = output.last { !$0.hasPrefix("To see the stack trace") } ?? "it printed nothing"
        self.init(how: how, reason: reason, command: command, output: output)
    }

    /// ` (exit 100): E: Unable to locate package …`: what follows `<node>: <step> failed`.
    package var headline: String {
        (how.map { " (\($0))" } ?? "") + ": " + reason
    }

    /// The host could not be reached at all: the failure is about the host, not the step.
    var isUnreachable: Bool { retry?.failure == .unreachable }

    /// The lines after the first: `  command: …`, then `  its output ended with:` and the output.
    package var details: String {
        var lines: [String] = []
        if !command.isEmpty { lines.append("  command: " + command) }
        if output.count > 1 {
            lines.append("  its output ended with:")
            lines += output.map { "    " + $0 }
        }
        return lines.map { "\n" + $0 }.joined()
    }
}
