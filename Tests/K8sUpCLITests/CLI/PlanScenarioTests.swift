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

/// Whole plans from snapshot fixtures (Fixtures/Snapshots/plans, written by its generate.py) through
/// the CLI, decoder and planner together.
@Suite struct PlanScenarioTests {
    let fixtures = TestPaths.fixtures

    func plan(_ inventory: String, _ snapshot: String, _ extra: [String] = []) async throws -> (ExitCode, UpgradePlan) {
        let result = await runK8sup(
            [
                "plan", "-i", fixtures + "/Inventories/" + inventory, "--snapshot",
                fixtures + "/Snapshots/plans/" + snapshot, "-o", "json",
            ] + extra)
        return (result.code, try PlanJSON.decode(result.output))
    }

    @Test func theFieldNotesClusterIsBlockedByIstioAndTheUnhealthyElasticsearch() async throws {
        let (code, plan) = try await plan("field-notes/inventory.ini", "field-notes.json")
        #expect(code == .blocked)
        #expect(plan.hopVersions == ["v1.30.14", "v1.31.4"])
        #expect(plan.nodeOrder[0] == ["k1-master01", "k1-master02", "k1-master03", "k1-node01", "k1-node02"])
        #expect(
            plan.checks("pdb.never-allows").map { $0.objects[0] }
                == ["pdb/istio-system/istio-ingressgateway", "pdb/istio-system/istiod"])
        let elasticsearch = try #require(plan.checks("pdb.no-disruptions-allowed").first)
        #expect(elasticsearch.nodes == ["k1-master03", "k1-node01"])
        #expect(elasticsearch.message.contains("logging/elasticsearch-master-1 not Ready"))
    }

    @Test func theFieldNotesControlPlaneAloneIsNotBlockedByWorkerPods() async throws {
        let (code, plan) = try await plan("field-notes/inventory.ini", "field-notes.json", ["--limit", "masters"])
        #expect(plan.nodeOrder.allSatisfy { $0 == ["k1-master01", "k1-master02", "k1-master03"] })
        // elasticsearch-master-2 runs on k1-master03, so the control plane alone is still blocked by it.
        #expect(plan.checks("pdb.no-disruptions-allowed").first?.nodes == ["k1-master03"])
        #expect(plan.checks("pdb.never-allows").isEmpty)
        #expect(code == .blocked)
    }

    @Test func aHalfFinishedUpgradeContinuesWhereItStopped() async throws {
        let (code, plan) = try await plan("half-finished", "half-finished.json")
        #expect(code == .ok)
        #expect(plan.current.controlPlane == "v1.29.15")
        #expect(plan.nodeOrder == [["cp-2", "cp-3", "worker-1", "worker-2", "worker-3"]])
        #expect(plan.hops[0].skipped.map(\.node) == ["cp-1"])
        let actions = plan.hops[0].nodes.flatMap { $0.steps.map(\.action) }
        #expect(!actions.contains(.kubeadmUpgradeApply), "cp-1 already ran kubeadm upgrade apply")
        #expect(plan.hops[0].nodes.first { $0.node == "worker-2" }?.steps.last?.action == .keepCordoned)
        #expect(plan.checkIDs == ["node.cordoned"])
    }
}

@Suite struct PlanScopeTests {
    @Test func aLimitWithoutClusterNodesIsRefused() async {
        let result = await runK8sup(["plan", "-i", "Inventories/sample", "--limit", "bastion"])
        #expect(result.code == .dataError)
        #expect(result.error.contains("host pattern 'bastion': selects no control-plane or worker host"))
    }
}
