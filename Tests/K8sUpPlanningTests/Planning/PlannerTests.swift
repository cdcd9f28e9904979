import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct PlannerTests {
    @Test func aTwoMinorUpgradeHasOneHopPerMinorWithTheBuiltInPatchInBetween() throws {
        let plan = try PlanFixture.uniform("v1.28.6").plan()
        #expect(plan.hopVersions == ["v1.29.15", "v1.30.4"])
        #expect(plan.hops[0].versionSource == "k8sup's built-in release table (2026-08-21)")
        #expect(plan.hops[1].versionSource == "target")
        #expect(plan.nodeOrder[0] == ["cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-3"])
        #expect(plan.summary.outcome == "ready")
        #expect(plan.summary.nodeUpgrades == 12)
    }

    @Test func onlyTheFirstControlPlaneNodeRunsUpgradeApplyAndBeforeItsDrain() throws {
        let plan = try PlanFixture.uniform("v1.29.3").plan()
        let actions = plan.hops[0].nodes.map { $0.steps.map(\.action) }
        #expect(actions[0].contains(.kubeadmUpgradeApply))
        #expect(
            actions.dropFirst().allSatisfy { !$0.contains(.kubeadmUpgradeApply) && $0.contains(.kubeadmUpgradeNode) })
        let first = actions[0]
        #expect(try #require(first.firstIndex(of: .kubeadmUpgradeApply)) < (try #require(first.firstIndex(of: .drain))))
        #expect(try #require(first.firstIndex(of: .drain)) < (try #require(first.firstIndex(of: .upgradeKubelet))))
        #expect(first.last == .uncordon)
    }

    @Test func viaAndTheInventoryChoosePatchVersionsBeforeTheTable() throws {
        var fixture = PlanFixture.uniform("v1.27.3")
        fixture.options.via = [KubeVersion(1, 28, 9)]
        fixture.inventoryVia = ["v1.29.10"]
        let plan = try fixture.plan()
        #expect(plan.hopVersions == ["v1.28.9", "v1.29.10", "v1.30.4"])
        #expect(plan.hops.map(\.versionSource) == ["--via", "k8sup_via (inventory)", "target"])
    }

    @Test func aViaOutsideThePathIsRefused() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.options.via = [KubeVersion(1, 31, 2)]
        #expect(
            throws: PlanError.badVia(
                "--via v1.31.2 is not between v1.28 and v1.30, the minors this upgrade passes through")
        ) {
            try fixture.plan()
        }
    }

    @Test func aPatchUpgradeIsOneHopAtTheSameMinor() throws {
        let plan = try PlanFixture.uniform("v1.30.1").plan()
        #expect(plan.hopVersions == ["v1.30.4"])
        #expect(plan.hops[0].nodes.first?.steps.contains { $0.action == .kubeadmUpgradeApply } == true)
    }

    @Test func aClusterAlreadyAtTheTargetHasNothingToDo() throws {
        let plan = try PlanFixture.uniform("v1.30.4").plan()
        #expect(plan.hops.isEmpty)
        #expect(plan.summary.outcome == "nothing-to-do")
    }

    @Test func aHalfFinishedUpgradeSkipsUpgradedNodesAndDoesNotRepeatUpgradeApply() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.30.4")
        fixture.addControlPlane("cp-2", "v1.30.4")
        fixture.addControlPlane("cp-3", "v1.29.8")
        fixture.addWorker("worker-1", "v1.30.4")
        fixture.addWorker("worker-2", "v1.29.8")
        let plan = try fixture.plan()
        #expect(plan.hopVersions == ["v1.30.4"])
        #expect(plan.nodeOrder == [["cp-3", "worker-2"]])
        #expect(plan.hops[0].skipped.map(\.node) == ["cp-1", "cp-2", "worker-1"])
        #expect(plan.hops[0].nodes[0].steps.contains { $0.action == .kubeadmUpgradeNode })
        #expect(!plan.hops[0].nodes.contains { $0.steps.contains { $0.action == .kubeadmUpgradeApply } })
    }

    @Test func workersLaggingTwoMinorsBehindTheControlPlaneCatchUpOneMinorAtATime() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.30.4")
        fixture.addWorker("worker-1", "v1.28.6")
        fixture.addWorker("worker-2", "v1.30.4")
        let plan = try fixture.plan()
        #expect(plan.hopVersions == ["v1.29.15", "v1.30.4"])
        #expect(plan.nodeOrder == [["worker-1"], ["worker-1"]])
        #expect(plan.hops[0].preparation.contains { $0.action == .etcdSnapshot } == false)
    }

    @Test func limitMastersGoesAsFarAsTheWaitingWorkersAllowAndWarns() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.inventoryTarget = "v1.32.5"
        fixture.limitHosts = ["cp-1", "cp-2", "cp-3"]
        let plan = try fixture.plan()
        #expect(plan.hopVersions == ["v1.29.15", "v1.30.14", "v1.31.14"])
        #expect(plan.nodeOrder.allSatisfy { $0 == ["cp-1", "cp-2", "cp-3"] })
        let warning = try #require(plan.checks("version.stops-early").first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("stops at v1.31.14, before v1.32.5"))
        #expect(warning.message.contains("worker-1 (v1.28.6)"))
        #expect(plan.summary.outcome == "ready")
    }

    @Test func limitWorkersCannotPassTheControlPlane() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.limitHosts = ["worker-1", "worker-2", "worker-3"]
        let plan = try fixture.plan()
        #expect(plan.hops.isEmpty)
        let blocker = try #require(plan.checks("version.blocked-by-limit").first)
        #expect(blocker.message.contains("a kubelet must not be newer than the kube-apiserver"))
        #expect(blocker.fix.contains("--limit masters"))
        #expect(plan.summary.outcome == "blocked")
    }

    @Test func limitWorkersFollowsAControlPlaneThatIsAhead() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.30.4")
        fixture.addWorker("worker-1", "v1.29.8")
        fixture.limitHosts = ["worker-1"]
        let plan = try fixture.plan()
        #expect(plan.nodeOrder == [["worker-1"]])
        #expect(!plan.checkIDs.contains("version.blocked-by-limit"))
    }

    @Test func leavingOutTheFirstControlPlaneNodeIsRefused() throws {
        var fixture = PlanFixture.uniform("v1.29.3")
        fixture.limitHosts = ["cp-2"]
        let plan = try fixture.plan()
        #expect(plan.hops.isEmpty)
        #expect(
            plan.checks("version.blocked-by-limit").first?.message.contains("first control-plane node, cp-1") == true)
    }

    @Test func aControlPlaneNodeLeftTwoMinorsBehindIsRefused() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.limitHosts = ["cp-1", "cp-2"]
        let plan = try fixture.plan()
        #expect(plan.hopVersions == ["v1.29.15"])
        #expect(plan.checks("version.stops-early").first?.message.contains("kube-apiserver on cp-3 (v1.28.6)") == true)
    }

    @Test func downgradesAndTargetsOlderThanAKubeletAreBlocked() throws {
        var downgrade = PlanFixture.uniform("v1.30.4")
        downgrade.inventoryTarget = "v1.29.8"
        let refused = try downgrade.plan()
        #expect(refused.checkIDs.contains("version.downgrade"))
        #expect(refused.hops.isEmpty && refused.summary.outcome == "blocked")

        var olderThanKubelet = PlanFixture()
        olderThanKubelet.addControlPlane("cp-1", "v1.30.4")
        olderThanKubelet.addWorker("worker-1", "v1.30.6")
        let blocked = try olderThanKubelet.plan()
        #expect(blocked.checkIDs.contains("version.target-older-than-kubelet"))
        #expect(blocked.checkIDs.contains("version.kubelet-newer-than-apiserver") == false)
    }

    @Test func existingSkewViolationsAreBlockers() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.30.4")
        fixture.addControlPlane("cp-2", "v1.28.6")
        fixture.addWorker("worker-1", "v1.31.0")
        fixture.inventoryTarget = "v1.31.0"
        let plan = try fixture.plan()
        #expect(plan.checkIDs.contains("version.apiserver-skew"))
        #expect(plan.checkIDs.contains("version.kubelet-newer-than-apiserver"))
    }

    @Test func minorsOutsideTheBuiltInTableNeedVia() throws {
        var fixture = PlanFixture.uniform("v1.36.4")
        fixture.inventoryTarget = "v1.38.1"
        let plan = try fixture.plan()
        #expect(
            plan.checks("version.no-patch-known").first?.message.hasPrefix("no patch version is known for v1.37")
                == true)
        fixture.options.via = [KubeVersion(1, 37, 2)]
        #expect(try fixture.plan().hopVersions == ["v1.37.2", "v1.38.1"])
    }

    @Test func batchesGroupWorkersAndShareDrainWindows() throws {
        var fixture = PlanFixture.uniform("v1.29.3", workers: 5)
        fixture.options.batchSize = 2
        let plan = try fixture.plan()
        #expect(plan.hops[0].nodes.compactMap(\.batch) == [1, 1, 2, 2, 3])
    }

    @Test func aNotReadyControlPlaneNodeBlocksAndACordonedWorkerStaysCordoned() throws {
        var fixture = PlanFixture()
        fixture.addControlPlane("cp-1", "v1.29.3")
        fixture.addControlPlane("cp-2", "v1.29.3", ready: false)
        fixture.addWorker("worker-1", "v1.29.3", cordoned: true)
        let plan = try fixture.plan()
        #expect(plan.checks("node.control-plane-not-ready").first?.nodes == ["cp-2"])
        #expect(plan.checks("node.cordoned").first?.severity == .warning)
        let worker = try #require(plan.hops.first?.nodes.first { $0.node == "worker-1" })
        #expect(worker.steps.last?.action == .keepCordoned)
    }

    @Test func nodesOnlyOnOneSideAreReportedAndADifferentClusterIsRefused() throws {
        var fixture = PlanFixture.uniform("v1.29.3", workers: 1)
        fixture.workers.append("worker-9")
        fixture.addWorker("stray", "v1.29.3", inInventory: false)
        let plan = try fixture.plan()
        #expect(plan.checks("node.not-in-cluster").first?.nodes == ["worker-9"])
        #expect(plan.checks("node.not-in-inventory").first?.nodes == ["stray"])

        var other = PlanFixture()
        other.controlPlane = ["cp-1"]
        other.addWorker("elsewhere", "v1.29.3", inInventory: false)
        #expect(throws: PlanError.differentCluster(inventoryNodes: ["cp-1"], clusterNodes: ["elsewhere"])) {
            try other.plan()
        }
    }

    @Test func noTargetIsAnErrorAndABadInventoryVersionNamesTheVariable() throws {
        var fixture = PlanFixture.uniform("v1.29.3")
        fixture.inventoryTarget = nil
        #expect(throws: PlanError.noTarget) { try fixture.plan() }
        fixture.inventoryTarget = "latest"
        #expect { try fixture.plan() } throws: { "\($0)".hasPrefix("the inventory's kube_version 'latest' is not") }
    }

    @Test func theControlPlaneVersionFallsBackToTheLiveServerVersion() throws {
        var fixture = PlanFixture.uniform("v1.29.3")
        fixture.pods.removeAll { $0.isAPIServer }
        #expect(try fixture.plan().checkIDs.contains("version.control-plane-unknown"))
        fixture.live = LiveFacts(serverVersion: KubeVersion(1, 29, 3))
        let plan = try fixture.plan()
        #expect(plan.current.controlPlane == "v1.29.3")
        #expect(plan.hopVersions == ["v1.30.4"])
    }
}
