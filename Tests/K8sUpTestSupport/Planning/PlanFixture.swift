import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity

/// Builds planner inputs in a few lines: an inventory of control-plane and worker hosts (node name =
/// host name) and a cluster state with nodes, static pods, workload pods and budgets.
package struct PlanFixture {
    package init(
        controlPlane: [String] = [], workers: [String] = [], nodes: [ClusterNode] = [], pods: [ClusterPod] = [],
        budgets: [DisruptionBudget] = [], inventoryTarget: String? = "v1.30.4", inventoryVia: [String] = [],
        limitHosts: [String]? = nil, live: LiveFacts? = nil
    ) {
        self.controlPlane = controlPlane
        self.workers = workers
        self.nodes = nodes
        self.pods = pods
        self.budgets = budgets
        self.inventoryTarget = inventoryTarget
        self.inventoryVia = inventoryVia
        self.limitHosts = limitHosts
        self.live = live
    }

    package var controlPlane: [String] = []
    package var workers: [String] = []
    package var nodes: [ClusterNode] = []
    package var pods: [ClusterPod] = []
    package var budgets: [DisruptionBudget] = []
    package var options = PlanOptions()
    package var inventoryTarget: String? = "v1.30.4"
    package var inventoryVia: [String] = []
    package var limitHosts: [String]?
    package var live: LiveFacts?

    /// A control-plane node running `version` (kubelet and kube-apiserver static pod, unless `apiserver`
    /// says otherwise), in the inventory unless `inInventory` is false.
    package mutating func addControlPlane(
        _ name: String, _ version: String, apiserver: String? = nil, ready: Bool? = true, inInventory: Bool = true
    ) {
        if inInventory { controlPlane.append(name) }
        nodes.append(
            ClusterNode(
                name: name, hasControlPlaneLabel: true, isReady: ready, kubeletVersion: KubeVersion(version)))
        pods.append(
            ClusterPod(
                namespace: "kube-system", name: "kube-apiserver-\(name)", nodeName: name,
                labels: ["component": "kube-apiserver", "tier": "control-plane"], controllerKind: "Node",
                controllerName: name, isMirror: true, images: ["registry.k8s.io/kube-apiserver:\(apiserver ?? version)"]
            ))
        pods.append(
            ClusterPod(
                namespace: "kube-system", name: "calico-node-\(name)", nodeName: name, controllerKind: "DaemonSet"))
    }

    package mutating func addWorker(
        _ name: String, _ version: String, cordoned: Bool = false, ready: Bool? = true, inInventory: Bool = true
    ) {
        if inInventory { workers.append(name) }
        nodes.append(
            ClusterNode(
                name: name, isReady: ready, isUnschedulable: cordoned, kubeletVersion: KubeVersion(version)))
        pods.append(
            ClusterPod(
                namespace: "kube-system", name: "calico-node-\(name)", nodeName: name, controllerKind: "DaemonSet"))
    }

    /// A workload pod managed by a ReplicaSet (or `owner`), labelled `app=<app>`.
    package mutating func addPod(
        _ namespace: String, _ name: String, app: String, on node: String, ready: Bool = true,
        owner: String? = "ReplicaSet", emptyDir: Bool = false, phase: ClusterPod.Phase = .running
    ) {
        pods.append(
            ClusterPod(
                namespace: namespace, name: name, nodeName: node, labels: ["app": app], controllerKind: owner,
                controllerName: owner.map { _ in app }, hasEmptyDir: emptyDir, phase: phase, isReady: ready))
    }

    package mutating func addBudget(
        _ namespace: String, _ name: String, app: String, minAvailable: DisruptionBudget.Amount? = nil,
        maxUnavailable: DisruptionBudget.Amount? = nil, healthy: Int, desired: Int, allowed: Int, expected: Int,
        policy: DisruptionBudget.UnhealthyPodEvictionPolicy = .ifHealthyBudget
    ) {
        budgets.append(
            DisruptionBudget(
                namespace: namespace, name: name, selector: LabelSelector(matchLabels: ["app": app]),
                minAvailable: minAvailable, maxUnavailable: maxUnavailable, unhealthyPodEvictionPolicy: policy,
                currentHealthy: healthy, desiredHealthy: desired, disruptionsAllowed: allowed, expectedPods: expected))
    }

    package func roles() throws -> ClusterRoles {
        var inventory = Inventory()
        let here = SourceLocation(file: "fixture.ini")
        inventory.addGroup("kube_control_plane", at: here)
        inventory.addGroup("kube_node", at: here)
        for host in controlPlane { try inventory.addHost(host, toGroup: "kube_control_plane", port: nil, at: here) }
        for host in workers { try inventory.addHost(host, toGroup: "kube_node", port: nil, at: here) }
        inventory.reconcile()
        return try ClusterRoles(LoadedInventory(inventory: inventory, varsDirectories: [], warnings: []))
    }

    package func inputs() throws -> PlanInputs {
        let hosts = limitHosts ?? (controlPlane + workers)
        return PlanInputs(
            inventorySources: ["fixture.ini"], roles: try roles(), selectedHosts: Set(hosts),
            limit: limitHosts.map { $0.joined(separator: ",") },
            cluster: ClusterState(nodes: nodes, pods: pods, budgets: budgets, source: "fixture"), options: options,
            inventoryTarget: inventoryTarget, inventoryVia: inventoryVia, live: live)
    }

    package func plan() throws -> UpgradePlan {
        try Planner.plan(inputs())
    }

    /// A cluster of three control-plane nodes and `workerCount` workers, all at `version`.
    package static func uniform(_ version: String, workers workerCount: Int = 3) -> PlanFixture {
        var fixture = PlanFixture()
        for index in 1...3 { fixture.addControlPlane("cp-\(index)", version) }
        for index in 0..<workerCount { fixture.addWorker("worker-\(index + 1)", version) }
        return fixture
    }
}

extension UpgradePlan {
    /// `["cp-1", "cp-2", …]` per hop, for compact assertions.
    package var nodeOrder: [[String]] { hops.map { $0.nodes.map(\.node) } }
    package var hopVersions: [String] { hops.map(\.version) }
    package func checks(_ id: String) -> [Check] { checks.filter { $0.id == id } }
    package var checkIDs: [String] { checks.map(\.id) }
}
