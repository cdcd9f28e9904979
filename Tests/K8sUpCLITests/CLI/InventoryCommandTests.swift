import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `k8sup inventory` behaviour beyond the Ansible oracle: aliases, roles, and refusals.
@Suite struct InventoryCommandTests {
    let sample = TestPaths.inventories + "/sample"

    @Test(arguments: [
        ("masters", ["cp-1", "cp-2", "cp-3"]),
        ("control-plane", ["cp-1", "cp-2", "cp-3"]),
        ("workers:!worker-5", ["worker-1", "worker-2", "worker-3", "worker-4"]),
        ("nodes[0],masters[-1]", ["cp-3", "worker-1"]),
    ])
    func operatorAliasesSelectRoles(limit: String, hosts: [String]) async {
        let result = await runK8sup(["inventory", "-i", sample, "--list-hosts", "--limit", limit])
        #expect(result.code == .ok, "\(result.error)")
        #expect(result.output == HostListRenderer.listHosts(hosts))
    }

    @Test func repeatedLimitsAreJoinedAsAUnion() async {
        let result = await runK8sup(["inventory", "-i", sample, "--list-hosts", "-l", "cp-2", "-l", "worker-1"])
        #expect(result.output == HostListRenderer.listHosts(["cp-2", "worker-1"]))
    }

    @Test func limitFilesHoldOnePatternPerLine() async throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "worker-3\n  masters[0]  \n\n".write(toFile: root + "/canary.txt", atomically: true, encoding: .utf8)
        let result = await runK8sup(["inventory", "-i", sample, "--list-hosts", "--limit", "@\(root)/canary.txt"])
        #expect(result.code == .ok, "\(result.error)")
        #expect(result.output == HostListRenderer.listHosts(["cp-1", "worker-3"]))
    }

    @Test func aPatternThatMatchesNothingIsBadInput() async {
        let result = await runK8sup(["inventory", "-i", sample, "--list-hosts", "--limit", "all:!worker-9"])
        #expect(result.code == .dataError)
        #expect(
            result.error
                == "k8sup: error: host pattern 'all:!worker-9': '!worker-9' matches no host or group in the inventory\n"
        )
    }

    @Test func rolesListNodesInUpgradeOrderWithNodeNames() async {
        let result = await runK8sup(["inventory", "-i", sample, "--roles", "--limit", "cp-1,worker-5"])
        #expect(result.code == .ok)
        #expect(
            result.output == """
                HOST      NODE NAME              ROLE                   ETCD
                cp-1      cp-1                   control-plane (first)  yes
                worker-5  worker-5.prod.example  worker                 no
                3 control-plane, 5 worker node(s) (control-plane group 'kube_control_plane')

                """)
    }

    @Test func graphShowsOnlyTheLimitedHosts() async {
        let result = await runK8sup(["inventory", "-i", sample, "--graph", "kube_node", "--limit", "worker-2"])
        #expect(result.output == "@kube_node:\n  |--worker-2\n")
    }

    @Test func graphOfAnUnknownGroupIsAUsageError() async {
        let result = await runK8sup(["inventory", "-i", sample, "--graph", "kube_nodes"])
        #expect(result.code == .usage)
        #expect(result.error.contains("--graph needs a group name; 'kube_nodes' is not a group in the inventory"))
    }

    @Test func hostOfAnUnknownHostIsBadInput() async {
        let result = await runK8sup(["inventory", "-i", sample, "--host", "worker-9"])
        #expect(result.code == .dataError)
        #expect(result.error.contains("there is no host 'worker-9'"))
    }

    @Test func varsOnlyGoesWithGraph() async {
        let result = await runK8sup(["inventory", "-i", sample, "--list", "--vars"])
        #expect(result.code == .usage)
        #expect(result.error.contains("--vars only works with --graph"))
    }

    @Test func warningsGoToStandardErrorAndTheListStillPrints() async {
        let result = await runK8sup(["inventory", "-i", TestPaths.fixtures + "/Inventories/dir-mixed", "--list"])
        #expect(result.code == .ok)
        #expect(result.error.hasPrefix("k8sup: warning: skipped "))
        #expect(result.output.hasPrefix("{\n    \"_meta\": {"))
    }
}
