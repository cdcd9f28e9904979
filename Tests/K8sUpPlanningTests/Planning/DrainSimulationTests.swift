import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The PDB cases that hung real drains (as operators reported them) and the ones that only slow them.
@Suite struct DrainSimulationTests {
    /// Three control-plane nodes and three workers at v1.29.3, upgrading to v1.30.4 (one hop).
    func fixture() -> PlanFixture { PlanFixture.uniform("v1.29.3") }

    @Test func istioSingleReplicaWithMinAvailableOneHangsTheDrain() throws {
        var fixture = fixture()
        fixture.addPod("istio-system", "istiod-6f7b9c-x2x7q", app: "istiod", on: "worker-2")
        fixture.addBudget(
            "istio-system", "istiod", app: "istiod", minAvailable: .count(1),
            healthy: 1, desired: 1, allowed: 0, expected: 1)
        let plan = try fixture.plan()
        let blocker = try #require(plan.checks("pdb.never-allows").first)
        #expect(blocker.severity == .blocker)
        #expect(blocker.message.hasPrefix("PodDisruptionBudget istio-system/istiod (minAvailable 1) covers 1 pod(s)"))
        #expect(blocker.nodes == ["worker-2"])
        #expect(blocker.objects == ["pdb/istio-system/istiod", "pod/istio-system/istiod-6f7b9c-x2x7q"])
        #expect(plan.summary.outcome == "blocked")
    }

    @Test func maxUnavailableZeroNeverAllowsADisruption() throws {
        var fixture = fixture()
        fixture.addPod("db", "pg-0", app: "pg", on: "worker-1", owner: "StatefulSet")
        fixture.addPod("db", "pg-1", app: "pg", on: "worker-2", owner: "StatefulSet")
        fixture.addBudget(
            "db", "pg", app: "pg", maxUnavailable: .count(0), healthy: 2, desired: 2, allowed: 0, expected: 2)
        let blocker = try #require(try fixture.plan().checks("pdb.never-allows").first)
        #expect(blocker.nodes == ["worker-1", "worker-2"])
        #expect(blocker.message.contains("(maxUnavailable 0)"))
    }

    @Test func unhealthyElasticsearchWithNoDisruptionsAllowedHangsDrainsOfItsHealthyPods() throws {
        var fixture = fixture()
        fixture.addPod("logging", "es-0", app: "es", on: "worker-1", owner: "StatefulSet")
        fixture.addPod("logging", "es-1", app: "es", on: "worker-2", ready: false, owner: "StatefulSet")
        fixture.addPod("logging", "es-2", app: "es", on: "worker-3", owner: "StatefulSet")
        fixture.addBudget(
            "logging", "elasticsearch", app: "es", maxUnavailable: .count(1),
            healthy: 2, desired: 2, allowed: 0, expected: 3)
        let plan = try fixture.plan()
        let blocker = try #require(plan.checks("pdb.no-disruptions-allowed").first)
        #expect(blocker.message.contains("allows 0 disruptions now: 2 of 3 pods healthy, 2 needed"))
        // es-1 itself is not Ready and the budget is satisfied, so the Eviction API deletes it freely:
        // only the drains of the healthy pods' nodes hang.
        #expect(blocker.nodes == ["worker-1", "worker-3"])
        #expect(blocker.fix.contains("unhealthyPodEvictionPolicy: AlwaysAllow"))
    }

    @Test func anUnreadyPodUnderABrokenBudgetBlocksUnlessTheBudgetAlwaysAllows() throws {
        var fixture = fixture()
        fixture.addPod("app", "queue-0", app: "queue", on: "worker-1", ready: false, owner: "StatefulSet")
        fixture.addPod("app", "queue-1", app: "queue", on: "worker-2", ready: false, owner: "StatefulSet")
        fixture.addBudget(
            "app", "queue", app: "queue", minAvailable: .count(1), healthy: 0, desired: 1, allowed: 0,
            expected: 2)
        #expect(try fixture.plan().checks("pdb.no-disruptions-allowed").first?.message.contains("not Ready") == true)
        fixture.budgets[0].unhealthyPodEvictionPolicy = .alwaysAllow
        #expect(try fixture.plan().checks.filter { $0.id.hasPrefix("pdb.") }.isEmpty)
    }

    /// The unready pods a blocked budget names are found once for the whole plan (not per drain window):
    /// only the budget's own, in the cluster's order, and the same finding for every window it blocks.
    @Test func aBlockedBudgetNamesItsOwnUnreadyPodsOnceAcrossDrainWindows() throws {
        var fixture = fixture()
        fixture.addPod("other", "es-9", app: "es", on: "worker-1", ready: false, owner: "StatefulSet")
        fixture.addPod("logging", "es-0", app: "es", on: "worker-1", owner: "StatefulSet")
        fixture.addPod("logging", "es-1", app: "es", on: "worker-2", ready: false, owner: "StatefulSet")
        fixture.addPod("logging", "kibana-0", app: "kibana", on: "worker-2", ready: false, owner: "StatefulSet")
        fixture.addPod("logging", "es-2", app: "es", on: "worker-3", owner: "StatefulSet")
        fixture.addPod("logging", "es-3", app: "es", on: "worker-1", ready: false, owner: "StatefulSet")
        fixture.addBudget(
            "logging", "elasticsearch", app: "es", maxUnavailable: .count(1),
            healthy: 2, desired: 3, allowed: 0, expected: 4)
        let blockers = try fixture.plan().checks("pdb.no-disruptions-allowed")
        #expect(blockers.count == 1)
        let blocker = try #require(blockers.first)
        #expect(blocker.message.contains("2 of 4 pods healthy, 3 needed (logging/es-1, logging/es-3 not Ready)"))
        #expect(blocker.nodes == ["worker-1", "worker-2", "worker-3"])
        #expect(blocker.objects.contains("pod/logging/es-3"))
        #expect(!blocker.objects.contains("pod/other/es-9"))
    }

