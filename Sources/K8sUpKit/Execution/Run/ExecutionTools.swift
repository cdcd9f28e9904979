/// What the executor's steps work with: the one command runner, the host commands of the playbooks,
/// kubectl, the settings, and where events and output go. A value, so each hop can carry its own kubectl.
struct ExecutionTools: Sendable {
    let runner: any CommandRunning
    let hostCommands: HostCommandFactory
    var kubectl: KubectlCommands
    let settings: ExecutionSettings
    let observer: any ExecutionObserving
    let log: any CommandLogging
    /// Ctrl-C: checked before each command, so a stop happens between commands.
    let stop: StopRequest

    var probe: NodeProbe { NodeProbe(runner: runner, kubectl: kubectl, log: log) }

    /// The same tools with the kubectl chosen for a hop.
    func forHop(_ hop: UpgradePlan.Hop) -> ExecutionTools {
        var tools = self
        if let chosen = hop.kubectl { tools.kubectl.kubectl = chosen }
        return tools
    }

    /// Runs `command`, logging its display line, every output line and how it ended in `node`'s log.
    func run(_ command: Command, shown: String? = nil, node: String?, onLine: (@Sendable (String) -> Void)? = nil)
        async throws -> CommandResult
    {
        if stop.isRequested { throw StopRequested() }
        let log = self.log
        log.write("$ " + (shown ?? command.displayLine), node: node)
        let result = try await runner.run(command) { chunk in
            log.write((chunk.source == .stderr ? "! " : "| ") + chunk.line, node: node)
            onLine?(chunk.line)
        }
        log.write("= exit \(result.exitStatus)" + (result.timedOut ? " (timed out)" : ""), node: node)
        return result
    }
}
