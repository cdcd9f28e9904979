import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// Pre-flight over ssh for `plan` and `apply` on a live cluster: connects the plan's hosts (and the first
/// control-plane host) the way `apply` will, runs `PreflightProbe` `--forks` hosts at a time through the
/// planning's retrying runner (a refused connection is tried again before a host counts as
/// unreachable), and says on standard error how long it took. `apply` runs it again before each later hop.
struct PreflightGathering: Sendable {
    let probe: PreflightProbe?
    /// Why the probe could not be built (bad connection vars, an unknown playbook, an unusable ssh
    /// directory); then every check over ssh is reported as not run, with this reason.
    let problem: String?
    let firstControlPlane: ClusterRoles.Node?
    let console: any Console

    init(
        loaded: LoadedInventory, roles: ClusterRoles, plan: UpgradePlan, request: PlanningRequest,
        console: any Console, runner: any CommandRunning
    ) {
        self.console = console
        firstControlPlane = roles.controlPlane.first
        let planned = plan.hops.flatMap { $0.nodes.map(\.host) }
        let hosts = Array(Set(planned + (roles.controlPlane.first.map { [$0.host] } ?? []))).sorted()
        do {
            let connections = try HostConnection.all(loaded, hosts: hosts)
            let variables = VariableResolver(loaded).allHostVariables(hosts)
            let playbooks = try ApplySettings.playbooks(
                for: hosts, variables: variables, override: request.playbook)
            let transport = SSHTransport(
                controlDirectory: Self.controlDirectory(
                    StateDirectory.resolve(explicit: request.stateDirectory, inventory: loaded)))
            try transport.prepareControlDirectory()
            let factory = HostCommandFactory(
                playbooks: playbooks, connections: connections, hostVariables: variables, transport: transport,
                stepTimeout: request.stepTimeout)
            probe = PreflightProbe(
                commands: PreflightCommands(factory: factory), runner: runner, forks: request.forks)
            problem = nil
        } catch {
            probe = nil
            problem = ErrorText.describe(error)
        }
    }

    /// The state directory's own ssh directory once `apply` has created the state directory; before that
    /// (a first `plan`) the private fallback under /tmp for the same state directory, so that pre-flight
    /// writes nothing beside the inventory.
    static func controlDirectory(_ stateDirectory: String) -> String {
        let absolute = ApplySettings.absolute(stateDirectory)
        guard FileManager.default.fileExists(atPath: absolute) else {
            return ControlSocketNames.fallbackDirectory(stateDirectory: absolute)
        }
        return ApplySettings.controlDirectory(stateDirectory: stateDirectory)
    }

    /// The facts for `plan`; says on standard error how many hosts answered and how long it took.
    func gather(for plan: UpgradePlan) async -> PreflightFacts {
        guard let probe else {
            return PreflightFacts(notRun: ["every check over ssh: \(problem ?? "no connection to the nodes")"])
        }
        let started = Date()
        let facts = await probe.gather(for: plan, firstControlPlane: firstControlPlane)
        guard !facts.hosts.isEmpty else { return facts }
        let elapsed = ProgressPrinter.seconds(Date().timeIntervalSince(started))
        let unreachable = facts.hosts.values.filter { $0.reach != .reachable }.count
        console.writeError(
            "k8sup: pre-flight over ssh: \(facts.hosts.count) host(s), \(probe.forks) at a time, in \(elapsed)"
                + (unreachable > 0 ? "; \(unreachable) did not answer (see node.unreachable)" : "") + "\n")
        return facts
    }
}
