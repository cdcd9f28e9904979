import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `--batch auto` through the planner: budgets of every shape measured from the cluster's pods and
/// PodDisruptionBudgets, zones from node labels or `k8sup_zone`, capacity from requests and
/// allocatable, and the plan's text and JSON.
@Suite struct AutoBatchPlanTests {
    /// Three control-plane nodes and `count` workers at v1.29.15 (the plan goes to v1.30.4), workers in
    /// zone a unless `zone` says otherwise, each with 4 CPU allocatable when `cpu` is set.
    func cluster(workers count: Int, zone: (Int) -> String? = { _ in "a" }, cpu: Int? = nil) -> PlanFixture {
        var fixture = PlanFixture.uniform("v1.29.15", workers: count)
        for index in fixture.nodes.indices where !fixture.nodes[index].hasControlPlaneLabel {
            let number = Int(fixture.nodes[index].name.dropFirst("worker-".count)) ?? 0
            fixture.nodes[index].zone = zone(number)
            fixture.nodes[index].allocatable = cpu.map { ResourceAmounts(cpuMillis: $0, memoryBytes: 1 << 34) }
        }
        for index in fixture.nodes.indices where fixture.nodes[index].hasControlPlaneLabel {
            fixture.nodes[index].repelsPods = true
        }
        fixture.options.autoBatch = AutoBatchOptions(maxUnavailable: .percent(100))
        return fixture
    }

    /// Pods of one workload on the given workers, `app=<app>`, owned by `owner`, each requesting `cpu`.
    func place(
        _ app: String, on workers: [Int], owner: String = "ReplicaSet", cpu: Int = 0, in fixture: inout PlanFixture
    ) {
        for (offset, worker) in workers.enumerated() {
            let name = owner == "StatefulSet" ? "\(app)-\(offset)" : "\(app)-\(worker)x\(offset)"
            fixture.pods.append(
                ClusterPod(
                    namespace: "default", name: name, nodeName: "worker-\(worker)", labels: ["app": app],
                    controllerKind: owner, controllerName: app, requests: ResourceAmounts(cpuMillis: cpu)))
        }
    }

    func workerBatches(_ plan: UpgradePlan, hop: Int = 0) -> [[String]] {
        plan.hops[hop].batches?.map(\.nodes) ?? []
    }

