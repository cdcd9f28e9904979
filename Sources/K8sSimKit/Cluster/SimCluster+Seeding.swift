import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Seeding a simulated cluster from an inventory or from a `kubectl get nodes,pods,pdb -A -o json` snapshot.
extension SimCluster {
    /// Nodes from the inventory (node names and roles as `SimNodeRoster` reads them, InternalIP from
    /// `ansible_host`), everything at `from` (argument, else the scenario's `from:`), the usual system
    /// workloads (kube-proxy and calico-node DaemonSets, a 2-replica CoreDNS Deployment) and the
    /// scenario's workloads and PDBs.
    static func seeded(
        inventory: SimNodeRoster, scenario: Scenario, from: String? = nil, clock: any SimClock = SystemClock()
    ) throws(SimClusterError) -> SimCluster {
        guard let version = from ?? scenario.from else {
            throw SimClusterError("no cluster version: pass --from or set `from:` in the scenario")
        }
        guard SimVersion(version) != nil else { throw SimClusterError("\(version) is not a Kubernetes version") }
        let cluster = SimCluster(clusterVersion: version, scenario: scenario, clock: clock)
        for node in inventory.nodes {
            cluster.addNode(name: node.name, address: node.address, controlPlane: node.controlPlane)
        }
        cluster.addSystemWorkloads(version: cluster.clusterVersion)
        cluster.applyScenario(scenario)
        return cluster
    }

    func addSystemWorkloads(version: String) {
        read { data in
            data.addWorkload(
                WorkloadSpec(
                    name: "kube-proxy", namespace: "kube-system", kind: .daemonSet, labels: ["k8s-app": "kube-proxy"]))
            data.addWorkload(
                WorkloadSpec(
                    name: "calico-node", namespace: "kube-system", kind: .daemonSet, labels: ["k8s-app": "calico-node"])
            )
            data.addWorkload(
                WorkloadSpec(
                    name: "coredns", namespace: "kube-system", kind: .deployment, replicas: 2,
                    labels: ["k8s-app": "kube-dns"]))
            for pod in data.list(.pods, namespace: "kube-system") where pod.objectName.hasPrefix("kube-proxy-") {
                data.update(.pods, "kube-system", pod.objectName) { pod in
                    pod[["spec", "containers"]] = [
                        ["name": "kube-proxy", "image": .string("registry.k8s.io/kube-proxy:\(version)")]
                    ]
                }
            }
        }
    }

    /// The scenario's cordoned nodes, workloads and PDBs.
    func applyScenario(_ scenario: Scenario) {
        applyTopology(zones: scenario.zones, allocatable: scenario.allocatable)
        // One pass of the controllers for all of them: each pass recomputes every budget's status.
        read { data in
            for workload in scenario.workloads { data.addWorkload(workload) }
            for budget in scenario.pdbs { data.addBudget(budget) }
        }
        for node in scenario.cordoned { setCordoned(node, true) }
        // What seeding placed is the starting point; the counters count what the run does.
        resetCounters()
    }

    /// From a snapshot file (`kubectl get nodes,pods,pdb -A -o json`).
    package static func seeded(snapshot path: String, scenario: Scenario, clock: any SimClock = SystemClock())
        throws(SimClusterError) -> SimCluster
    {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw SimClusterError("\(path): cannot read the snapshot")
        }
        return try seeded(
            snapshotText: String(decoding: bytes, as: UTF8.self), source: path, scenario: scenario, clock: clock)
    }

    /// From snapshot text: every Node, Pod and PodDisruptionBudget kept whole; ReplicaSets, StatefulSets and
    /// DaemonSets synthesised from the pods' controllers (replicas = pods present) so evictions get
    /// replacements and drain finds the DaemonSets. The cluster version is the oldest kube-apiserver image.
    package static func seeded(
        snapshotText: String, source: String, scenario: Scenario, clock: any SimClock = SystemClock()
    ) throws(SimClusterError) -> SimCluster {
        let root: DataValue
        do {
            root = try DataNode.loadJSON(text: snapshotText, file: source).value
        } catch {
            throw SimClusterError(error.description)
        }
        let items = root[["items"]]?.listValue ?? (root.string("kind").map { _ in [root] } ?? [])
        guard !items.isEmpty else { throw SimClusterError("\(source): the snapshot holds no objects") }
        let nodes = items.filter { $0.string("kind") == "Node" }
        let pods = items.filter { $0.string("kind") == "Pod" }
        let apiserverVersions = pods.compactMap { pod -> SimVersion? in
            guard pod.objectName.hasPrefix("kube-apiserver-"),
                let image = pod[["spec", "containers"]]?.listValue?.first?.string("image"),
                let tag = image.split(separator: ":").last
            else { return nil }
            return SimVersion(String(tag))
        }
        let kubeletVersions = nodes.compactMap {
            $0.string("status", "nodeInfo", "kubeletVersion").flatMap(SimVersion.init)
        }
        guard let version = apiserverVersions.min() ?? kubeletVersions.min() else {
            throw SimClusterError(
                "\(source): no kube-apiserver pod or kubelet version to take the cluster version from")
        }
        let cluster = SimCluster(
            clusterVersion: version.release.description, scenario: scenario, clock: clock)
        cluster.read { data in data.load(snapshotItems: items) }
        cluster.applyScenario(scenario)
        return cluster
    }
}
