import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// A k8sim inventory as `Inventories/sim` would be: `ansible_ssh_executable` naming the state
/// directory's ssh stand-in, and the layout's `playbookVariables`. Loaded with k8sup's own inventory
/// code, its connections and vars run a worker's whole upgrade through the stand-ins.
@Suite(.serialized) struct SimInventoryTests {
    /// The inventory text for the harness's nodes.
    static func inventory(_ harness: SimNodeHarness) -> String {
        let vars = harness.layout.playbookVariables.sorted { $0.key < $1.key }
            .map { "    \($0.key): \($0.value)\n" }.joined()
        let hosts = harness.nodes.map { "    \($0.name):\n      ansible_host: \($0.address)\n" }.joined()
        let controlPlanes = harness.nodes.filter(\.controlPlane).map { "        \($0.name):\n" }.joined()
        let workers = harness.nodes.filter { !$0.controlPlane }.map { "        \($0.name):\n" }.joined()
        return """
            all:
              vars:
                ansible_user: ubuntu
                ansible_become: true
                ansible_ssh_executable: \(harness.state)/bin/ssh
                k8sup_playbook: \(harness.layout.playbookName)
            \(vars)  hosts:
            \(hosts)  children:
                kube_control_plane:
                  hosts:
            \(controlPlanes)    kube_node:
                  hosts:
            \(workers)    etcd:
                  hosts:
            \(controlPlanes)    k8s_cluster:
                  children:
                    kube_control_plane:
                    kube_node:

            """
    }

    @Test(arguments: [SandboxLayout.apt, .kubespray])
    func aWorkerUpgradesThroughTheInventorysConnection(layout: SandboxLayout) async throws {
        let harness = try SimNodeUpgradeTests.harness(layout)
        let file = harness.state + "/hosts.yaml"
        try Self.inventory(harness).write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try InventoryLoader().load(sources: [file])
        let roles = try ClusterRoles(loaded)
        #expect(roles.nodes.map(\.host).sorted() == ["cp-1", "worker-1"])
        let connection = try #require(try HostConnection.all(loaded)["worker-1"])
        let variables = VariableResolver(loaded).hostVariables("worker-1")
        let playbook = try #require(PlaybookCatalog.builtin(variables["k8sup_playbook"]?.stringValue ?? ""))
        var context = PlaybookContext(
            target: SimNodeUpgradeTests.target, from: SimNodeUpgradeTests.from, node: "worker-1", host: "worker-1",
            role: .worker, hostVariables: variables)
        let transport = SSHTransport(controlDirectory: harness.state + "/ssh")
        let steps: [PlaybookStep] = [
            .stage, .discoverVersions, .backupKubelet, .upgradeKubeadm, .upgradeWorker, .upgradeKubelet,
            .restartKubelet,
        ]
        for step in steps {
            for line in try playbook.render(step, context: context) {
                let command = transport.command(line, on: connection, timeout: .seconds(120))
                let result = try await ProcessRunner().run(command)
                #expect(result.exitStatus == 0, "\(step): \(line)\n\(result.stdout)\(result.stderr)")
                guard result.exitStatus == 0 else { return }
                if step == .discoverVersions {
                    context.runtime["package_version"] = result.stdout.split(separator: "\n").last.map(String.init)
                }
            }
        }
        #expect(harness.cluster.node("worker-1")?.kubeletVersion == "v1.30.4")
        #expect(harness.cluster.node("worker-1")?.ready == true)
    }
}