    @Test func maxUnavailableAsAPercentageLetsAQuarterOfThePodsGoAtOnce() throws {
        var fixture = cluster(workers: 9)
        place("web", on: Array(1...8), in: &fixture)
        // maxUnavailable 25% of 8 pods: 2 may be down at once.
        fixture.addBudget(
            "default", "web", app: "web", maxUnavailable: .percent(25), healthy: 8, desired: 6, allowed: 2, expected: 8)
        let plan = try fixture.plan()
        #expect(
            workerBatches(plan) == [
                ["worker-1"], ["worker-2", "worker-3", "worker-9"], ["worker-4", "worker-5"], ["worker-6", "worker-7"],
                ["worker-8"],
            ])
        let notes = try #require(plan.hops[0].batches?[2].reasons)
        #expect(notes.map(\.node) == ["worker-4", "worker-5"])
        #expect(notes.first?.reason == "pdb default/web allows 2: worker-2, worker-3 and worker-4 hold web pods")
        #expect(plan.checks("pdb.waits-for-replacements").isEmpty)
    }

    @Test func minAvailableLeavesTheDifferenceToDisrupt() throws {
        var fixture = cluster(workers: 6)
        place("api", on: [2, 3, 4, 5, 6], in: &fixture)
        fixture.addBudget(
            "default", "api", app: "api", minAvailable: .count(3), healthy: 5, desired: 3, allowed: 2, expected: 5)
        let plan = try fixture.plan()
        #expect(
            workerBatches(plan) == [["worker-1"], ["worker-2", "worker-3"], ["worker-4", "worker-5"], ["worker-6"]])
    }

    @Test func aStatefulSetUnderMaxUnavailableOneGoesOneReplicaAtATime() throws {
        var fixture = cluster(workers: 4)
        place("db", on: [1, 2, 3], owner: "StatefulSet", in: &fixture)
        fixture.addBudget(
            "default", "db", app: "db", maxUnavailable: .count(1), healthy: 3, desired: 2, allowed: 1, expected: 3)
        let plan = try fixture.plan()
        #expect(workerBatches(plan) == [["worker-1"], ["worker-2", "worker-4"], ["worker-3"]])
        #expect(
            plan.hops[0].nodes.map(\.node) == ["cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-4", "worker-3"])
        #expect(plan.hops[0].nodes.compactMap(\.batch) == [1, 2, 2, 3])
    }

    @Test func podsWithoutABudgetDoNotHoldWorkersApart() throws {
        var fixture = cluster(workers: 5)
        place("cache", on: [1, 2, 3, 4, 5], in: &fixture)
        let plan = try fixture.plan()
        #expect(workerBatches(plan) == [["worker-1"], ["worker-2", "worker-3", "worker-4", "worker-5"]])
    }

    @Test func aCapacityBoundClusterSplitsBatchesByTheRoomLeft() throws {
        // 4 CPU per worker, 3 requested on each: 1 CPU free per worker. Draining k workers needs 3k CPU and
        // leaves 6 − k free: one worker at a time.
        var fixture = cluster(workers: 6, cpu: 4000)
        for worker in 1...6 { place("job\(worker)", on: [worker], cpu: 3000, in: &fixture) }
        let plan = try fixture.plan()
        #expect(workerBatches(plan) == (1...6).map { ["worker-\($0)"] })
        let note = try #require(plan.hops[0].batches?[2].reasons.first)
        #expect(note.kind == "capacity")
        #expect(note.reason == "capacity: pod default/job3-3x0 needs 3 CPU, 1 CPU free at most on one node")
    }

    @Test func freeRoomInPiecesSmallerThanAPodKeepsItsWorkersApart() throws {
        // 4 CPU per worker. worker-1 has 2 CPU free; workers 2–5 each run a 2 CPU web pod and a 0.5 CPU
        // fill pod, 1.5 CPU free. Draining worker-2 and worker-3 together needs 5 CPU and leaves exactly
        // 5 free, but only worker-1 can take a 2 CPU pod: the second web pod would stay Pending.
        var fixture = cluster(workers: 5, cpu: 4000)
        place("base", on: [1], cpu: 2000, in: &fixture)
        place("web", on: [2, 3, 4, 5], cpu: 2000, in: &fixture)
        place("fill", on: [2, 3, 4, 5], cpu: 500, in: &fixture)
        let plan = try fixture.plan()
        #expect(workerBatches(plan) == (1...5).map { ["worker-\($0)"] })
        let note = try #require(plan.hops[0].batches?[2].reasons.first)
        #expect(note.node == "worker-3")
        #expect(note.kind == "capacity")
        #expect(note.reason == "capacity: pod default/web-3x1 needs 2 CPU, 1.5 CPU free at most on one node")
    }

    @Test func zonesComeFromTheLabelElseTheInventoryElseOneZone() throws {
        var fixture = cluster(workers: 6, zone: { $0 <= 2 ? "eu-1a" : nil })
        var inputs = try fixture.inputs()
        inputs.zones = ["worker-3": "eu-1b", "worker-4": "eu-1b", "worker-1": "ignored-label-wins"]
        let plan = try Planner.plan(inputs)
        let batches = try #require(plan.hops[0].batches)
        #expect(
            batches.map(\.nodes) == [["worker-1"], ["worker-2"], ["worker-3", "worker-4"], ["worker-5", "worker-6"]])
        #expect(batches.map(\.zone) == ["eu-1a", "eu-1a", "eu-1b", "none"])
        #expect(batches[3].reasons.map(\.reason) == ["zone none", "zone none"])
        fixture.options.autoBatch?.acrossZones = true
        #expect(try workerBatches(fixture.plan()) == [["worker-1"], (2...6).map { "worker-\($0)" }])
    }

    @Test func maxUnavailableIsTakenOfTheHopsWorkers() throws {
        var fixture = cluster(workers: 10)
        fixture.options.autoBatch = AutoBatchOptions()
        let plan = try fixture.plan()
        #expect(plan.hops[0].maxUnavailableNodes == 2)
        #expect(workerBatches(plan).map(\.count) == [1, 2, 2, 2, 2, 1])
        #expect(plan.hops[0].batches?[2].reasons.first?.reason == "max-unavailable 20% = 2")
        #expect(plan.autoBatch == UpgradePlan.AutoBatch(maxUnavailable: "20%", acrossZones: false))
    }

    @Test func theDrainChecksSimulateTheBatchesAsPacked() throws {
        var fixture = cluster(workers: 3)
        fixture.addPod("default", "solo", app: "solo", on: "worker-2", owner: nil, emptyDir: true)
        let plan = try fixture.plan()
        // Bare pods and emptyDir still warn as with fixed batches.
        #expect(plan.checks("pod.bare").map(\.nodes) == [["worker-2"]])
        #expect(plan.checks("pod.emptydir").map(\.nodes) == [["worker-2"]])
    }

    @Test func theTextPlanShowsAShortLinePerBatchAndVerboseEveryReason() throws {
        var fixture = cluster(workers: 5, zone: { $0 <= 3 ? "a" : "b" })
        place("web", on: [2, 3], in: &fixture)
        fixture.addBudget(
            "default", "web", app: "web", maxUnavailable: .count(1), healthy: 2, desired: 1, allowed: 1, expected: 2)
        let plan = try fixture.plan()
        let text = PlanTextRenderer.render(plan, colour: false)
        #expect(text.contains("workers in batches packed by --batch auto (max-unavailable 100%, one zone at a time)"))
        #expect(text.contains("workers in 4 batches (--batch auto, at most 5 down at once):"))
        #expect(text.contains("  1. zone a, 1 worker: worker-1 (the first batch goes alone)\n"))
        #expect(text.contains("  2. zone a, 1 worker: worker-2\n"))
        #expect(text.contains("  3. zone a, 1 worker: worker-3; held back by pdb default/web (1)\n"))
        #expect(text.contains("  4. zone b, 2 workers: worker-4, worker-5\n"))
        #expect(!text.contains("worker-3: pdb default/web allows 1"))
        let verbose = PlanTextRenderer.render(plan, colour: false, verbose: true)
        #expect(verbose.contains("worker-3: pdb default/web allows 1: worker-2 and worker-3 both hold web pods"))
        #expect(verbose.contains("worker-4: zone b"))
    }

    @Test func theJSONPlanCarriesTheBatchesAndTheirReasonsAndFollowsTheSchema() throws {
        var fixture = cluster(workers: 4)
        place("web", on: [2, 3], in: &fixture)
        fixture.addBudget(
            "default", "web", app: "web", maxUnavailable: .count(1), healthy: 2, desired: 1, allowed: 1, expected: 2)
        let plan = try fixture.plan()
        let json = PlanJSON.encode(plan)
        #expect(json.contains(#""kind" : "pdb""#))
        #expect(json.contains(#""autoBatch" : {"#))
        let document = try #require(try DataFiles.parse(json, file: "plan.json"))
        let problems = try PlanSchema.upgradePlan().validate(document)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try PlanJSON.decode(json) == plan)
        // The summary keeps its fields.
        #expect(plan.summary.nodeUpgrades == 7 && plan.summary.outcome == "ready")
    }
}
