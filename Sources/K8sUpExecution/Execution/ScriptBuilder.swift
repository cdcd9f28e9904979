import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// Turns an `UpgradePlan` into the ordered commands of the upgrade: each plan step becomes kubectl calls
/// on the operator's machine or playbook command lines on the node's host, through its transport.
///
/// For `apply --dry-run` the lines are rendered for showing: values of secret-looking vars masked and
/// values only known while running (the package version `discover_versions` finds) shown as `${…}`.
package struct ScriptBuilder {
    package init(
        plan: UpgradePlan, hostCommands: HostCommandFactory, kubectl: KubectlCommands, healthCheck: String?,
        preflight: PreflightCommands? = nil, firstControlPlane: ClusterRoles.Node? = nil
    ) {
        self.plan = plan
        self.hostCommands = hostCommands
        self.kubectl = kubectl
        self.healthCheck = healthCheck
        self.preflight = preflight
        self.firstControlPlane = firstControlPlane
    }

    package let plan: UpgradePlan
    package let hostCommands: HostCommandFactory
    package let kubectl: KubectlCommands
    /// `--health-check CMD`, run on the operator's machine.
    package let healthCheck: String?
    /// Live plans: pre-flight's read-only commands on the nodes, shown in each hop's pre-flight.
    package var preflight: PreflightCommands?
    /// The inventory's first control-plane host, where pre-flight discovers versions.
    package var firstControlPlane: ClusterRoles.Node?

    private struct Cursor {
        var commands: [ScriptedCommand] = []
    }

    package func build() throws -> ExecutionScript {
        var cursor = Cursor()
        for hop in plan.hops {
            var hopKubectl = kubectl
            if let chosen = hop.kubectl { hopKubectl.kubectl = chosen }
            try prepare(hop, kubectl: hopKubectl, into: &cursor)
            for node in hop.nodes {
                try upgrade(node, in: hop, kubectl: hopKubectl, into: &cursor)
            }
        }
        let rollback = [
            "on a failure after a node's kubelet was touched: rollback_kubelet and restart_kubelet on the node, "
                + "wait until it is Ready at its old version, uncordon it unless it was cordoned before, then stop "
                + "(exit 1; exit 3 if the rollback fails)"
        ]
        let notes = [
            "wait-ready repeats its looks until two in a row, --verify-interval apart, show the node Ready with its "
                + "kubelet at the hop's version (control plane: its kube-apiserver pod Ready at that version and "
                + "/readyz ok), for up to \(KubectlCommands.goDuration(kubectl.nodeReadyTimeout)) (--node-ready-timeout)",
            "wait-ready (and the rollback's wait) also runs kubelet_status on the node every "
                + ExecutionSettings().kubeletStatusInterval.compactDescription + ", when the playbook "
                + "has it: a kubelet unit that failed, or that systemd restarted 3 times since the first look, ends "
                + "the wait at once (rollback; exit 3 during a rollback), and kubelet_logs adds the kubelet's last "
                + "journal lines to the message",
        ]
        return ExecutionScript(commands: cursor.commands, rollback: rollback, notes: notes)
    }

    private func prepare(_ hop: UpgradePlan.Hop, kubectl: KubectlCommands, into cursor: inout Cursor) throws {
        for step in hop.preparation {
            switch step.action {
            case .preflight:
                append(local: kubectl.readCluster(), hop: hop, node: nil, action: .preflight, into: &cursor)
                try appendPreflight(hop, into: &cursor)
            case .stage:
                for node in hop.nodes {
                    for list in PlaybookStep.steps(for: .stage, role: role(of: node)) {
                        try append(list, node: node, hop: hop, action: .stage, into: &cursor)
                    }
                }
            case .etcdSnapshot:
                guard let first = hop.nodes.first(where: { role(of: $0) == .controlPlane }) else { continue }
                try append(.etcdSnapshot, node: first, hop: hop, action: .etcdSnapshot, into: &cursor)
            default:
                continue
            }
        }
    }

    /// Pre-flight over ssh for the hop: ssh and sudo, free disk, certificates on control-plane nodes, and
    /// the hop's versions on the first control-plane node.
    private func appendPreflight(_ hop: UpgradePlan.Hop, into cursor: inout Cursor) throws {
        guard let preflight else { return }
        for node in hop.nodes {
            let reach = preflight.reach(node.host).map { [$0] } ?? []
            let disk = try preflight.diskFree(node, hopVersion: hop.version, preview: true).map { [$0] } ?? []
            let certificates =
                node.clusterRole == .controlPlane
                ? try preflight.step(.certExpiration, node, hopVersion: hop.version, preview: true) : []
            for (step, commands) in [(nil, reach + disk), (PlaybookStep.certExpiration, certificates)] {
                for command in commands { append(command, step: step, node: node, hop: hop, into: &cursor) }
            }
        }
        guard let first = firstControlPlane, preflight.factory.connections[first.host] != nil else { return }
        let node =
            hop.nodes.first { $0.host == first.host }
            ?? UpgradePlan.NodeUpgrade(
                order: 0, host: first.host, node: first.nodeName, role: ClusterRoles.Role.controlPlane.rawValue,
                from: hop.version, batch: nil, steps: [])
        for step in [PlaybookStep.discoverVersions, .componentVersions] {
            for command in try preflight.step(step, node, hopVersion: hop.version, preview: true) {
                append(command, step: step, node: node, hop: hop, into: &cursor)
            }
        }
    }

    private func append(
        _ command: HostCommandFactory.HostCommand, step: PlaybookStep?, node: UpgradePlan.NodeUpgrade,
        hop: UpgradePlan.Hop, into cursor: inout Cursor
    ) {
        cursor.commands.append(
            ScriptedCommand(
                number: cursor.commands.count + 1, hop: hop.number, node: node.node, host: node.host,
                action: .preflight, playbookStep: step?.rawValue, location: .host, line: command.shownLine,
                argv: Self.shownArgv(command.command)))
    }

    private func upgrade(
        _ node: UpgradePlan.NodeUpgrade, in hop: UpgradePlan.Hop, kubectl: KubectlCommands, into cursor: inout Cursor
    ) throws {
        let role = role(of: node)
        for step in node.steps {
            switch step.action {
            case .drain:
                append(local: kubectl.drain(node.node), hop: hop, node: node.node, action: .drain, into: &cursor)
            case .waitReady:
                // The executor polls these until two looks in a row show the node up (NodeReadiness).
                var checks = [kubectl.getNode(node.node)]
                if role == .controlPlane { checks += [kubectl.getAPIServerPod(node.node), kubectl.readyz()] }
                for check in checks {
                    append(local: check, hop: hop, node: node.node, action: .waitReady, into: &cursor)
                }
                // Looked at every few seconds beside them, when the playbook has the step.
                try append(.kubeletStatus, node: node, hop: hop, action: .waitReady, into: &cursor)
            case .healthCheck:
                guard let healthCheck else { continue }
                let command = Command("/bin/sh", ["-c", healthCheck], timeout: hostCommands.stepTimeout)
                append(local: command, hop: hop, node: node.node, action: .healthCheck, into: &cursor)
            case .uncordon:
                append(local: kubectl.uncordon(node.node), hop: hop, node: node.node, action: .uncordon, into: &cursor)
            default:
                for list in PlaybookStep.steps(for: step.action, role: role) {
                    try append(list, node: node, hop: hop, action: step.action, into: &cursor)
                }
            }
        }
    }

    private func role(of node: UpgradePlan.NodeUpgrade) -> ClusterRoles.Role { node.clusterRole }

    private func append(
        local command: Command, hop: UpgradePlan.Hop, node: String?, action: StepAction, into cursor: inout Cursor
    ) {
        cursor.commands.append(
            ScriptedCommand(
                number: cursor.commands.count + 1, hop: hop.number, node: node, host: nil, action: action,
                playbookStep: nil, location: .local, line: command.displayLine, argv: Self.shownArgv(command)))
    }

    /// The playbook's command lines for `step` on the node's host, each through the host's transport.
    private func append(
        _ step: PlaybookStep, node: UpgradePlan.NodeUpgrade, hop: UpgradePlan.Hop, action: StepAction,
        into cursor: inout Cursor
    ) throws {
        for hostCommand in try hostCommands.commands(step, node: node, hopVersion: hop.version, preview: true) {
            cursor.commands.append(
                ScriptedCommand(
                    number: cursor.commands.count + 1, hop: hop.number, node: node.node, host: node.host,
                    action: action, playbookStep: step.rawValue, location: .host, line: hostCommand.shownLine,
                    argv: Self.shownArgv(hostCommand.command)))
        }
    }

    /// The argv with the arguments the command marks secret replaced, as its display line shows them.
    static func shownArgv(_ command: Command) -> [String] {
        [command.executable]
            + command.arguments.enumerated().map { command.secretArguments.contains($0.offset) ? "***" : $0.element }
    }
}
