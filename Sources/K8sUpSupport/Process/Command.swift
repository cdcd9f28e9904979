/// One external command k8sup wants to run: what to start, with which arguments and environment, and
/// how long it may take. A plain value, so a plan can list commands, print them for `--dry-run` and
/// hand the same values to a `CommandRunning`.
package struct Command: Sendable, Hashable, CustomStringConvertible {
    /// A name looked up on `PATH` (`kubectl`) or a path (`/usr/bin/kubectl`, `./bin/tool`).
    package var executable: String
    package var arguments: [String]
    /// Variables added to k8sup's own environment for this command (they win over inherited ones); the
    /// inherited environment (`PATH`, `HOME`, `KUBECONFIG`, `SSH_AUTH_SOCK`) is always kept.
    package var environment: [String: String]
    /// Where the command runs; nil for k8sup's own working directory.
    package var workingDirectory: String?
    /// How long the command may run before it is stopped (SIGTERM, then SIGKILL). There is no
    /// "wait forever": every external call has a deadline.
    package var timeout: Duration
    /// How much of each output stream the result keeps.
    package var outputLimit: OutputLimit
    /// Positions in `arguments` whose values are secret (tokens, passwords): the display form shows
    /// `***` in their place, keeping a `--flag=` prefix so the log still says which flag it was.
    package var secretArguments: Set<Int>
    /// Whether a retrying runner may run it again after a transient failure, and within which budget;
    /// nil: never.
    package var retry: CommandRetry?

    package init(
        _ executable: String,
        _ arguments: [String] = [],
        timeout: Duration,
        environment: [String: String] = [:],
        workingDirectory: String? = nil,
        outputLimit: OutputLimit = .default,
        secretArguments: Set<Int> = [],
        retry: CommandRetry? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.secretArguments = secretArguments
        self.retry = retry
    }

    /// The same command with `retry` set.
    package func retrying(_ rule: CommandRetry?) -> Command {
        var command = self
        command.retry = rule
        return command
    }

    /// The command line as a POSIX shell would need it typed, with secret arguments masked: for logs,
    /// `--verbose`, `plan` and `--dry-run`. Without secrets, `sh -c` of it runs the same argv.
    /// The extra environment is not shown, since secrets are often passed there.
    package var displayLine: String {
        var words = [ShellQuoting.quoteCommandName(executable)]
        for (index, argument) in arguments.enumerated() {
            let shown = secretArguments.contains(index) ? Self.masked(argument) : argument
            words.append(ShellQuoting.quote(shown))
        }
        return words.joined(separator: " ")
    }

    package var description: String { displayLine }

    /// `***`, or `--token=***` for a `--flag=value` argument.
    private static func masked(_ argument: String) -> String {
        guard argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") else { return "***" }
        let flag = argument[..<equals]
        let isFlagName = flag.dropFirst().allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0))
        }
        return isFlagName ? flag + "=***" : "***"
    }
}
