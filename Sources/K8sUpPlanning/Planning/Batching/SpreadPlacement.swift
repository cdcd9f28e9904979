import K8sUpCluster

/// Places a batch's replaced pods the way a spreading scheduler could at worst: the smallest first (the
/// larger of its CPU and memory share of the free room; pod names break ties), each on the node with
/// the most free room in proportion to its allocatable (CPU and memory shares averaged, as
/// kube-scheduler's least-allocated score weighs them) among those with room for it, cluster order
/// breaking ties. Small pods spread this way take the large free pieces first, so the pods left
/// without a node are the large ones a real scheduler can leave Pending although the room, packed
/// largest first, would have held them.
package enum SpreadPlacement {
    /// The pods that fit on no node once the smaller ones are spread, in placing order (the others still
    /// placed around them); empty when every pod fits. `scale` is what the shares are taken of (all
    /// nodes' free room together), and what a node without allocatable is weighed against.
    package static func misfits(of pods: [ReplacedPod], in rooms: [NodeRoom], scale: ResourceAmounts)
        -> [ReplacementFit.Misfit]
    {
        var rooms = rooms
        let needing = pods.filter { $0.requests.cpuMillis > 0 || $0.requests.memoryBytes > 0 }
        let order = needing.map { (pod: $0, share: ReplacementFit.share(of: $0.requests, in: scale)) }.sorted {
            $0.share != $1.share ? $0.share < $1.share : $0.pod.name < $1.pod.name
        }
        // Node indices, emptiest first; kept in that order as pods are placed.
        var ranked = rooms.indices.map { (index: $0, score: emptiness(of: rooms[$0], scale: scale)) }
        ranked.sort(by: before)
        var misfits: [ReplacementFit.Misfit] = []
        for (pod, _) in order {
            let need = pod.requests
            guard
                let position = ranked.firstIndex(where: {
                    rooms[$0.index].free.cpuMillis >= need.cpuMillis
                        && rooms[$0.index].free.memoryBytes >= need.memoryBytes
                })
            else {
                misfits.append(ReplacementFit.Misfit(pod: pod.name, reason: ReplacementFit.reason(pod, rooms: rooms)))
                continue
            }
            var placed = ranked.remove(at: position)
            rooms[placed.index].free = rooms[placed.index].free - need
            placed.score = emptiness(of: rooms[placed.index], scale: scale)
            let slot = insertionPoint(of: placed, in: ranked)
            ranked.insert(placed, at: slot)
        }
        return misfits
    }

    /// The node's free CPU and memory, each as a share of its allocatable (else of `scale`), averaged.
    static func emptiness(of room: NodeRoom, scale: ResourceAmounts) -> Double {
        let whole = room.allocatable ?? scale
        func part(_ free: Int, _ total: Int) -> Double { total > 0 ? Double(free) / Double(total) : 0 }
        return (part(room.free.cpuMillis, whole.cpuMillis) + part(room.free.memoryBytes, whole.memoryBytes)) / 2
    }

    /// Emptier first; the earlier node in cluster order on a tie.
    private static func before(_ left: (index: Int, score: Double), _ right: (index: Int, score: Double)) -> Bool {
        left.score != right.score ? left.score > right.score : left.index < right.index
    }

    /// Where `entry` goes in `ranked` (sorted by `before`) to keep it sorted: a binary search.
    private static func insertionPoint(of entry: (index: Int, score: Double), in ranked: [(index: Int, score: Double)])
        -> Int
    {
        var low = 0
        var high = ranked.count
        while low < high {
            let middle = (low + high) / 2
            if before(ranked[middle], entry) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
