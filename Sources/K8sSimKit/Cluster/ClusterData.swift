import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Everything the simulated cluster holds, as one value that `SimCluster` guards with its lock: the API
/// objects (full Kubernetes objects as data trees, by resource and `namespace/name`), the nodes' kubelets,
/// the controllers' pending events, faults and the resourceVersion counter.
struct ClusterData: Sendable {
    var objects: [String: [String: DataValue]] = [:]
    var resourceVersion = 1000
    var clusterVersion: String
    /// The version the cluster was seeded with: a `kubelet-fails` fault without a version matches any other.
    var seededVersion: String
    var nodes: [String: SimNodeState] = [:]
    var events: [PendingEvent] = []
    var faults: [SimFault] {
        didSet { faultProgress = FaultProgress() }
    }
    var faultProgress = FaultProgress()
    var delays: SimDelays
    var deprecatedAPIs: [SimDeprecatedRequest]
    var random: SimRandom
    /// The time of the current request, seconds since 1970.
    var now: Double
    /// Evictions refused by a budget and pods left Pending for lack of room, counted as they happen.
    var counters = SimCounters()
    /// The resourceVersion the budgets' status was last computed at: nothing a budget counts changes
    /// without a write, so reads between writes skip the work (it grows with budgets × pods).
    var budgetsComputedAt = -1
    /// What was written since the budgets' status was last computed: only the budgets it can change are
    /// computed again.
    var budgetInputs = BudgetInputs()
    /// The resourceVersion at which the last pass over the pods waiting for a node placed none of them.
    var unplacedCheckedAt = -1

    init(clusterVersion: String, scenario: Scenario, now: Double) {
        self.clusterVersion = clusterVersion
        self.seededVersion = clusterVersion
        self.faults = scenario.faults
        self.delays = scenario.delays
        self.deprecatedAPIs = scenario.deprecatedAPIs
        self.random = SimRandom(seed: scenario.seed)
        self.now = now
    }

    static func key(_ namespace: String, _ name: String) -> String { "\(namespace)/\(name)" }

    static func timestamp(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds.rounded(.down)).ISO8601Format()
    }

    var nowText: String { Self.timestamp(now) }

    // MARK: - Store

    func get(_ kind: ResourceKind, _ namespace: String, _ name: String) -> DataValue? {
        objects[kind.plural]?[Self.key(kind.namespaced ? namespace : "", name)]
    }

    /// Objects of `kind`, in key order (namespace, then name) as etcd lists them; "" namespace = all.
    func list(_ kind: ResourceKind, namespace: String = "") -> [DataValue] {
        let table = objects[kind.plural] ?? [:]
        let objects = table.keys.sorted().compactMap { table[$0] }
        return namespace.isEmpty ? objects : objects.filter { $0.objectNamespace == namespace }
    }

    /// Objects of `kind` in no particular order: for sums and counts, without `list`'s sort.
    func unordered(_ kind: ResourceKind) -> Dictionary<String, DataValue>.Values {
        (objects[kind.plural] ?? [:]).values
    }

    /// Stores `object` (new or changed): fills in kind, apiVersion, uid, creationTimestamp and bumps the
    /// resourceVersion. Returns the stored object.
    @discardableResult
    mutating func put(_ kind: ResourceKind, _ object: DataValue) -> DataValue {
        var object = object
        object[["kind"]] = .string(kind.kind)
        object[["apiVersion"]] = .string(kind.apiVersion)
        if object.string("metadata", "uid") == nil { object[["metadata", "uid"]] = .string(random.uid()) }
        if object.string("metadata", "creationTimestamp") == nil {
            object[["metadata", "creationTimestamp"]] = .string(nowText)
        }
        if !kind.namespaced { object[["metadata", "namespace"]] = nil }
        budgetInputs.note(
            kind, object, replacing: kind == .pods ? get(kind, object.objectNamespace, object.objectName) : nil)
        resourceVersion += 1
        object[["metadata", "resourceVersion"]] = .string(String(resourceVersion))
        let key = Self.key(object.objectNamespace, object.objectName)
        objects[kind.plural, default: [:]][key] = object
        return object
    }

    @discardableResult
    mutating func remove(_ kind: ResourceKind, _ namespace: String, _ name: String) -> DataValue? {
        let key = Self.key(kind.namespaced ? namespace : "", name)
        guard let object = objects[kind.plural]?[key] else { return nil }
        objects[kind.plural]?[key] = nil
        budgetInputs.note(kind, object, replacing: nil)
        resourceVersion += 1
        return object
    }

    /// Changes one stored object in place, storing it only when `change` altered it.
    mutating func update(_ kind: ResourceKind, _ namespace: String, _ name: String, _ change: (inout DataValue) -> Void)
    {
        guard var object = get(kind, namespace, name) else { return }
        let before = object
        change(&object)
        if object != before { put(kind, object) }
    }

    /// Makes sure namespace `name` exists.
    mutating func ensureNamespace(_ name: String) {
        guard !name.isEmpty, get(.namespaces, "", name) == nil else { return }
        put(
            .namespaces,
            [
                "metadata": ["name": .string(name)], "spec": ["finalizers": ["kubernetes"]],
                "status": ["phase": "Active"],
            ])
    }

    // MARK: - Facts

    static func isReady(_ object: DataValue) -> Bool {
        (object[["status", "conditions"]]?.listValue ?? []).contains {
            $0.string("type") == "Ready" && $0.string("status") == "True"
        }
    }

    /// The ownerReference with `controller: true`.
    static func controller(of object: DataValue) -> DataValue? {
        (object[["metadata", "ownerReferences"]]?.listValue ?? []).first { $0[["controller"]] == .bool(true) }
    }

    func pods(onNode node: String) -> [DataValue] {
        let table = objects[ResourceKind.pods.plural] ?? [:]
        return table.keys.filter { table[$0]?.string("spec", "nodeName") == node }.sorted().compactMap { table[$0] }
    }

    func nodeIsReady(_ name: String) -> Bool {
        get(.nodes, "", name).map(Self.isReady) ?? false
    }
}
