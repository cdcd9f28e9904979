/// `k8sup apply`: runs the plan. In this release only `--dry-run` is available: it prints every command
/// the upgrade would run, in order, and changes nothing.
struct ApplyCommand: Subcommand {
    static let spec = CommandSpec(
        name: "apply",
        summary: "Upgrade the cluster as `k8sup plan` shows it (this release: --dry-run only).",
        synopsis: "[-i PATH]... --dry-run [-l PATTERN]... [--to VERSION] [--via VERSION]... [--batch N] "
            + "[--playbook NAME|FILE] [--snapshot FILE | --kubeconfig FILE --context NAME] [-o text|json]",
        discussion: """
            --dry-run prints every command in execution order — kubectl calls on this machine and the
            playbook's command lines on each host, with the step they belong to — and changes nothing.
            With --snapshot (or the inventory's k8sup_snapshot) it is fully offline; otherwise it only
            reads the cluster. Exit code 2 when the plan has blockers (apply would stop before changing
            anything), 0 otherwise.

            The playbook of a host is --playbook, else its var k8sup_playbook, else kubeadm-apt.
            Drain settings: --drain-timeout (default: the inventory's drain_timeout, else 5m),
            --drain-grace-period (default: drain_grace_period, else each pod's own).
            SSH connection sockets go under --state-dir/ssh (default: .k8sup beside the inventory).
            """,
        options: PlanningSession.options + [
            .flag("dry-run", help: "Print the commands in order and change nothing."),
            .value(
                "playbook", name: "NAME|FILE", help: "Playbook for every host (default: k8sup_playbook or kubeadm-apt)."
            ),
            .value(
                "state-dir", name: "DIR", help: "Where k8sup keeps its state (default: .k8sup beside the inventory)."),
            .value("drain-timeout", name: "DURATION", help: "How long a drain may take, e.g. 5m."),
            .value("drain-grace-period", name: "SECONDS", help: "Grace period for evicted pods."),
            .value(
                "node-ready-timeout", name: "DURATION", help: "How long to wait for a node to be Ready (default 10m)."),
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        guard arguments.flag("dry-run") else {
            throw UsageError(
                "this release of k8sup only previews an upgrade: add --dry-run to see every command it would run",
                command: spec.name)
        }
        let format = try PlanningSession.outputFormat(arguments, command: spec.name)
        let settings = try ApplySettings(arguments, command: spec.name)
        let session = try await PlanningSession.prepare(arguments, context: context, command: spec.name)
        let hosts = session.plan.hops.flatMap { $0.nodes.map(\.host) }
        let uniqueHosts = Array(Set(hosts)).sorted()
        let connections = try HostConnection.all(session.loaded, hosts: uniqueHosts)
        let variables = VariableResolver(session.loaded).allHostVariables(uniqueHosts)
        let playbooks = try ApplySettings.playbooks(
            for: uniqueHosts, variables: variables, override: arguments.value("playbook"))
        let stateDirectory = StateDirectory.resolve(explicit: settings.stateDirectory, inventory: session.loaded)
        let transport = SSHTransport(controlDirectory: ApplySettings.controlDirectory(stateDirectory: stateDirectory))
        let hostCommands = HostCommandFactory(
            playbooks: playbooks, connections: connections, hostVariables: variables, transport: transport,
            stepTimeout: .seconds(900))
        let script = try ScriptBuilder(
            plan: session.plan, hostCommands: hostCommands,
            kubectl: settings.kubectl(arguments, variables: variables[hosts.first ?? ""]),
            healthCheck: arguments.value("health-check")
        ).build()
        switch format {
        case .json:
            context.console.writeOutput(StableJSON.encode(script))
        case .text:
            var routes: [String: String] = [:]
            for node in session.plan.hops.flatMap(\.nodes) {
                guard let connection = connections[node.host] else { continue }
                routes[node.node] = node.host + " (" + transport.description(of: connection) + ")"
            }
            context.console.writeOutput(ScriptTextRenderer.render(script, plan: session.plan, routes: routes))
        }
        return session.plan.isBlocked ? .blocked : .ok
    }
}
