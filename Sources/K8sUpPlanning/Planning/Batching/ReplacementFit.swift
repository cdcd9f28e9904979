import K8sUpCluster

/// A pod a drain removes and a controller recreates on another node: who it is (`namespace/name`) and
/// what it requests there.
package struct ReplacedPod: Sendable, Equatable {
    package let name: String
    package let requests: ResourceAmounts

    package init(name: String, requests: ResourceAmounts) {
        self.name = name
        self.requests = requests
    }
}

/// Free allocatable on one node that takes pods, and all it has (what a spreading scheduler weighs the
/// free room against; nil when unknown, then the free room is weighed alone).
package struct NodeRoom: Sendable, Equatable {
    package let node: String
    package var free: ResourceAmounts
    package let allocatable: ResourceAmounts?

    package init(node: String, free: ResourceAmounts, allocatable: ResourceAmounts? = nil) {
        self.node = node
        self.free = free
        self.allocatable = allocatable
    }
}

/// Places a batch's replaced pods on the nodes that stay schedulable the way the scheduler must: each
/// pod whole on one node, CPU and memory both. The sums of requests and free room can agree while no
/// single node has the room for a large pod, so the sums alone let batches through that leave
/// replacements Pending. First-fit decreasing: the pods that take the largest share of the free room
/// (the larger of their CPU and memory share) are placed first, each on the first node in cluster order
/// with room for it; pod names break ties so the same input always places the same way.
///
/// k8sup does not choose the nodes, the scheduler does, and a spreading one (kube-scheduler scores the
/// least allocated node highest) hands the room first-fit decreasing counted on for a large pod to
/// smaller ones. So a batch passes only when its pods also fit placed as such a scheduler could place
/// them at worst: smallest first, each on the emptiest node with room for it (`SpreadPlacement`).
package enum ReplacementFit {
    /// A pod that fits on none of the nodes, and why, in the words of the plan.
    package struct Misfit: Sendable, Equatable {
        package let pod: String
        package let reason: BatchReason
    }

    /// The pods a scheduler could leave without a node: those first-fit decreasing or the spreading
    /// placement leaves out, whichever leaves out more (first-fit decreasing's on a tie). Empty when
    /// every pod fits both ways.
    package static func misfitsEitherWay(of pods: [ReplacedPod], in rooms: [NodeRoom], scale: ResourceAmounts)
        -> [Misfit]
    {
        let packed = misfits(of: pods, in: rooms, scale: scale)
        let spread = SpreadPlacement.misfits(of: pods, in: rooms, scale: scale)
        return spread.count > packed.count ? spread : packed
    }

    /// First-fit decreasing: the pods that fit nowhere, in placing order (the others still placed around
    /// them); empty when every pod fits. `scale` is the free room the shares are taken of (all nodes'
    /// free room together).
    package static func misfits(of pods: [ReplacedPod], in rooms: [NodeRoom], scale: ResourceAmounts) -> [Misfit] {
        var rooms = rooms
        var misfits: [Misfit] = []
        let needing = pods.filter { $0.requests.cpuMillis > 0 || $0.requests.memoryBytes > 0 }
        let order = needing.map { (pod: $0, share: share(of: $0.requests, in: scale)) }.sorted {
            $0.share != $1.share ? $0.share > $1.share : $0.pod.name < $1.pod.name
        }
        for (pod, _) in order {
            let need = pod.requests
            if let index = rooms.firstIndex(where: {
                $0.free.cpuMillis >= need.cpuMillis && $0.free.memoryBytes >= need.memoryBytes
            }) {
                rooms[index].free = rooms[index].free - need
            } else {
                misfits.append(Misfit(pod: pod.name, reason: reason(pod, rooms: rooms)))
            }
        }
        return misfits
    }

    /// The larger of the pod's CPU and memory share of `scale`; a resource with no free room at all
    /// makes any request of it the largest share.
    static func share(of requests: ResourceAmounts, in scale: ResourceAmounts) -> Double {
        func part(_ request: Int, _ total: Int) -> Double {
            guard request > 0 else { return 0 }
            return total > 0 ? Double(request) / Double(total) : .infinity
        }
        return max(part(requests.cpuMillis, scale.cpuMillis), part(requests.memoryBytes, scale.memoryBytes))
    }

    /// What `pod` lacked: the resource no node has enough of, with the most any one node has free, or
    /// both resources when each is free somewhere but never together.
    static func reason(_ pod: ReplacedPod, rooms: [NodeRoom]) -> BatchReason {
        let need = pod.requests
        let mostCPU = rooms.map(\.free.cpuMillis).max() ?? 0
        let mostMemory = rooms.map(\.free.memoryBytes).max() ?? 0
        let cpu = ResourceAmounts.cpuText(need.cpuMillis)
        let memory = ResourceAmounts.memoryText(need.memoryBytes)
        switch (need.cpuMillis > mostCPU, need.memoryBytes > mostMemory) {
        case (true, true):
            return .capacity(
                pod: pod.name, resource: "cpu and memory", requested: "\(cpu) and \(memory)",
                free: "\(ResourceAmounts.cpuText(mostCPU)) and \(ResourceAmounts.memoryText(mostMemory))")
        case (true, false):
            return .capacity(pod: pod.name, resource: "cpu", requested: cpu, free: ResourceAmounts.cpuText(mostCPU))
        case (false, true):
            return .capacity(
                pod: pod.name, resource: "memory", requested: memory, free: ResourceAmounts.memoryText(mostMemory))
        case (false, false):
            return .capacity(pod: pod.name, resource: "cpu and memory", requested: "\(cpu) and \(memory)", free: nil)
        }
    }
}
