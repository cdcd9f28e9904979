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
    func worker(
        _ name: String, zone: String = "a", budgets: [String: Int] = [:], cpu: Int = 0, room: Int = 0
    ) -> DrainFootprint {
        DrainFootprint(
            node: name, zone: zone, charged: budgets, replaced: ResourceAmounts(cpuMillis: cpu),
            room: ResourceAmounts(cpuMillis: room))
    }

    func packer(
        allowed: [String: Int] = [:], limit: Int = 100, setting: String = "100", acrossZones: Bool = false,
        room: Int? = nil
    ) -> BatchPacker {
        BatchPacker(
            ground: BatchingGround(
                allowed: allowed, totalRoom: ResourceAmounts(cpuMillis: room ?? 0), capacityKnown: room != nil),
            limit: limit, limitSetting: setting, acrossZones: acrossZones)
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
        // 4 CPU free on each node; draining one needs 3 CPU elsewhere. Room left for a batch of k nodes:
        // 16 − 4k; needed 3k: two nodes (8 ≥ 6) fit, three (4 < 9) do not.
        let workers = (1...4).map { worker("w\($0)", cpu: 3000, room: 4000) }
        let batches = packer(room: 16000).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2", "w3"], ["w4"]])
        #expect(batches[2].reasons.first?.reason.description == "capacity: 9 CPU requested, 4 CPU free")
    }

    @Test func withoutAnyAllocatableTheCapacityRuleIsLeftOut() {
        let workers = (1...4).map { worker("w\($0)", cpu: 3000) }
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