    @Test func twoPodsOfABudgetAllowingOneOnOneNodeWaitForAReplacement() throws {
        var fixture = fixture()
        fixture.addPod("shop", "web-1", app: "web", on: "worker-1")
        fixture.addPod("shop", "web-2", app: "web", on: "worker-1")
        fixture.addPod("shop", "web-3", app: "web", on: "worker-3")
        fixture.addBudget(
            "shop", "web", app: "web", minAvailable: .count(2), healthy: 3, desired: 2, allowed: 1, expected: 3)
        let plan = try fixture.plan()
        let warning = try #require(plan.checks("pdb.waits-for-replacements").first)
        #expect(warning.severity == .warning)
        #expect(warning.nodes == ["worker-1"])
        #expect(plan.summary.outcome == "ready")
    }

    @Test func batchesPutPodsOfOneBudgetOnSeveralNodesIntoTheSameDrainWindow() throws {
        var fixture = fixture()
        fixture.addPod("shop", "api-1", app: "api", on: "worker-1")
        fixture.addPod("shop", "api-2", app: "api", on: "worker-2")
        fixture.addBudget(
            "shop", "api", app: "api", maxUnavailable: .count(1), healthy: 2, desired: 1, allowed: 1, expected: 2)
        #expect(try fixture.plan().checks("pdb.waits-for-replacements").isEmpty)
        fixture.options.batchSize = 2
        #expect(try fixture.plan().checks("pdb.waits-for-replacements").first?.nodes == ["worker-1", "worker-2"])
    }

    @Test func aPodUnderTwoBudgetsIsRefusedByTheEvictionAPI() throws {
        var fixture = fixture()
        fixture.addPod("shop", "cart-1", app: "cart", on: "worker-3")
        fixture.addBudget(
            "shop", "cart", app: "cart", maxUnavailable: .count(1), healthy: 2, desired: 1, allowed: 1, expected: 2)
        fixture.budgets.append(
            DisruptionBudget(
                namespace: "shop", name: "everything", selector: LabelSelector(), maxUnavailable: .percent(50),
                currentHealthy: 5, desiredHealthy: 2, disruptionsAllowed: 3, expectedPods: 5))
        let blocker = try #require(try fixture.plan().checks("pdb.multiple-budgets").first)
        #expect(
            blocker.message.contains("shop/cart-1 is selected by 2 PodDisruptionBudgets (shop/cart, shop/everything)"))
        #expect(blocker.nodes == ["worker-3"])
    }

    @Test func drainsIgnoreDaemonSetMirrorFinishedAndPendingPodsAndOtherNamespaces() throws {
        var fixture = fixture()
        fixture.addPod("ops", "agent-x", app: "agent", on: "worker-1", owner: "DaemonSet")
        fixture.addPod("ops", "done-job", app: "agent", on: "worker-1", owner: "Job", phase: .succeeded)
        fixture.addPod("ops", "starting", app: "agent", on: "worker-1", phase: .pending)
        fixture.addPod("other", "agent-y", app: "agent", on: "worker-1")
        fixture.addBudget(
            "ops", "agent", app: "agent", maxUnavailable: .count(0), healthy: 1, desired: 1, allowed: 0, expected: 1)
        #expect(try fixture.plan().checks.filter { $0.id.hasPrefix("pdb.") }.isEmpty)
    }

    @Test func aBlockerFoundInEveryHopIsReportedOnceWithAllHops() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.addPod("istio-system", "istiod-1", app: "istiod", on: "worker-2")
        fixture.addBudget(
            "istio-system", "istiod", app: "istiod", minAvailable: .count(1),
            healthy: 1, desired: 1, allowed: 0, expected: 1)
        let blockers = try fixture.plan().checks("pdb.never-allows")
        #expect(blockers.count == 1)
        #expect(blockers.first?.hops == [1, 2])
    }

    @Test func nodesThatAreNotDrainedDoNotCount() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.30.4")
        fixture.addWorker("worker-1", "v1.30.4")
        fixture.addWorker("worker-2", "v1.29.8")
        fixture.addPod("istio-system", "istiod-1", app: "istiod", on: "worker-1")
        fixture.addBudget(
            "istio-system", "istiod", app: "istiod", minAvailable: .count(1),
            healthy: 1, desired: 1, allowed: 0, expected: 1)
        #expect(try fixture.plan().checks("pdb.never-allows").isEmpty)
    }

    @Test func barePodsAndEmptyDirDataAreWarnedAbout() throws {
        var fixture = fixture()
        fixture.addPod("default", "debug-shell", app: "debug", on: "worker-1", owner: nil)
        fixture.addPod("cache", "redis-0", app: "redis", on: "worker-2", owner: "StatefulSet", emptyDir: true)
        let plan = try fixture.plan()
        #expect(plan.checks("pod.bare").first?.objects == ["pod/default/debug-shell"])
        #expect(plan.checks("pod.emptydir").first?.nodes == ["worker-2"])
        #expect(plan.summary.outcome == "ready")
    }

    @Test func aStaleBudgetStatusIsAWarning() throws {
        var fixture = fixture()
        fixture.addPod("shop", "api-1", app: "api", on: "worker-1")
        fixture.addBudget(
            "shop", "api", app: "api", maxUnavailable: .count(1), healthy: 2, desired: 1, allowed: 1, expected: 2)
        fixture.budgets[0].generation = 3
        fixture.budgets[0].observedGeneration = 2
        #expect(try fixture.plan().checks("pdb.stale-status").first?.severity == .warning)
    }
}
