import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `--batch auto`'s packing rules on drain footprints: budgets, zones, max-unavailable, capacity, the
/// lone first batch, and the same answer for the same input.
@Suite struct BatchPackerTests {
    /// A worker whose drain replaces one pod per entry of `pods` (named `<name>/p0`, `<name>/p1`, …), or
    /// of `cpu` (CPU only, in millicores).
    func worker(
        _ name: String, zone: String = "a", budgets: [String: Int] = [:], cpu: [Int] = [],
        pods: [ResourceAmounts] = []
    ) -> DrainFootprint {
        let requests = pods + cpu.map { ResourceAmounts(cpuMillis: $0) }
        return DrainFootprint(
            node: name, zone: zone, charged: budgets,
            replaced: requests.enumerated().map { ReplacedPod(name: "\(name)/p\($0)", requests: $1) })
    }

    /// `rooms`: the free room of each node that takes pods, in cluster order; nil when no node reports
    /// allocatable.
    func packer(
        allowed: [String: Int] = [:], limit: Int = 100, setting: String = "100", acrossZones: Bool = false,
        rooms: [NodeRoom]? = nil
    ) -> BatchPacker {
        BatchPacker(
            ground: BatchingGround(allowed: allowed, rooms: rooms ?? [], capacityKnown: rooms != nil),
            limit: limit, limitSetting: setting, acrossZones: acrossZones)
    }

    /// Nodes with only CPU free (memory plenty), in millicores, in this order.
    func cpuRooms(_ rooms: [(String, Int)]) -> [NodeRoom] {
        rooms.map { NodeRoom(node: $0, free: ResourceAmounts(cpuMillis: $1, memoryBytes: 1 << 40)) }
    }

    @Test func theFirstBatchIsTheFirstWorkerAloneAndTheRestGoTogether() {
        let batches = packer().pack((1...5).map { worker("w\($0)") })
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w3", "w4", "w5"]])
        #expect(batches.allSatisfy { $0.reasons.isEmpty })
    }

