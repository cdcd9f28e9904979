import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The simulated controllers: run lazily before each request, they apply every event that is due, place
/// pending pods and bring PodDisruptionBudget status up to date.
extension ClusterData {
    mutating func advance(to time: Double) {
        now = max(now, time)
        // Placing a pod can make a zero-delay event due at once, so repeat until nothing is due.
        for _ in 0..<1000 {
            guard
                let index = events.indices.filter({ events[$0].due <= now }).min(by: {
                    events[$0].due < events[$1].due
                })
            else {
                if scheduleUnplacedPods() == 0 { break }
                continue
            }
            let event = events.remove(at: index)
            apply(event.action)
        }
        if budgetsComputedAt != resourceVersion {
            updateBudgets()
            budgetsComputedAt = resourceVersion
        }
    }

    mutating func schedule(_ action: PendingEvent.Action, after delay: Double) {
        events.append(PendingEvent(due: now + max(0, delay), action: action))
    }

    private mutating func apply(_ action: PendingEvent.Action) {
        switch action {
        case .replace(let pod, let avoiding):
            createReplacement(of: pod, avoiding: avoiding)
        case .podReady(let namespace, let name, let uid):
            let time = nowText
            update(.pods, namespace, name) { pod in
                guard pod.string("metadata", "uid") == uid, pod.string("spec", "nodeName") != nil else { return }
                ObjectFactory.setPodReady(&pod, ready: true, now: time)
            }
        case .nodeReady(let name, let epoch):
            guard let state = nodes[name], state.kubeletEpoch == epoch, state.kubeletRunning else { return }
            let time = nowText
            update(.nodes, "", name) { node in
                node[["status", "nodeInfo", "kubeletVersion"]] = .string(state.kubeletVersion)
                node[["status", "nodeInfo", "kubeProxyVersion"]] = .string(state.kubeletVersion)
                ObjectFactory.setNodeReady(&node, status: "True", now: time)
            }
        }
    }

    // MARK: - Pods

    /// Deletes a pod; its controller (ReplicaSet, StatefulSet, DaemonSet, or the kubelet for a mirror pod)
    /// replaces it after `podReschedule`.
    mutating func deletePod(_ namespace: String, _ name: String) -> DataValue? {
        guard let pod = remove(.pods, namespace, name) else { return nil }
        // The disruption controller sees the pod gone and forgets it; a StatefulSet's replacement has the
        // same name and must not count as disrupted.
        for budget in list(.budgets, namespace: namespace) where budget[["status", "disruptedPods", name]] != nil {
            update(.budgets, namespace, budget.objectName) { $0[["status", "disruptedPods", name]] = nil }
        }
        let ownerKind = Self.controller(of: pod)?.string("kind")
        if ["ReplicaSet", "StatefulSet", "DaemonSet", "Node"].contains(ownerKind ?? "") {
            let staysOnNode = ownerKind == "DaemonSet" || ownerKind == "Node"
            schedule(
                .replace(pod: pod, avoiding: staysOnNode ? nil : pod.string("spec", "nodeName")),
                after: staysOnNode ? 0 : delays.podReschedule)
        }
        return pod
    }

