/// Why an external command could not be run, or did not succeed. Each message names the command as it
/// would be typed (secrets masked) and says what happened, for an operator reading it at 3 a.m.
package enum CommandError: Error, Hashable, CustomStringConvertible {
    /// No executable of that name on `PATH` (`searchPath`), or, for a path, no executable file there
    /// (`searchPath` is nil).
    case executableNotFound(String, searchPath: String?)
    /// The executable exists but the process could not be started.
    case launchFailed(Command, reason: String)
    /// The command ran and exited non-zero or was killed by a signal.
    case failed(Command, CommandResult)
    /// The command ran past its timeout and k8sup stopped it.
    case timedOut(Command, CommandResult)

    /// The error for a result that did not succeed (`timedOut` or `failed`), or nil for a success.
    package init?(_ command: Command, _ result: CommandResult) {
        if result.timedOut {
            self = .timedOut(command, result)
        } else if !result.succeeded {
            self = .failed(command, result)
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .executableNotFound(let name, let searchPath?):
            let path = searchPath.isEmpty ? "(empty)" : searchPath
            return "\(name): command not found; install it or put its directory on PATH (searched \(path))"
        case .executableNotFound(let path, nil):
            return "\(path): no executable file at this path"
        case .launchFailed(let command, let reason):
            return "\(command.displayLine): could not be started: \(reason)"
        case .failed(let command, let result):
            if let record = result.retryRecord { return record.headline + "; k8sup ran: " + command.displayLine }
            return "\(command.displayLine) failed (\(Self.describe(result.termination)))" + Self.detail(result)
        case .timedOut(let command, let result):
            let limit = command.timeout.compactDescription
            return "\(command.displayLine) timed out after \(limit) and was stopped" + Self.detail(result)
        }
    }

    private static func describe(_ termination: CommandResult.Termination) -> String {
        switch termination {
        case .exited(let code):
            return "exit \(code)"
        case .signalled(let signal):
            return "killed by \(SignalNames.name(of: signal)), exit \(128 + signal)"
        }
    }

    /// `: <last lines of output>`, each further line indented under the first.
    private static func detail(_ result: CommandResult) -> String {
        let tail = result.stderrTail(lines: 5)
        guard !tail.isEmpty else { return " with no output" }
        return ": " + tail.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
    }
}
