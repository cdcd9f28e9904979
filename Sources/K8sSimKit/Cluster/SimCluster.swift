import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The simulated kubeadm cluster behind the fake kube-apiserver and the node API: its API objects,
/// controllers, kubelets and faults, guarded by one lock so connection threads can share it.
///
/// Controllers run lazily: every call first applies the events that are due on the `SimClock` (replacement
/// pods, pods and nodes turning Ready) and recomputes PodDisruptionBudget status.
package final class SimCluster: @unchecked Sendable {
    private let lock = NSLock()
    private let clock: any SimClock
    private var data: ClusterData
    private var onOutage: (@Sendable (Double, SimFault.OutageMode) -> Void)?

    /// An empty cluster at `clusterVersion`; add nodes, workloads and budgets, or use a `seeded` factory.
    package init(clusterVersion: String, scenario: Scenario = Scenario(), clock: any SimClock = SystemClock()) {
        self.clock = clock
        let version = clusterVersion.hasPrefix("v") ? clusterVersion : "v" + clusterVersion
        data = ClusterData(clusterVersion: version, scenario: scenario, now: clock.now().timeIntervalSince1970)
        for namespace in ["default", "kube-node-lease", "kube-public", "kube-system"] {
            data.ensureNamespace(namespace)
        }
    }

    /// Runs `body` on the state under the lock, after the controllers caught up with the clock.
    func withState<Result>(_ body: (inout ClusterData) throws(KubeStatus) -> Result) throws(KubeStatus) -> Result {
        lock.lock()
        defer { lock.unlock() }
        data.advance(to: clock.now().timeIntervalSince1970)
        return try body(&data)
    }

    func read<Result>(_ body: (inout ClusterData) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        data.advance(to: clock.now().timeIntervalSince1970)
        return body(&data)
    }

    // MARK: - State

    /// The cluster version (`kubeadm-config`), what `/version` reports.
    package var clusterVersion: String { read { $0.clusterVersion } }

    package var faults: [SimFault] {
        get { read { $0.faults } }
        set { read { $0.faults = newValue } }
    }

    package var delays: SimDelays {
        get { read { $0.delays } }
        set { read { $0.delays = newValue } }
    }

    package var deprecatedAPIs: [SimDeprecatedRequest] { read { $0.deprecatedAPIs } }

    /// The simulated nodes' names (those with a kubelet the stand-ins drive), sorted.
    package var nodeNames: [String] { read { $0.nodes.keys.sorted() } }

    /// The current resourceVersion counter.
    package var resourceVersion: Int { read { $0.resourceVersion } }

    /// A stored object by plural resource name (`pods`, `nodes`, `poddisruptionbudgets`, …).
    package func object(_ resource: String, namespace: String = "", name: String) -> DataValue? {
        read { data in
            guard let kind = ResourceKind.all.first(where: { $0.plural == resource }) else { return nil }
            return data.get(kind, namespace, name)
        }
    }

    /// Stored objects of a resource, in key order; "" namespace = all.
    package func objects(_ resource: String, namespace: String = "") -> [DataValue] {
        read { data in
            guard let kind = ResourceKind.all.first(where: { $0.plural == resource }) else { return [] }
            return data.list(kind, namespace: namespace)
        }
    }

    /// A value in 0..<1 from the scenario's seeded generator (which requests fail or stall).
    package func nextRandomUnit() -> Double { read { $0.random.unit() } }

    // MARK: - Building

    /// Adds a Ready node with its kubelet at `version`; a control-plane node gets its static pods.
    package func addNode(name: String, address: String? = nil, controlPlane: Bool, version: String? = nil) {
        read { data in data.addNode(name: name, address: address, controlPlane: controlPlane, version: version) }
    }

    /// Adds a workload (controller and pods) as the scenario describes it.
    package func addWorkload(_ spec: WorkloadSpec) {
        read { $0.addWorkload(spec) }
    }

    /// Adds a policy/v1 PodDisruptionBudget.
    package func addBudget(_ spec: BudgetSpec) {
        read { $0.addBudget(spec) }
    }

    /// Sets `spec.unschedulable` (and the unschedulable taint) as `kubectl cordon`/`uncordon` would.
    package func setCordoned(_ node: String, _ cordoned: Bool) {
        read { data in
            let time = data.nowText
            data.update(.nodes, "", node) { ClusterData.setUnschedulable(&$0, cordoned, now: time) }
        }
    }

    // MARK: - Pods and evictions

    /// The Eviction API on a pod: `.success` with the 201 Status, or the refusing Status.
    package func evict(namespace: String, name: String, dryRun: Bool = false) -> Result<KubeStatus, KubeStatus> {
        read { $0.evict(namespace: namespace, name: name, dryRun: dryRun) }
    }

    /// Deletes a pod (its controller replaces it); false when there was none.
    @discardableResult
    package func deletePod(namespace: String, name: String) -> Bool {
        read { $0.deletePod(namespace, name) != nil }
    }

    // MARK: - Node API

    package func nodeReport(_ node: String) -> NodeAPI.NodeReport? { read { $0.nodeReport(node) } }

    package func nodeFaults(_ node: String) -> NodeAPI.NodeFaults { read { $0.nodeFaults(node) } }

    /// The kubelet's systemd unit on `node` now; nil for an unknown node.
    package func kubeletUnit(_ node: String) -> NodeAPI.KubeletUnitReport? { read { $0.kubeletUnit(node) } }

    package func kubelet(_ node: String, report: NodeAPI.KubeletReport) -> NodeAPI.NodeReport? {
        read { $0.kubelet(node, report: report) }
    }

    /// `kubeadm upgrade apply|node` on `node`; `kubeadmVersion` is the binary's version when known. When
    /// it replaced the node's kube-apiserver and an `apiserver-outage` fault applies, the outage starts
    /// (and `onOutage` hears of it).
    package func kubeadm(_ node: String, request: NodeAPI.KubeadmRequest, kubeadmVersion: String? = nil)
        -> NodeAPI.KubeadmResult?
    {
        let (result, outage) = read { data in
            let result = data.kubeadm(
                node, command: request.command, version: request.version, kubeadmVersion: kubeadmVersion)
            let outage =
                result?.exitCode == 0 ? data.startOutage(afterKubeadm: request.command, on: node) : nil
            return (result, outage)
        }
        if let outage, let onOutage = outageHandler { onOutage(outage.seconds, outage.mode) }
        return result
    }

    /// How the apiserver is unavailable now (an `apiserver-outage` in progress), or nil.
    package var apiserverOutage: SimFault.OutageMode? { read { $0.outage } }

    /// One ssh connection to `node` running `command`: what the ssh stand-in must do. Nil for an unknown node.
    package func sshConnection(node: String, command: String) -> NodeAPI.NodeFaults? {
        read { data in data.nodes[node] == nil ? nil : data.sshConnection(node: node, command: command) }
    }

    /// Called, outside the cluster's lock, when an apiserver outage starts: the server closes the
    /// apiserver's port for a `refused` one.
    package var outageHandler: (@Sendable (Double, SimFault.OutageMode) -> Void)? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return onOutage
        }
        set {
            lock.lock()
            onOutage = newValue
            lock.unlock()
        }
    }
}
