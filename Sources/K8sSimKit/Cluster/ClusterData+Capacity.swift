import K8sUpReaders
import PythonParity

/// Room on the nodes for the scheduler (requests against allocatable) and the counters of what the
/// run disturbed.
extension ClusterData {
    /// What a pod requests: its containers' requests added up.
    static func requests(of pod: DataValue) -> SimResources {
        var total = SimResources(cpuMillis: 0, memoryBytes: 0)
        for container in pod[["spec", "containers"]]?.listValue ?? [] {
            let requests = SimResources(container.stringMap("resources", "requests"))
            total.cpuMillis += requests.cpuMillis
            total.memoryBytes += requests.memoryBytes
        }
        return total
    }

    /// Each node's allocatable less the requests of the pods on it (not finished); a node that reports
    /// no allocatable is left out (it has room for anything).
    func freeRoom() -> [String: SimResources] {
        var room: [String: SimResources] = [:]
        for node in unordered(.nodes) {
            let allocatable = node.stringMap("status", "allocatable")
            guard !allocatable.isEmpty else { continue }
            room[node.objectName] = SimResources(allocatable)
        }
        for pod in unordered(.pods) {
            guard let node = pod.string("spec", "nodeName"), var free = room[node] else { continue }
            let phase = pod.string("status", "phase")
            guard phase != "Succeeded" && phase != "Failed" else { continue }
            let requests = Self.requests(of: pod)
            free.cpuMillis -= requests.cpuMillis
            free.memoryBytes -= requests.memoryBytes
            room[node] = free
        }
        return room
    }

    /// By node: the pods of `pod`'s controller there, and all pods there (what `pickNode` spreads by).
    func spreadLoad(for pod: DataValue) -> [String: (Int, Int)] {
        let owner = Self.controller(of: pod)?.string("uid")
        var load: [String: (Int, Int)] = [:]
        for other in unordered(.pods) {
            guard let node = other.string("spec", "nodeName") else { continue }
            let same = owner != nil && Self.controller(of: other)?.string("uid") == owner
            let current = load[node] ?? (0, 0)
            load[node] = (current.0 + (same ? 1 : 0), current.1 + 1)
        }
        return load
    }

    /// What the scheduler weighs for the pods of one controller: room on each node and the spread.
    func placementView(for pod: DataValue) -> PlacementView {
        PlacementView(
            room: freeRoom(), load: spreadLoad(for: pod), hasOwner: Self.controller(of: pod)?.string("uid") != nil)
    }

    /// A replacement was made with no node: counts it when room is why (a node would take it if it had
    /// room), once per pod.
    mutating func notePending(_ pod: DataValue) {
        let name = "\(pod.objectNamespace)/\(pod.objectName)"
        guard !counters.pendingPods.contains(name), pickNode(for: pod, avoiding: nil, ignoringRoom: true) != nil
        else { return }
        counters.pendingForCapacity += 1
        if counters.pendingPods.count < 100 { counters.pendingPods.append(name) }
    }

    /// Counts an eviction a budget refused (429).
    mutating func countRefusal(_ status: KubeStatus, pod: EvictionRules.Pod, budgets: [EvictionRules.Budget]) {
        guard status.code == 429 else { return }
        counters.refusedEvictions += 1
        if let budget = budgets.first(where: { $0.selects(pod) }) {
            counters.refusedByBudget["\(budget.namespace)/\(budget.name)", default: 0] += 1
        }
    }
}

/// The room and spread `pickNode` weighs, kept up to date while one controller's pods are placed one
/// after another (seeding a workload), instead of being read again from every pod for each of them.
struct PlacementView {
    var room: [String: SimResources]
    /// By node: pods of the controller, all pods.
    var load: [String: (Int, Int)]
    var hasOwner: Bool

    /// A pod of the controller, requesting `requests`, was put on `node`.
    mutating func place(_ requests: SimResources, on node: String) {
        if var free = room[node] {
            free.cpuMillis -= requests.cpuMillis
            free.memoryBytes -= requests.memoryBytes
            room[node] = free
        }
        let current = load[node] ?? (0, 0)
        load[node] = (current.0 + (hasOwner ? 1 : 0), current.1 + 1)
    }
}

/// Every node's room and spread read from all pods in one pass, for placing pods of different
/// controllers one after another (the pods left waiting for a node).
struct PlacementIndex {
    var room: [String: SimResources]
    /// By node: all pods there.
    var podsByNode: [String: Int]
    /// By controller uid, then node: that controller's pods there.
    var podsByOwner: [String: [String: Int]]

    /// What `pickNode` weighs for a pod of the controller with `ownerUID`.
    func view(ownerUID: String?) -> PlacementView {
        let own = ownerUID.flatMap { podsByOwner[$0] } ?? [:]
        var load: [String: (Int, Int)] = [:]
        for (node, total) in podsByNode { load[node] = (own[node] ?? 0, total) }
        return PlacementView(room: room, load: load, hasOwner: ownerUID != nil)
    }

    /// `pod` (of the controller with `ownerUID`) was put on `node`.
    mutating func place(_ pod: DataValue, ownerUID: String?, on node: String) {
        if var free = room[node] {
            let requests = ClusterData.requests(of: pod)
            free.cpuMillis -= requests.cpuMillis
            free.memoryBytes -= requests.memoryBytes
            room[node] = free
        }
        podsByNode[node, default: 0] += 1
        if let ownerUID { podsByOwner[ownerUID, default: [:]][node, default: 0] += 1 }
    }
}

extension ClusterData {
    /// The room and spread of every node, as `freeRoom` and `spreadLoad` read them, for all controllers.
    func placementIndex() -> PlacementIndex {
        var index = PlacementIndex(room: freeRoom(), podsByNode: [:], podsByOwner: [:])
        for pod in unordered(.pods) {
            guard let node = pod.string("spec", "nodeName") else { continue }
            index.podsByNode[node, default: 0] += 1
            if let owner = Self.controller(of: pod)?.string("uid") {
                index.podsByOwner[owner, default: [:]][node, default: 0] += 1
            }
        }
        return index
    }
}
