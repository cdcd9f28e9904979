import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// When nodes left behind stop the upgrade before its target (`version.stops-early`) or keep it from
/// starting (`version.blocked-by-limit`): the check names those nodes, and its fix fits each of them —
/// cluster nodes outside the inventory are added to it or upgraded separately, inventory nodes `--limit`
/// leaves out are included in `--limit`.
@Suite struct PlanStopsEarlyTests {
    /// Three control-plane nodes and three workers at v1.28.6, target v1.32.5: four hops if nothing holds
    /// the control plane back.
    private func cluster() -> PlanFixture {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.inventoryTarget = "v1.32.5"
        return fixture
    }

    @Test func aNodeOutsideTheInventoryIsToldToJoinItNotToChangeTheLimit() throws {
        var fixture = cluster()
        fixture.addWorker("worker-9", "v1.28.6", inInventory: false)
        let plan = try fixture.plan()
        #expect(plan.hopVersions == ["v1.29.15", "v1.30.14", "v1.31.14"])
        #expect(plan.summary.stopsAt == "v1.31.14")
        let warning = try #require(plan.checks("version.stops-early").first)
        #expect(warning.nodes == ["worker-9"])
        #expect(warning.message.contains("kubelets on worker-9 (v1.28.6) would be too far behind a v1.32"))
        #expect(
            warning.fix
                == "worker-9 is not in the inventory, so k8sup never upgrades it: add it to the inventory (kube_node) "
                + "or upgrade it separately first, then plan again")
    }

    @Test func inventoryNodesLeftOutByLimitAreNamedWithALimitThatIncludesThem() throws {
        var fixture = cluster()
        fixture.limitHosts = ["cp-1", "cp-2", "cp-3"]
        let plan = try fixture.plan()
        #expect(plan.summary.stopsAt == "v1.31.14")
        let warning = try #require(plan.checks("version.stops-early").first)
        #expect(warning.nodes == ["worker-1", "worker-2", "worker-3"])
        // Every worker is left out, so the suggestion names the role rather than each host.
        #expect(
            warning.fix
                == "worker-1, worker-2 and worker-3 are in the inventory but --limit cp-1,cp-2,cp-3 leaves them out: "
                + "include them (--limit cp-1,cp-2,cp-3,workers) or run without --limit")
    }

    @Test func whenBothCasesApplyTheFixSaysWhichNodesNeedWhat() throws {
        var fixture = cluster()
        fixture.addWorker("worker-9", "v1.28.6", inInventory: false)
        fixture.limitHosts = ["cp-1", "cp-2", "cp-3", "worker-2", "worker-3"]
        let plan = try fixture.plan()
        let warning = try #require(plan.checks("version.stops-early").first)
        #expect(warning.nodes == ["worker-1", "worker-9"])
        let sentences = warning.fix.split(separator: "; ").map(String.init)
        #expect(sentences.count == 2)
        #expect(
            sentences.first
                == "worker-1 is in the inventory but --limit cp-1,cp-2,cp-3,worker-2,worker-3 leaves it out: "
                + "include it (--limit cp-1,cp-2,cp-3,worker-2,worker-3,worker-1) or run without --limit")
        #expect(sentences.last?.hasPrefix("worker-9 is not in the inventory") == true)
    }

    @Test func manyLeftOutHostsOfOneRoleAreIncludedByTheRoleName() throws {
        var fixture = PlanFixture.uniform("v1.28.6", workers: 8)
        fixture.inventoryTarget = "v1.32.5"
        fixture.limitHosts = ["cp-1", "cp-2", "cp-3", "worker-1"]
        let warning = try #require(try fixture.plan().checks("version.stops-early").first)
        #expect(warning.nodes.count == 7)
        #expect(warning.fix.hasPrefix("worker-2, worker-3, worker-4, worker-5 and 3 more are in the inventory"))
        #expect(warning.fix.contains("(--limit cp-1,cp-2,cp-3,worker-1,workers)"))
    }

    @Test func aLimitWithAnExclusionIsNotWidenedByAppending() throws {
        var fixture = cluster()
        fixture.limitHosts = ["cp-1", "cp-2", "cp-3"]
        var inputs = try fixture.inputs()
        inputs.limit = "all:!workers"
        let warning = try #require(try Planner.plan(inputs).checks("version.stops-early").first)
        #expect(
            warning.fix.contains(
                "are in the inventory but --limit 'all:!workers' leaves them out: change --limit so that it selects "
                    + "them or run without --limit"))
    }

    @Test func aControlPlaneNodeLeftOutIsNamedByHost() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.limitHosts = ["cp-1", "cp-2"]
        let warning = try #require(try fixture.plan().checks("version.stops-early").first)
        #expect(warning.nodes == ["cp-3"])
        #expect(warning.fix.contains("cp-3 is in the inventory but --limit cp-1,cp-2 leaves it out"))
        #expect(warning.fix.contains("include it (--limit cp-1,cp-2,cp-3)"))
    }

    @Test func limitWorkersIsBlockedByTheControlPlaneItLeavesOut() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.limitHosts = ["worker-1", "worker-2", "worker-3"]
        let plan = try fixture.plan()
        let blocker = try #require(plan.checks("version.blocked-by-limit").first)
        #expect(blocker.message.hasPrefix("nothing in --limit worker-1,worker-2,worker-3 can be upgraded to v1.29.15"))
        #expect(blocker.nodes == ["cp-1", "cp-2", "cp-3"])
        #expect(blocker.fix.contains("include them (--limit worker-1,worker-2,worker-3,masters)"))
        #expect(blocker.fix.contains("or upgrade the control plane first (k8sup apply --limit masters)"))
        #expect(plan.summary.stopsAt == nil)
    }

    @Test func aControlPlaneNodeOutsideTheInventoryBlocksWithoutBlamingLimit() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.29.15")
        fixture.addControlPlane("cp-9", "v1.28.6", inInventory: false)
        fixture.addWorker("worker-1", "v1.29.15")
        let plan = try fixture.plan()
        #expect(plan.hops.isEmpty)
        let blocker = try #require(plan.checks("version.blocked-by-limit").first)
        #expect(blocker.message.hasPrefix("no node can be upgraded to v1.30.4: kube-apiserver on cp-9 (v1.28.6)"))
        #expect(blocker.nodes == ["cp-9"])
        #expect(
            blocker.fix
                == "cp-9 is not in the inventory, so k8sup never upgrades it: add it to the inventory "
                + "(kube_control_plane) or upgrade it separately first, then plan again")
    }

    @Test func workersThatCannotFollowTheLastHopsControlPlaneStopItPartway() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.limitHosts = ["cp-1", "cp-2", "worker-1", "worker-2", "worker-3"]
        let plan = try fixture.plan()
        #expect(plan.nodeOrder == [["cp-1", "cp-2"]])
        #expect(plan.summary.stopsAt == "v1.29.15")
        let warning = try #require(plan.checks("version.stops-early").first)
        #expect(
            warning.message.hasPrefix(
                "the upgrade stops after the control plane of hop 1 (v1.29.15), before v1.30.4: workers cannot go"))
        #expect(warning.nodes == ["cp-3"])
        #expect(warning.fix.contains("cp-3 is in the inventory but --limit"))
    }

    @Test func aPlanThatReachesItsTargetHasNoStop() throws {
        let plan = try PlanFixture.uniform("v1.28.6").plan()
        #expect(plan.summary.stopsAt == nil)
        #expect(!plan.checkIDs.contains("version.stops-early"))
    }
}
