import K8sUpPlanning
import Synchronization

/// A hop's work before any node changes: `stage` and `discover_versions` on every node of the hop,
/// `--forks` at a time, then the etcd snapshot on the first control-plane node. Returns the runtime
/// values each host's later steps need (`package_version`).
struct HopPreparation {
    let hop: UpgradePlan.Hop
    let tools: ExecutionTools

    func run() async throws -> [String: [String: String]] {
        let observer = tools.observer
        observer.record(ExecutionEvent(.stepStarted, hop: hop.number, version: hop.version, step: "stage"))
        let values = try await stageAll()
        observer.record(ExecutionEvent(.stepFinished, hop: hop.number, version: hop.version, step: "stage", ok: true))
        if hop.preparation.contains(where: { $0.action == .etcdSnapshot }),
            let first = hop.nodes.first(where: { $0.clusterRole == .controlPlane })
        {
            observer.record(
                ExecutionEvent(
                    .stepStarted, hop: hop.number, version: hop.version, node: first.node, step: "etcd-snapshot"))
            try await runSteps([.etcdSnapshot], as: .etcdSnapshot, on: first, runtime: values[first.host] ?? [:])
            observer.record(
                ExecutionEvent(
                    .stepFinished, hop: hop.number, version: hop.version, node: first.node, step: "etcd-snapshot",
                    ok: true))
        }
        return values
    }

    private func stageAll() async throws -> [String: [String: String]] {
        let nodes = hop.nodes
        let forks = max(1, tools.settings.forks)
        return try await withThrowingTaskGroup(of: (String, String).self) { tasks in
            var next = 0
            var values: [String: [String: String]] = [:]
            func startNext() {
                guard next < nodes.count else { return }
                let node = nodes[next]
                next += 1
                tasks.addTask { (node.host, try await stage(node)) }
            }
            for _ in 0..<min(forks, nodes.count) { startNext() }
            while let (host, version) = try await tasks.next() {
                values[host] = ["package_version": version]
                startNext()
            }
            return values
        }
    }

    /// Stages one node; returns what `discover_versions` printed last.
    private func stage(_ node: UpgradePlan.NodeUpgrade) async throws -> String {
        // One session: staging, then the version the packages will be installed at.
        let lines = try await runSteps([.stage, .discoverVersions], as: .stage, on: node, runtime: [:])
        guard let version = lines.last(where: { !$0.isEmpty }) else {
            throw ExecutionError.stepFailed(
                node: node.node, step: "finding the package version to install",
                failure: CommandFailure(
                    reason: "the playbook's discover_versions commands printed nothing; "
                        + "their last line must be the package version"))
        }
        return version
    }

    /// Runs the playbook steps on the node in one ssh session; returns the stdout lines of the last command.
    /// - Parameter action: The plan step they belong to (the progress lines' column).
    @discardableResult
    private func runSteps(
        _ steps: [PlaybookStep], as action: StepAction, on node: UpgradePlan.NodeUpgrade, runtime: [String: String]
    ) async throws -> [String] {
        let step = ExecutionEvent(
            .waiting, hop: hop.number, version: hop.version, node: node.node, host: node.host, step: action.rawValue)
        let commands = try steps.flatMap { playbookStep in
            try tools.hostCommands.commands(
                playbookStep, node: node, hopVersion: hop.version, runtime: runtime, preview: false)
        }
        let outputs = try await HostSession(tools: tools, node: node.node, host: node.host).run(
            commands, during: step, doing: action.activity)
        return (outputs.last ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
