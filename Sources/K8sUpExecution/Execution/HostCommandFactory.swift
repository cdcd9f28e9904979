import K8sUpCluster
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport
import PythonParity

/// Turns a playbook step of one node into the commands that run it on the node's host, through the
/// host's transport. `apply --dry-run` and `apply` both build their host commands here, so what the
/// preview shows is what runs: the preview renders with secrets masked and runtime values deferred,
/// the run renders for real and keeps a masked copy of each line for its logs.
package struct HostCommandFactory: Sendable {
    package init(
        playbooks: [String: Playbook], connections: [String: HostConnection], hostVariables: [String: DataMapping],
        transport: SSHTransport, stepTimeout: Duration
    ) {
        self.playbooks = playbooks
        self.connections = connections
        self.hostVariables = hostVariables
        self.transport = transport
        self.stepTimeout = stepTimeout
    }

    /// One playbook command line, ready to run and to show.
    package struct HostCommand: Sendable {
        /// The playbook line as it is shown and logged: secret-looking values masked.
        var shownLine: String
        /// What runs (`ssh … host -- 'sudo -n sh -c …'`). Over ssh it is retried after a connection that
        /// failed before the command ran, and after one that dropped while it ran unless the playbook
        /// marks the command `rerun: false`; a local command is never retried.
        var command: Command
        /// The line as it runs, secrets in clear: what a session script carries. Never shown or logged.
        var line: String
        /// Whether the playbook lets it run again after a dropped connection (`rerun`).
        var rerun = true
    }

    package let playbooks: [String: Playbook]
    package let connections: [String: HostConnection]
    package let hostVariables: [String: DataMapping]
    package let transport: SSHTransport
    package let stepTimeout: Duration

    /// The commands of `step` for `node` in `hop`. With `preview`, lines are rendered for showing only:
    /// secrets masked and missing runtime values as `${…}` (the commands are then not meant to run).
    package func commands(
        _ step: PlaybookStep, node: UpgradePlan.NodeUpgrade, hopVersion: String, runtime: [String: String] = [:],
        preview: Bool
    ) throws -> [HostCommand] {
        guard let playbook = playbooks[node.host], let connection = connections[node.host],
            let target = KubeVersion(hopVersion)
        else { throw ScriptError.missingHost(node.host) }
        func context(masked: Bool) -> PlaybookContext {
            PlaybookContext(
                target: target, from: KubeVersion(node.from) ?? target, node: node.node, host: node.host,
                role: node.clusterRole, hostVariables: hostVariables[node.host] ?? DataMapping(), runtime: runtime,
                deferRuntimeValues: preview, masksSecrets: masked)
        }
        let shown = try playbook.renderCommands(step, context: context(masked: true))
        let real = preview ? shown : try playbook.renderCommands(step, context: context(masked: false))
        return zip(shown, real).map { shownLine, line in
            var command = transport.command(line.line, on: connection, timeout: stepTimeout)
            if connection.kind == .ssh { command.retry = .ssh(.operation, rerunnable: line.rerun) }
            return HostCommand(shownLine: shownLine.line, command: command, line: line.line, rerun: line.rerun)
        }
    }

    /// The one command that runs `script` (built from host commands of `host`) through the host's
    /// transport. Its timeout is the step timeout for each of its lines. Over ssh it is retried after a
    /// connection that failed before the script ran; a connection that dropped while it ran is for the
    /// caller to judge line by line (`HostSession`).
    package func sessionCommand(_ script: SessionScript, host: String) throws -> Command {
        guard let connection = connections[host] else { throw ScriptError.missingHost(host) }
        var command = transport.command(
            script.text, on: connection, timeout: stepTimeout * max(1, script.lines.count))
        if connection.kind == .ssh { command.retry = .ssh(.operation, rerunnable: false) }
        return command
    }

    /// The route to the node's host for logs: `ubuntu@10.0.0.11:22 via ops@bastion`, or `local`.
    package func route(of host: String) -> String {
        connections[host].map { transport.description(of: $0) } ?? "unknown host"
    }
}

extension UpgradePlan.NodeUpgrade {
    /// The node's role as the playbooks know it.
    var clusterRole: ClusterRoles.Role {
        role == ClusterRoles.Role.controlPlane.rawValue ? .controlPlane : .worker
    }
}