    private mutating func createReplacement(of old: DataValue, avoiding: String?) {
        guard let owner = Self.controller(of: old), let ownerKind = owner.string("kind") else { return }
        let namespace = old.objectNamespace
        var name = old.objectName
        switch ownerKind {
        case "ReplicaSet", "DaemonSet":
            name = "\(owner.string("name") ?? name)-\(random.suffix(5))"
        default:
            break
        }
        guard get(.pods, namespace, name) == nil else { return }
        var pod = old
        pod[["metadata", "name"]] = .string(name)
        for field in ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"] {
            pod[["metadata", field]] = nil
        }
        let keepNode = ownerKind == "DaemonSet" || ownerKind == "Node"
        pod[["spec", "nodeName"]] =
            keepNode ? old[["spec", "nodeName"]] : pickNode(for: old, avoiding: avoiding).map(DataValue.string)
        ObjectFactory.setPodReady(&pod, ready: false, now: nowText)
        let stored = put(.pods, pod)
        if stored.string("spec", "nodeName") != nil { schedulePodStart(stored) } else { notePending(stored) }
    }

    private mutating func schedulePodStart(_ pod: DataValue) {
        schedule(
            .podReady(namespace: pod.objectNamespace, name: pod.objectName, uid: pod.string("metadata", "uid") ?? ""),
            after: delays.podStart)
    }

    /// The schedulable node (not cordoned, Ready, taints tolerated, with room for its requests), not
    /// `avoiding`, with the fewest pods of the same controller, then the fewest pods: the default
    /// scheduler spreads a workload's pods over the nodes.
    func pickNode(for pod: DataValue, avoiding: String?, ignoringRoom: Bool = false) -> String? {
        pickNode(for: pod, avoiding: avoiding, ignoringRoom: ignoringRoom, view: placementView(for: pod))
    }

    /// `pickNode` against a view of the room and spread already read.
    func pickNode(for pod: DataValue, avoiding: String?, ignoringRoom: Bool = false, view: PlacementView) -> String? {
        let room = view.room
        let requests = Self.requests(of: pod)
        let candidates = unordered(.nodes).filter { node in
            node.objectName != avoiding && node[["spec", "unschedulable"]] != .bool(true) && Self.isReady(node)
                && Self.tolerates(pod, node) && (ignoringRoom || room[node.objectName].map(requests.fits(in:)) ?? true)
        }
        let load = view.load
        return candidates.map(\.objectName).min { left, right in
            let (a, b) = (load[left] ?? (0, 0), load[right] ?? (0, 0))
            return (a.0, a.1, left) < (b.0, b.1, right)
        }
    }

    static func tolerates(_ pod: DataValue, _ node: DataValue) -> Bool {
        let tolerations = pod[["spec", "tolerations"]]?.listValue ?? []
        for taint in node[["spec", "taints"]]?.listValue ?? [] {
            guard let effect = taint.string("effect"), effect == "NoSchedule" || effect == "NoExecute" else { continue }
            let key = taint.string("key") ?? ""
            let tolerated = tolerations.contains { toleration in
                let tolerationKey = toleration.string("key") ?? ""
                let effectMatches = (toleration.string("effect") ?? "").isEmpty || toleration.string("effect") == effect
                guard effectMatches else { return false }
                if toleration.string("operator") == "Exists" { return tolerationKey.isEmpty || tolerationKey == key }
                return tolerationKey == key && toleration.string("value") == taint.string("value")
            }
            if !tolerated { return false }
        }
        return true
    }

    /// Places pods that are waiting for a node (a replacement made while no node was schedulable).
    private mutating func scheduleUnplacedPods() -> Int {
        // Where a pod fits depends only on stored nodes and pods, which change only with a write: when the
        // last pass placed none and nothing was written since, this one would place none either. Without
        // this, every request rescanned every pod while a drain left replacements Pending.
        guard unplacedCheckedAt != resourceVersion else { return 0 }
        var count = 0
        // Most pods are placed: pick the waiting ones out before sorting (placement order is key order).
        let waiting = unordered(.pods).filter {
            $0.string("spec", "nodeName") == nil && $0.string("status", "phase") == "Pending"
        }
        // Room and spread read from all pods once per pass, not once per waiting pod.
        var index = waiting.isEmpty ? nil : placementIndex()
        for pod in waiting.sorted(by: {
            ClusterData.key($0.objectNamespace, $0.objectName) < ClusterData.key($1.objectNamespace, $1.objectName)
        }) {
            guard var current = index else { break }
            let owner = Self.controller(of: pod)?.string("uid")
            guard let node = pickNode(for: pod, avoiding: nil, view: current.view(ownerUID: owner)) else { continue }
            var placed = pod
            placed[["spec", "nodeName"]] = .string(node)
            ObjectFactory.setPodReady(&placed, ready: false, now: nowText)
            let stored = put(.pods, placed)
            current.place(stored, ownerUID: owner, on: node)
            index = current
            schedulePodStart(stored)
            count += 1
        }
        if count == 0 { unplacedCheckedAt = resourceVersion }
        return count
    }

    // MARK: - Budgets

    /// Recomputes the status (`disruption.go`) of every PDB that a write since the last time can have
    /// changed, storing only those that changed.
    mutating func updateBudgets() {
        let inputs = budgetInputs
        // Cleared after the loop: the statuses stored here are the result, not a new input.
        defer { budgetInputs = BudgetInputs(all: false) }
        let budgets = list(.budgets).filter { inputs.affect($0, selector: selector(of: $0)) }
        guard !budgets.isEmpty else { return }
        // Each pod's labels read once, not once per budget of its namespace, and indexed by label: a
        // budget that matches labels looks only at the pods carrying one of them (a store of thousands of
        // pods and a hundred budgets is recomputed after every write).
        var podsByNamespace: [String: [LabelledPod]] = [:]
        var podsByLabel: [String: [LabelledPod]] = [:]
        for pod in unordered(.pods) {
            let labelled = LabelledPod(pod: pod, labels: pod.stringMap("metadata", "labels"))
            podsByNamespace[pod.objectNamespace, default: []].append(labelled)
            for (key, value) in labelled.labels {
                podsByLabel[Self.labelKey(pod.objectNamespace, key, value), default: []].append(labelled)
            }
        }
        for budget in budgets {
            let namespace = budget.objectNamespace
            let buckets = (selector(of: budget)?.matchLabels ?? [:]).map {
                podsByLabel[Self.labelKey(namespace, $0.key, $0.value)] ?? []
            }
            let candidates = buckets.min { $0.count < $1.count } ?? podsByNamespace[namespace] ?? []
            let updated = budgetWithStatus(budget, candidates: candidates)
            if updated != budget { put(.budgets, updated) }
        }
    }

    /// The index key of a label in a namespace.
    private static func labelKey(_ namespace: String, _ key: String, _ value: String) -> String {
        namespace + "\u{0}" + key + "=" + value
    }

    /// A pod with its labels, for matching many budgets' selectors.
    struct LabelledPod {
        var pod: DataValue
        var labels: [String: String]
    }

    func selector(of budget: DataValue) -> SimLabelSelector? {
        budget[["spec", "selector"]].flatMap(SelectorParsing.selector)
    }

    func budgetWithStatus(_ budget: DataValue) -> DataValue {
        let candidates = unordered(.pods).filter { $0.objectNamespace == budget.objectNamespace }.map {
            LabelledPod(pod: $0, labels: $0.stringMap("metadata", "labels"))
        }
        return budgetWithStatus(budget, candidates: candidates)
    }

    /// `budget` with its status computed over `candidates`, the pods of its namespace.
    func budgetWithStatus(_ budget: DataValue, candidates: [LabelledPod]) -> DataValue {
        let selector = selector(of: budget)
        let pods = candidates.filter { selector?.matches($0.labels) ?? false }.map(\.pod)
        let names = Set(pods.map(\.objectName))
        var disrupted = budget[["status", "disruptedPods"]]?.mappingValue ?? DataMapping()
        for key in disrupted.keys where !names.contains(key.stringValue ?? "") { disrupted[key] = nil }
        let facts = pods.map { pod in
            DisruptionMath.PodFacts(
                ready: Self.isReady(pod), terminating: pod[["metadata", "deletionTimestamp"]] != nil,
                disrupted: disrupted.contains(.string(pod.objectName)), controller: scaleController(of: pod))
        }
        let status = DisruptionMath.status(
            minAvailable: DisruptionMath.Amount(budget[["spec", "minAvailable"]]),
            maxUnavailable: DisruptionMath.Amount(budget[["spec", "maxUnavailable"]]), pods: facts)
        var updated = budget
        let generation = budget.int("metadata", "generation") ?? 1
        updated[["metadata", "generation"]] = .int(generation)
        updated[["status", "observedGeneration"]] = .int(generation)
        updated[["status", "expectedPods"]] = .int(status.expectedPods)
        updated[["status", "desiredHealthy"]] = .int(status.desiredHealthy)
        updated[["status", "currentHealthy"]] = .int(status.currentHealthy)
        updated[["status", "disruptionsAllowed"]] = .int(status.disruptionsAllowed)
        if disrupted.isEmpty {
            updated[["status", "disruptedPods"]] = nil
        } else {
            updated[["status", "disruptedPods"]] = .mapping(disrupted)
        }
        let allowed = status.disruptionsAllowed > 0
        let reason = status.syncFailed ? "SyncFailed" : allowed ? "SufficientPods" : "InsufficientPods"
        let old = budget[["status", "conditions"]]?.listValue?.first
        let unchanged = old?.string("reason") == reason
        updated[["status", "conditions"]] = [
            [
                "type": "DisruptionAllowed", "status": allowed ? "True" : "False", "reason": .string(reason),
                "message": "", "observedGeneration": .int(generation),
                "lastTransitionTime": .string(unchanged ? (old?.string("lastTransitionTime") ?? nowText) : nowText),
            ]
        ]
        return updated
    }

    private func scaleController(of pod: DataValue) -> DisruptionMath.PodFacts.Controller {
        guard let owner = Self.controller(of: pod), let kind = owner.string("kind"), let name = owner.string("name")
        else { return .none }
        let namespace = pod.objectNamespace
        switch kind {
        case "ReplicaSet":
            guard let set = get(.replicaSets, namespace, name) else { return .unscaled }
            if let deploymentRef = Self.controller(of: set), deploymentRef.string("kind") == "Deployment",
                let deployment = get(.deployments, namespace, deploymentRef.string("name") ?? "")
            {
                return .scaled(id: "deploy/\(deployment.objectName)", replicas: deployment.int("spec", "replicas") ?? 1)
            }
            return .scaled(id: "rs/\(name)", replicas: set.int("spec", "replicas") ?? 1)
        case "StatefulSet":
            guard let set = get(.statefulSets, namespace, name) else { return .unscaled }
            return .scaled(id: "sts/\(name)", replicas: set.int("spec", "replicas") ?? 1)
        default:
            return .unscaled
        }
    }
}
