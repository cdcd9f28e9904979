import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity
import Testing

/// A simulated cluster for the stand-in tests: a `FakeNodeCluster` behind a real `HTTPServer`, node
/// sandboxes in a temporary state directory with its `k8sim.json` and `bin/ssh` link, and the playbook
/// lines run exactly as k8sup runs them: `SSHTransport`'s ssh command, through `ProcessRunner`.
package final class SimNodeHarness: @unchecked Sendable {
    /// A node of the simulated cluster: name, the address the inventory reaches it at, role.
    package struct NodeSpec {
        package init(name: String, address: String, controlPlane: Bool) {
            self.name = name
            self.address = address
            self.controlPlane = controlPlane
        }

        package var name: String
        package var address: String
        package var controlPlane: Bool
    }

    package let state: String
    package let layout: SandboxLayout
    package let cluster: FakeNodeCluster
    package let server: HTTPServer
    package let nodes: [NodeSpec]
    package let from: KubeVersion

    /// The `k8sim` built next to the test bundle.
    package static let executable: String? = BinaryRunner.builtProduct("k8sim")

    /// The k8sim executable was not built next to the tests.
    package struct ExecutableMissing: Error {
        package init() {}
    }

    package init(layout: SandboxLayout, from: KubeVersion, nodes: [NodeSpec]) throws {
        guard let executable = Self.executable else { throw ExecutableMissing() }
        self.layout = layout
        self.from = from
        self.nodes = nodes
        state = FileManager.default.temporaryDirectory.appendingPathComponent("k8sim-node-\(UUID().uuidString)").path
        cluster = FakeNodeCluster(version: from.description)
        server = try HTTPServer(handler: cluster)
        server.start()
        var entries: [String: SimStateFile.NodeEntry] = [:]
        for node in nodes {
            let sandbox = state + "/nodes/" + node.name
            try NodeSandbox.create(
                at: sandbox, node: node.name, version: try #require(SimVersion(from.description)), layout: layout,
                controlPlane: node.controlPlane,
                executable: executable)
            cluster.addNode(node.name, controlPlane: node.controlPlane, version: from.description)
            let entry = SimStateFile.NodeEntry(node: node.name, sandbox: sandbox)
            entries[node.name] = entry
            entries[node.address] = entry
        }
        let file = SimStateFile(url: server.url, nodes: entries, executable: executable)
        try JSONEncoder().encode(file).write(to: URL(fileURLWithPath: state + "/" + SimStateFile.fileName))
        try NodeSandbox.linkStandIns(["ssh"], in: state + "/bin", executable: executable)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(atPath: state)
    }

    package func sandbox(_ node: String) -> String { state + "/nodes/" + node }

    package func spec(_ node: String) throws -> NodeSpec {
        try #require(nodes.first { $0.name == node })
    }

    /// Runs one remote line on `node` through the ssh stand-in, as k8sup would.
    package func run(_ line: String, on node: String, address: String? = nil) async throws -> CommandResult {
        let spec = try spec(node)
        let connection = HostConnection(
            host: node, address: address ?? spec.address, user: "ubuntu", sshExecutable: state + "/bin/ssh")
        let command = SSHTransport(controlDirectory: state + "/ssh").command(
            line, on: connection, timeout: .seconds(120))
        return try await ProcessRunner().run(command)
    }

    /// The playbook context of `node` for a hop to `target`, with this layout's sandbox vars.
    package func context(
        _ node: String, target: KubeVersion, runtime: [String: String] = [:], vars: [String: String] = [:]
    )
        throws -> PlaybookContext
    {
        let spec = try spec(node)
        var values: [String: DataValue] = [:]
        for (name, value) in layout.playbookVariables.merging(vars, uniquingKeysWith: { $1 }) {
            values[name] = .string(value)
        }
        return PlaybookContext(
            target: target, from: from, node: node, host: node, role: spec.controlPlane ? .controlPlane : .worker,
            hostVariables: mapping(values), runtime: runtime)
    }

    /// Runs a step's lines on `node`, stopping at the first failure as k8sup does; returns every result.
    package func runStep(_ step: PlaybookStep, on node: String, context: PlaybookContext) async throws
        -> [CommandResult]
    {
        let playbook = try #require(PlaybookCatalog.builtin(layout.playbookName))
        var results: [CommandResult] = []
        for line in try playbook.render(step, context: context) {
            let result = try await run(line, on: node)
            results.append(result)
            if result.exitStatus != 0 { break }
        }
        return results
    }

    /// Runs a step and records an issue naming the failed line's output when it fails.
    @discardableResult
    package func expectStep(
        _ step: PlaybookStep, on node: String, context: PlaybookContext,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> [CommandResult] {
        let results = try await runStep(step, on: node, context: context)
        if let failed = results.last, failed.exitStatus != 0 {
            Issue.record(
                "\(step) failed on \(node) (exit \(failed.exitStatus)):\n\(failed.stdout)\n\(failed.stderr)",
                sourceLocation: sourceLocation)
        }
        return results
    }
}
