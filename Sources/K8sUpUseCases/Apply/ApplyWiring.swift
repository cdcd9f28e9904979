import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import PythonParity

/// What `apply` (dry run or real) builds from a plan before it runs anything: each host's connection,
/// resolved vars and playbook, the state directory, ssh and the kubectl calls. One place, so the dry
/// run shows exactly the commands the real run executes.
struct ApplyWiring {
    let connections: [String: HostConnection]
    let variables: [String: DataMapping]
    let stateDirectory: String
    let transport: SSHTransport
    let hostCommands: HostCommandFactory
    /// Pre-flight's read-only commands on the nodes, built as `plan` runs them.
    let preflight: PreflightCommands
    let kubectl: KubectlCommands
    /// Hides the values of secret-looking vars in everything shown or logged.
    let redactor: SecretRedactor

    /// - Parameter extraHosts: Hosts outside the plan that commands may run on (nodes an interrupted run
    ///   left half-upgraded, which are put back before the plan runs).
    init(
        session: PlanningSession, request: ApplyRequest, extraHosts: [String] = []
    ) throws {
        let planned = session.plan.hops.flatMap { $0.nodes.map(\.host) }
        let known = Set(session.loaded.inventory.hosts.keys)
        let hosts = Array(Set(planned + extraHosts.filter(known.contains))).sorted()
        connections = try HostConnection.all(session.loaded, hosts: hosts)
        variables = VariableResolver(session.loaded).allHostVariables(hosts)
        let playbooks = try ApplySettings.playbooks(
            for: hosts, variables: variables, override: request.planning.playbook)
        let settings = request.runSettings
        stateDirectory = StateDirectory.resolve(explicit: request.planning.stateDirectory, inventory: session.loaded)
        transport = SSHTransport(controlDirectory: ApplySettings.controlDirectory(stateDirectory: stateDirectory))
        hostCommands = HostCommandFactory(
            playbooks: playbooks, connections: connections, hostVariables: variables, transport: transport,
            stepTimeout: settings.execution.stepTimeout)
        preflight = PreflightCommands(factory: hostCommands)
        kubectl = settings.kubectl(request.planning.cluster, variables: variables[planned.first ?? hosts.first ?? ""])
        redactor = SecretRedactor(hostVariables: variables)
    }

    /// `worker-1 (ssh 10.0.0.5 as ubuntu)` for each planned node, for the dry run's listing.
    func routes(of plan: UpgradePlan) -> [String: String] {
        var routes: [String: String] = [:]
        for node in plan.hops.flatMap(\.nodes) {
            guard let connection = connections[node.host] else { continue }
            routes[node.node] = node.host + " (" + transport.description(of: connection) + ")"
        }
        return routes
    }
}
