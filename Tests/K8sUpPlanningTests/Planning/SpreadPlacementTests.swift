import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `--batch auto`'s capacity rule against a scheduler that spreads pods: room that first-fit decreasing
/// fills but a spreading placement does not splits the batch, room that holds both ways keeps it, and
/// the same input always places the same way.
@Suite struct SpreadPlacementTests {
    /// A worker whose drain replaces one CPU-only pod per entry of `cpu` (millicores), named
    /// `<name>/p0`, `<name>/p1`, ….
    func worker(_ name: String, cpu: [Int] = []) -> DrainFootprint {
        DrainFootprint(
            node: name, zone: "a", charged: [:],
            replaced: cpu.enumerated().map {
                ReplacedPod(name: "\(name)/p\($0)", requests: ResourceAmounts(cpuMillis: $1))
            })
    }

    func packer(_ rooms: [NodeRoom]) -> BatchPacker {
        BatchPacker(
            ground: BatchingGround(allowed: [:], rooms: rooms, capacityKnown: true), limit: 100, limitSetting: "100",
            acrossZones: false)
    }

    /// Nodes with only CPU free (memory plenty), in millicores, in this order.
    func cpuRooms(_ rooms: [(String, Int)]) -> [NodeRoom] {
        rooms.map { NodeRoom(node: $0, free: ResourceAmounts(cpuMillis: $1, memoryBytes: 1 << 40)) }
    }

    func pods(_ cpu: [(String, Int)]) -> [ReplacedPod] {
        cpu.map { ReplacedPod(name: $0, requests: ResourceAmounts(cpuMillis: $1)) }
    }

    @Test func roomFirstFitDecreasingFillsButASpreadingSchedulerDoesNotSplitsTheBatch() {
        // 1 + 1 + 2 CPU into 3 + 1: largest first they fit exactly, but a scheduler that puts each
        // 1 CPU pod on the emptiest node puts both on s1 and leaves 1 CPU on each node for the 2 CPU pod.
        let rooms = cpuRooms([("s1", 3000), ("s2", 1000)])
        let scale = ResourceAmounts(cpuMillis: 4000, memoryBytes: 2 << 40)
        let replaced = pods([("w2/p0", 1000), ("w2/p1", 1000), ("w3/p0", 2000)])
        #expect(ReplacementFit.misfits(of: replaced, in: rooms, scale: scale).isEmpty)
        #expect(SpreadPlacement.misfits(of: replaced, in: rooms, scale: scale).map(\.pod) == ["w3/p0"])
        #expect(ReplacementFit.misfitsEitherWay(of: replaced, in: rooms, scale: scale).map(\.pod) == ["w3/p0"])

        let workers = [worker("w1"), worker("w2", cpu: [1000, 1000]), worker("w3", cpu: [2000])]
        let batches = packer(rooms).pack(workers)
        #expect(batches.map(\.nodes) == [["w1"], ["w2"], ["w3"]])
        let reason = batches[2].reasons.first?.reason
        #expect(reason == .capacity(pod: "w3/p0", resource: "cpu", requested: "2 CPU", free: "1 CPU"))
        #expect(reason?.kind == "capacity")
        #expect(reason?.description == "capacity: pod w3/p0 needs 2 CPU, 1 CPU free at most on one node")
    }

    @Test func roomThatHoldsThePodsBothWaysKeepsTheBatch() {
        // 1 + 1 + 2 + 2 CPU into 4 + 2: spread, the 1 CPU pods both go to s1 (3 CPU left is still the
        // most), one 2 CPU pod fills s1 and the other s2; largest first, s1 takes both 2 CPU pods.
        let rooms = cpuRooms([("s1", 4000), ("s2", 2000)])
        let scale = ResourceAmounts(cpuMillis: 6000, memoryBytes: 2 << 40)
        let replaced = pods([("w2/p0", 1000), ("w2/p1", 2000), ("w3/p0", 1000), ("w3/p1", 2000)])
        #expect(ReplacementFit.misfits(of: replaced, in: rooms, scale: scale).isEmpty)
        #expect(SpreadPlacement.misfits(of: replaced, in: rooms, scale: scale).isEmpty)
        let workers = [worker("w1"), worker("w2", cpu: [1000, 2000]), worker("w3", cpu: [1000, 2000])]
        #expect(packer(rooms).pack(workers).map(\.nodes) == [["w1"], ["w2", "w3"]])
        // One millicore more than the room and the last worker goes alone.
        let over = [worker("w1"), worker("w2", cpu: [1000, 2000]), worker("w3", cpu: [1000, 2001])]
        #expect(packer(rooms).pack(over).map(\.nodes) == [["w1"], ["w2"], ["w3"]])
    }

    @Test func theEmptiestNodeIsTheOneWithTheMostFreeInProportionToItsAllocatable() {
        // "big" has more CPU free (4 of 16), "small" more of its own (3 of 4): the 1 CPU pod goes to
        // small, which leaves big's 4 CPU whole for the 3.5 CPU pod.
        let gib = 1 << 30
        let rooms = [
            NodeRoom(
                node: "big", free: ResourceAmounts(cpuMillis: 4000, memoryBytes: 8 * gib),
                allocatable: ResourceAmounts(cpuMillis: 16000, memoryBytes: 8 * gib)),
            NodeRoom(
                node: "small", free: ResourceAmounts(cpuMillis: 3000, memoryBytes: 8 * gib),
                allocatable: ResourceAmounts(cpuMillis: 4000, memoryBytes: 8 * gib)),
        ]
        let scale = ResourceAmounts(cpuMillis: 7000, memoryBytes: 16 * gib)
        let replaced = pods([("a/small", 1000), ("a/large", 3500)])
        #expect(SpreadPlacement.misfits(of: replaced, in: rooms, scale: scale).isEmpty)
        // Weighed by the free CPU alone, the 1 CPU pod would take big's room and leave the large one out.
        let unknown = rooms.map { NodeRoom(node: $0.node, free: $0.free) }
        #expect(SpreadPlacement.misfits(of: replaced, in: unknown, scale: scale).map(\.pod) == ["a/large"])
    }

    @Test func theSameInputPlacesTheSameWayWhateverTheOrderThePodsCameIn() {
        // Three equal pods for two places: the same one is left over in any order (names break ties),
        // and equally empty nodes are taken in cluster order.
        let equal = pods([("a/p1", 1000), ("a/p2", 1000), ("a/p3", 1000)])
        let two = cpuRooms([("s1", 1000), ("s2", 1000)])
        let scale = ResourceAmounts(cpuMillis: 2000, memoryBytes: 2 << 40)
        for order in [equal, equal.reversed(), [equal[1], equal[2], equal[0]]] {
            #expect(SpreadPlacement.misfits(of: order, in: two, scale: scale).map(\.pod) == ["a/p3"])
        }
        let workers = (1...9).map { worker("w\($0)", cpu: [500 * ($0 % 4 + 1), 1000]) }
        let rooms = cpuRooms((1...9).map { ("w\($0)", 1500 + 250 * ($0 % 3)) })
        let first = packer(rooms).pack(workers)
        #expect(first == packer(rooms).pack(workers))
        #expect(first.count > 2)
    }
}
