import K8sUpCluster
import K8sUpPlanning
import K8sUpSupport
import PythonParity

/// The commands pre-flight runs on a node, built once for `apply --dry-run` to show and for the probe to
/// run: the ssh-and-sudo probe, the free-disk report over the playbook's `writes:`, and the playbook's
/// read-only steps (`cert_expiration`, `discover_versions`, `component_versions`). Every one is read-only.
package struct PreflightCommands: Sendable {
    package init(factory: HostCommandFactory, timeout: Duration = .seconds(120)) {
        self.factory = factory
        self.timeout = timeout
    }

    package typealias HostCommand = HostCommandFactory.HostCommand

    package let factory: HostCommandFactory
    /// Each command's timeout: long enough for `kubeadm upgrade plan`, which runs its own health checks.
    package var timeout: Duration = .seconds(120)

    package var transport: SSHTransport { factory.transport }

    /// `sudo -n true` as the node's ssh login (just `true` for a host without become), started without
    /// k8sup's own sudo, so that an ssh failure (exit 255) and a sudo failure can be told apart. A
    /// connection that fails is retried within the short probe budget.
    package func reach(_ host: String) -> HostCommand? {
        guard let connection = factory.connections[host] else { return nil }
        var words = ["true"]
        if connection.become {
            words = ["sudo", "-n"] + (connection.sudoUser.map { ["-u", $0] } ?? []) + ["--", "true"]
        }
        let line = ShellQuoting.join(words)
        var command = transport.command(line, on: connection, timeout: timeout, become: false)
        // A refused connection is tried again briefly; a host that stays down blocks within seconds.
        if connection.kind == .ssh { command.retry = .ssh(.probe, rerunnable: true) }
        return HostCommand(shownLine: line, command: command, line: line)
    }

    /// `df -Pk` of every path the node's playbook writes; nil when the playbook declares none. With
    /// `preview`, the command is built from the shown line (secrets masked), for showing only.
    func diskFree(_ node: UpgradePlan.NodeUpgrade, hopVersion: String, preview: Bool = false) throws
        -> HostCommand?
    {
        guard let playbook = factory.playbooks[node.host], !playbook.writes.isEmpty,
            let connection = factory.connections[node.host]
        else { return nil }
        let shown = try playbook.renderWrites(context: context(node, hopVersion: hopVersion, masked: true))
        let real =
            preview ? shown : try playbook.renderWrites(context: context(node, hopVersion: hopVersion, masked: false))
        return HostCommand(
            shownLine: DiskFreeReport.command(paths: shown),
            command: transport.command(DiskFreeReport.command(paths: real), on: connection, timeout: timeout),
            line: DiskFreeReport.command(paths: real))
    }

    /// A playbook step's commands for the node (empty when the playbook leaves the step out); `preview`
    /// as for `diskFree`.
    package func step(_ step: PlaybookStep, _ node: UpgradePlan.NodeUpgrade, hopVersion: String, preview: Bool = false)
        throws
        -> [HostCommand]
    {
        guard factory.playbooks[node.host]?.defines(step) == true else { return [] }
        return try factory.commands(step, node: node, hopVersion: hopVersion, preview: preview).map {
            var command = $0
            command.command.timeout = timeout
            return command
        }
    }

    /// Whether the node's playbook has the step, and its name for messages.
    package func playbook(of host: String) -> Playbook? {
        factory.playbooks[host]
    }

    private func context(_ node: UpgradePlan.NodeUpgrade, hopVersion: String, masked: Bool) throws -> PlaybookContext {
        guard let target = KubeVersion(hopVersion) else { throw ScriptError.missingHost(node.host) }
        return PlaybookContext(
            target: target, from: KubeVersion(node.from) ?? target, node: node.node, host: node.host,
            role: node.clusterRole, hostVariables: factory.hostVariables[node.host] ?? DataMapping(),
            masksSecrets: masked)
    }
}
