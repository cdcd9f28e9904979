import K8sUpCluster
import K8sUpPlanning
import K8sUpSupport

/// What the executor's steps work with: the one command runner, the host commands of the playbooks,
/// kubectl, the settings, where events and output go, and the clock waits are measured with. A value,
/// so each hop can carry its own kubectl.
package struct ExecutionTools: Sendable {
    package init(
        runner: any CommandRunning, hostCommands: HostCommandFactory, kubectl: KubectlCommands,
        settings: ExecutionSettings, observer: any ExecutionObserving, log: any CommandLogging, stop: StopRequest,
        clock: any WallClock = SystemWallClock(), retryBudget: RetryBudget = RetryBudget.operation,
        random: any RandomSource = SystemRandomSource()
    ) {
        self.runner = runner
        self.hostCommands = hostCommands
        self.kubectl = kubectl
        self.settings = settings
        self.observer = observer
        self.log = log
        self.stop = stop
        self.clock = clock
        self.retryBudget = retryBudget
        self.random = random
        lookout = NodeLookout(runner: runner, kubectl: kubectl, log: log)
    }

    package let runner: any CommandRunning
    package let hostCommands: HostCommandFactory
    package var kubectl: KubectlCommands
    package let settings: ExecutionSettings
    package let observer: any ExecutionObserving
    package let log: any CommandLogging
    /// Ctrl-C: checked before each command, so a stop happens between commands.
    package let stop: StopRequest
    /// What the heartbeat of a wait (and `--pause`) counts time with.
    package var clock: any WallClock = SystemWallClock()
    /// `.putBack` while a node is put back: every retried command gets the longer budget.
    var retryBudget = RetryBudget.operation
    /// The jitter of the drain's re-runs (the runner has its own for the commands it retries).
    package var random: any RandomSource = SystemRandomSource()

    /// Shared by every node of a hop, so that the looks of a batch's nodes are read together.
    package internal(set) var lookout: NodeLookout

    package var probe: NodeProbe {
        NodeProbe(runner: runner, kubectl: kubectl, lookout: lookout, log: log, budget: retryBudget)
    }

    /// Reports every `settings.progressInterval` while a wait runs.
    package var heartbeat: Heartbeat {
        Heartbeat(interval: settings.progressInterval, clock: clock, observer: observer, log: log)
    }

    /// The same tools with the kubectl chosen for a hop.
    func forHop(_ hop: UpgradePlan.Hop) -> ExecutionTools {
        var tools = self
        if let chosen = hop.kubectl {
            tools.kubectl.kubectl = chosen
            tools.lookout = NodeLookout(runner: runner, kubectl: tools.kubectl, log: log)
        }
        return tools
    }

    /// Runs `body` as a wait that reports while it lasts (see `Heartbeat`).
    package func waiting<Result>(_ step: ExecutionEvent, for status: String, _ body: (Wait) async throws -> Result)
        async throws -> Result
    {
        try await heartbeat.waiting(step, for: status, body)
    }

    /// Runs `command`, logging its display line, every output line and how it ended in `node`'s log.
    /// While it runs, the heartbeat reports it as a wait of `step`.
    /// - Parameters:
    ///   - step: The event of the step the command belongs to (hop, node, step).
    ///   - status: What the heartbeat says is waited for; by default the command and its timeout.
    package func run(
        _ command: Command, shown: String? = nil, node: String?, during step: ExecutionEvent,
        waitingFor status: String? = nil, onLine: (@Sendable (String) -> Void)? = nil
    ) async throws -> CommandResult {
        if stop.isRequested { throw StopRequested() }
        let line = shown ?? command.displayLine
        let command = command.retrying(command.retry?.atLeast(retryBudget))
        let status = status ?? Self.running(line, on: nil, timeout: command.timeout)
        return try await waiting(step, for: status) { _ in
            try await logged(command, shown: line, node: node, onLine: onLine)
        }
    }

    /// Runs `command` as `run` does, logging it in `node`'s log, but outside any wait of its own: for
    /// work that waits as a whole (the drain and its re-runs).
    package func logged(
        _ command: Command, shown line: String, node: String?, onLine: (@Sendable (String) -> Void)? = nil
    )
        async throws -> CommandResult
    {
        let log = self.log
        log.write("$ " + line, node: node)
        let result = try await runner.run(command) { chunk in
            log.write((chunk.source == .stderr ? "! " : "| ") + chunk.line, node: node)
            onLine?(chunk.line)
        }
        log.writeEnd(of: result, node: node)
        return result
    }

    /// `` `kubeadm upgrade apply -y v1.29.15` on cp-1 (timeout 15m) ``, long command lines shortened.
    package static func running(_ line: String, on host: String?, timeout: Duration) -> String {
        let shown = line.count > 100 ? String(line.prefix(99)) + "…" : line
        return "`\(shown)`" + (host.map { " on " + $0 } ?? "") + " (timeout \(timeout.compactDescription))"
    }
}
