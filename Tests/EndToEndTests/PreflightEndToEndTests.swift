import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// Pre-flight over ssh with the real k8sup and kubectl against k8sim: an unreachable node, a full disk or
/// an expired certificate stops `plan` and `apply` (exit 2) before anything changes; an expiring
/// certificate warns; a live plan shows the package version each hop installs and kubeadm's component
/// versions.
@Suite("pre-flight end to end", .serialized)
struct PreflightEndToEndTests {
    private func plan(_ cluster: ApplySim, _ extra: [String] = []) async throws -> BinaryRunner.Result {
        try await cluster.k8sup(["plan", "-i", cluster.inventory, "-i", cluster.sim.inventoryOverlayPath] + extra)
    }

    private func sandbox(_ cluster: ApplySim, _ node: String) -> String {
        cluster.sim.stateDirectory + "/nodes/" + node
    }

    @Test func anUnreachableFullOrExpiredNodeBlocksPlanAndApplyBeforeAnythingChanges() async throws {
        let cluster = try ApplySim()
        let before = try ["cp-1", "worker-1", "worker-2"].map { try SandboxState.load(sandbox: sandbox(cluster, $0)) }
        let cases: [(SimFault, String)] = [
            (
                .unreachable(node: "worker-2"),
                "✗ node.unreachable: worker-2: unreachable: ssh: connect to host 10.77.1.22 port 22: Connection timed out"
            ),
            (.node(.diskFull(node: "worker-1", freeMB: 100)), "✗ node.low-disk: worker-1: only 100 MB free on / (for "),
            (
                .node(.sudoFails(node: "worker-1")),
                "✗ node.unreachable: worker-1: sudo -n does not work for user ubuntu"
            ),
            (.node(.certsExpiring(node: "cp-1", daysLeft: -1)), "✗ cert.expired: cp-1: certificates admin.conf, "),
        ]
        // A short retry budget: an unreachable host is tried again for at most 2 s, not the probe's 15 s.
        let budget = ["--api-retry-budget", "2s"]
        for (fault, blocker) in cases {
            cluster.sim.cluster.faults = [fault]
            let plan = try await plan(cluster, budget)
            #expect(plan.status == 2, "\(fault): \(plan.error)")
            #expect(plan.output.contains(blocker), "\(plan.output)")
            #expect(plan.error.contains("k8sup: pre-flight over ssh: 3 host(s)"), "\(plan.error)")
            let apply = try await cluster.apply(budget)
            #expect(apply.status == 2, "\(fault): \(apply.error)")
            #expect(apply.output.contains(blocker))
            #expect(apply.error.contains("apply stopped before changing anything"), "\(apply.error)")
        }
        // Nothing changed: no node cordoned or upgraded, no journal, nothing staged on any node.
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.28.15", ready: true, cordoned: false) })
        #expect(try cluster.journalEntries.isEmpty)
        for (node, state) in zip(["cp-1", "worker-1", "worker-2"], before) {
            let now = try SandboxState.load(sandbox: sandbox(cluster, node))
            #expect(now == state && now.downloaded.isEmpty && now.repositoryMinor == "1.28", "\(node)")
        }
    }

    @Test func anExpiringCertificateWarnsAndTheLivePlanShowsWhatTheHopInstalls() async throws {
        let cluster = try ApplySim()
        cluster.sim.cluster.faults = [.node(.certsExpiring(node: "cp-1", daysLeft: 12))]
        // kubeadm of the hop's version is already on cp-1 (kubeadm's own procedure installs it first), so
        // kubeadm upgrade plan can tell the component versions; pre-flight itself installs nothing.
        let executable = try #require(SimNodeHarness.executable)
        try ToolFile(tool: "kubeadm", version: "v1.29.15").install(
            at: sandbox(cluster, "cp-1") + "/usr/bin/kubeadm", executable: executable)
        let text = try await plan(cluster)
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("! cert.expiring: cp-1: certificates admin.conf, "))
        #expect(text.output.contains("expire in 12 days"))
        #expect(text.output.contains("package: 1.29.15-1.1 (discover_versions on cp-1)"))
        #expect(
            text.output.contains(
                "components: etcd 3.5.9-0 → 3.5.10-0, CoreDNS v1.10.1 → v1.11.1, kube-proxy v1.28.15 → v1.29.15"))
        let json = try await plan(cluster, ["-o", "json"])
        let plan = try PlanJSON.decode(json.output)
        #expect(plan.preflight == UpgradePlan.Preflight(live: true, hosts: 3, notRun: []))
        #expect(plan.hops.first?.discovered?.packageVersion == "1.29.15-1.1")
        #expect(plan.hops.first?.discovered?.components?.map(\.name) == ["etcd", "CoreDNS", "kube-proxy"])
        #expect(plan.checks.filter { $0.id == "cert.expiring" }.map(\.nodes) == [["cp-1"]])
        let document = try #require(try DataFiles.parse(json.output, file: "plan.json"))
        #expect(try PlanSchema.upgradePlan().validate(document).isEmpty)
    }
}