    @Test func aBudgetAllowingOneKeepsItsPodsInSeparateBatchesAndSaysWhy() {
        let web = ["default/web": 1]
        let workers = [worker("w1"), worker("w3", budgets: web), worker("w5"), worker("w7", budgets: web)]
        let batches = packer(allowed: ["default/web": 1]).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w3", "w5"], ["w7"]])
        #expect(
            batches[2].reasons.map(\.reason) == [
                .budget(name: "default/web", allows: 1, holders: ["w3", "w7"])
            ])
        #expect(
            batches[2].reasons.first?.reason.description == "pdb default/web allows 1: w3 and w7 both hold web pods")
    }

    @Test func aBudgetSharedAcrossZonesConstrainsEachZonesBatches() {
        let web = ["default/web": 1]
        let workers = [
            worker("a1"), worker("a2", budgets: web), worker("a3", budgets: web),
            worker("b1", zone: "b", budgets: web), worker("b2", zone: "b", budgets: web), worker("b3", zone: "b"),
        ]
        let batches = packer(allowed: ["default/web": 1]).pack(workers)
        #expect(batches.map(\.nodes) == [["a1"], ["a2"], ["a3"], ["b1", "b3"], ["b2"]])
        #expect(batches.map(\.zone) == ["a", "a", "a", "b", "b"])
        #expect(batches[3].reasons.map(\.reason) == [.zone("b"), .zone("b")])
        #expect(batches[4].reasons.map(\.reason) == [.budget(name: "default/web", allows: 1, holders: ["b1", "b2"])])
    }

    @Test func zonesAreFinishedOneAfterAnotherInTheOrderTheyFirstAppear() {
        let workers = [
            worker("a1"), worker("b1", zone: "b"), worker("a2"), worker("c1", zone: "c"), worker("b2", zone: "b"),
        ]
        let batches = packer().pack(workers)
        #expect(batches.map(\.nodes) == [["a1"], ["a2"], ["b1", "b2"], ["c1"]])
        #expect(packer(acrossZones: true).pack(workers).map(\.nodes) == [["a1"], ["b1", "a2", "c1", "b2"]])
        #expect(packer(acrossZones: true).pack(workers).allSatisfy { $0.zone == nil })
    }

    @Test func maxUnavailableCapsEveryBatch() {
        let batches = packer(limit: 2, setting: "20%").pack((1...6).map { worker("w\($0)") })
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w3"], ["w4", "w5"], ["w6"]])
        #expect(batches[2].reasons.first?.reason.description == "max-unavailable 20% = 2")
    }

    @Test func aSingleBudgetOnEveryNodeAllowingOneForcesOneAtATime() {
        let all = ["shop/db": 1]
        let batches = packer(allowed: ["shop/db": 1]).pack((1...4).map { worker("w\($0)", budgets: all) })
        #expect(batches.map(\.nodes) == [["w1"], ["w2"], ["w3"], ["w4"]])
    }

    @Test func aBudgetAtZeroKeepsEveryNodeHoldingItsPodsApart() {
        let stuck = ["shop/db": 1]
        let workers = [worker("w1"), worker("w2", budgets: stuck), worker("w3", budgets: stuck), worker("w4")]
        let batches = packer(allowed: ["shop/db": 0]).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w4"], ["w3"]])
    }

    @Test func replacementsMustFitTheRoomLeftOnTheNodesThatStaySchedulable() {
        // 4 CPU free on each node; draining one needs a 3 CPU pod placed elsewhere. Two nodes drained
        // leave two nodes for two pods; three leave one node, with room for one of the three pods.
        let workers = (1...4).map { worker("w\($0)", cpu: [3000]) }
        let batches = packer(rooms: cpuRooms((1...4).map { ("w\($0)", 4000) })).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w3"], ["w4"]])
        #expect(
            batches[2].reasons.first?.reason.description
                == "capacity: pod w4/p0 needs 3 CPU, 1 CPU free at most on one node")
        #expect(batches[2].reasons.first?.reason.kind == "capacity")
    }

    @Test func roomInPiecesSmallerThanAPodSplitsTheBatchThoughTheSumsFit() {
        // 6.5 CPU free in all, 4 CPU needed by w2 and w3 together, but only s1 can take a 2 CPU pod.
        let rooms = cpuRooms([("w1", 0), ("w2", 0), ("w3", 0), ("s1", 2000), ("s2", 1500), ("s3", 1500), ("s4", 1500)])
        let workers = [worker("w1"), worker("w2", cpu: [2000]), worker("w3", cpu: [2000])]
        let batches = packer(rooms: rooms).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2"], ["w3"]])
        #expect(
            batches[2].reasons.map(\.reason) == [
                .capacity(pod: "w3/p0", resource: "cpu", requested: "2 CPU", free: "1.5 CPU")
            ])
        #expect(
            batches[2].reasons.first?.reason.description
                == "capacity: pod w3/p0 needs 2 CPU, 1.5 CPU free at most on one node")
    }

    @Test func podsThatFillTheRoomExactlyStillGoTogether() {
        // 1 + 2 + 2 CPU into 3 + 2: largest first, a 2 CPU pod on s1, the other on s2, the 1 CPU pod on
        // s1; spread, the 1 CPU pod on s1, then a 2 CPU pod on each node. Nothing left either way.
        let rooms = cpuRooms([("s1", 3000), ("s2", 2000)])
        let workers = [worker("w1"), worker("w2", cpu: [1000, 2000]), worker("w3", cpu: [2000])]
        #expect(packer(rooms: rooms).pack(workers).map(\.nodes) == [["w1"], ["w2", "w3"]])
        // One millicore more than the room and the last worker goes alone.
        let over = [worker("w1"), worker("w2", cpu: [1000, 2000]), worker("w3", cpu: [2001])]
        #expect(packer(rooms: rooms).pack(over).map(\.nodes) == [["w1"], ["w2"], ["w3"]])
    }

    @Test func cpuAndMemoryMustBothFitOnTheSameNode() {
        let gib = 1 << 30
        // CPU is plenty everywhere; memory: 1 GiB on s1, 3 GiB on s2 (4 GiB in all, 3.5 GiB needed).
        let rooms = [
            NodeRoom(node: "s1", free: ResourceAmounts(cpuMillis: 4000, memoryBytes: gib)),
            NodeRoom(node: "s2", free: ResourceAmounts(cpuMillis: 4000, memoryBytes: 3 * gib)),
        ]
        let workers = [
            worker("w1"), worker("w2", pods: [ResourceAmounts(cpuMillis: 1000, memoryBytes: 2 * gib)]),
            worker("w3", pods: [ResourceAmounts(cpuMillis: 1000, memoryBytes: 3 * gib / 2)]),
        ]
        let batches = packer(rooms: rooms).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2"], ["w3"]])
        #expect(
            batches[2].reasons.first?.reason.description
                == "capacity: pod w3/p0 needs 1.5Gi memory, 1Gi memory free at most on one node")
        // Each resource free somewhere, never both on one node.
        let apart = [
            NodeRoom(node: "s1", free: ResourceAmounts(cpuMillis: 4000, memoryBytes: gib)),
            NodeRoom(node: "s2", free: ResourceAmounts(cpuMillis: 1000, memoryBytes: 8 * gib)),
        ]
        let big = ReplacedPod(name: "shop/web-3", requests: ResourceAmounts(cpuMillis: 2000, memoryBytes: 2 * gib))
        let misfits = ReplacementFit.misfits(of: [big], in: apart, scale: ResourceAmounts(cpuMillis: 5000))
        #expect(
            misfits.map(\.reason.description) == [
                "capacity: pod shop/web-3 needs 2 CPU and 2Gi memory, no node has both free"
            ])
    }

    @Test func theLargestPodsArePlacedFirstWhateverTheOrderTheyCameIn() {
        // In the order given, 1 CPU would take s1 and leave no node for 3 CPU; largest first, both fit.
        let rooms = cpuRooms([("s1", 3000), ("s2", 1000)])
        let pods = [
            ReplacedPod(name: "a/small", requests: ResourceAmounts(cpuMillis: 1000)),
            ReplacedPod(name: "a/large", requests: ResourceAmounts(cpuMillis: 3000)),
        ]
        #expect(ReplacementFit.misfits(of: pods, in: rooms, scale: ResourceAmounts(cpuMillis: 4000)).isEmpty)
        // Three equal pods for two places: the same one is left over in any order (names break ties).
        let equal = (1...3).map { ReplacedPod(name: "a/p\($0)", requests: ResourceAmounts(cpuMillis: 1000)) }
        let two = cpuRooms([("s1", 1000), ("s2", 1000)])
        let scale = ResourceAmounts(cpuMillis: 2000)
        #expect(ReplacementFit.misfits(of: equal, in: two, scale: scale).map(\.pod) == ["a/p3"])
        #expect(ReplacementFit.misfits(of: equal.reversed(), in: two, scale: scale).map(\.pod) == ["a/p3"])
        let workers = (1...8).map { worker("w\($0)", cpu: [1000 * ($0 % 3 + 1)]) }
        let packing = packer(rooms: cpuRooms((1...8).map { ("w\($0)", 2500) }))
        #expect(packing.pack(workers) == packing.pack(workers))
    }

    @Test func aBatchWhosePodsAlreadyFitNowhereStillTakesWorkersThatAddNoMisfit() {
        // w2's 3 CPU pod fits on no node; w3's 1 CPU pod fits, w4's second 3 CPU pod does not.
        let rooms = cpuRooms([("s1", 2000)])
        let workers = [worker("w1"), worker("w2", cpu: [3000]), worker("w3", cpu: [1000]), worker("w4", cpu: [3000])]
        let batches = packer(rooms: rooms).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w3"], ["w4"]])
    }

    @Test func withoutAnyAllocatableTheCapacityRuleIsLeftOut() {
        let workers = (1...4).map { worker("w\($0)", cpu: [3000]) }
        #expect(packer().pack(workers).map(\.nodes) == [["w1"], ["w2", "w3", "w4"]])
    }

    @Test func theSameInputGivesTheSameBatchesAndInventoryOrderBreaksTies() {
        let web = ["default/web": 1]
        let workers = (1...12).map { worker("w\($0)", zone: $0 % 3 == 0 ? "b" : "a", budgets: $0 % 2 == 0 ? web : [:]) }
        let packing = packer(allowed: ["default/web": 2], limit: 3)
        let first = packing.pack(workers)
        #expect(packing.pack(workers) == first)
        // Whichever worker comes first in the inventory opens the first batch.
        #expect(packing.pack(workers.reversed()).first?.nodes == ["w12"])
    }

    @Test func rePackingTheRestOfAHopDoesNotSetAWorkerAsideAgain() {
        let batches = packer().pack((1...3).map { worker("w\($0)") }, canaryFirst: false)
        #expect(batches.map(\.nodes) == [["w1", "w2", "w3"]])
    }

    @Test func workersSharingTightBudgetsWithMoreOthersAreTriedFirst() {
        // web, api and db each allow 1. w4 and w5 each conflict with two others, w2 and w3 with one.
        // In inventory order w2 would take w3 and leave w4 and w5 a batch each; trying the most
        // conflicted first pairs w2 with w4 and w3 with w5.
        let workers = [
            worker("w1"), worker("w2", budgets: ["x/api": 1]), worker("w3", budgets: ["x/web": 1]),
            worker("w4", budgets: ["x/web": 1, "x/db": 1]), worker("w5", budgets: ["x/api": 1, "x/db": 1]),
        ]
        let packing = packer(allowed: ["x/web": 1, "x/api": 1, "x/db": 1])
        let batches = packing.pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w4"], ["w3", "w5"]])
        #expect(
            batches[2].reasons.map(\.reason) == [
                .budget(name: "x/web", allows: 1, holders: ["w4", "w3"]),
                .budget(name: "x/api", allows: 1, holders: ["w2", "w5"]),
            ])
        #expect(packing.conflictCounts(Array(workers.dropFirst())) == [1, 1, 2, 2])
    }

    @Test func aBudgetAllowingTwoConflictsOnlyWhereTwoHoldersTogetherExceedIt() {
        let workers = [
            worker("w1", budgets: ["x/web": 2]), worker("w2", budgets: ["x/web": 1]),
            worker("w3", budgets: ["x/web": 1]), worker("w4"),
        ]
        let packing = packer(allowed: ["x/web": 2])
        #expect(packing.conflictCounts(workers) == [2, 1, 1, 0])
        // Inside the rules whatever the order: w2 and w3 share one batch (2 pods), w1 goes alone with w4.
        #expect(packing.pack(workers, canaryFirst: false).map(\.nodes) == [["w1", "w4"], ["w2", "w3"]])
    }
}
