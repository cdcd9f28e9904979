import K8sUpSupport

/// What k8sup knows about the running cluster: nodes, pods and PodDisruptionBudgets as read from
/// `kubectl get nodes,pods,pdb -A -o json` (live or from a snapshot file), reduced to the facts the
/// planner and the checks use.
///
/// Lookups by node name and namespace go through indexes kept up to date on every change, so planning a
/// 1,000-node, 30,000-pod cluster stays linear.
package struct ClusterState: Sendable, Equatable {
    package var nodes: [ClusterNode] { didSet { index = Index(nodes: nodes, pods: pods, budgets: budgets) } }
    package var pods: [ClusterPod] { didSet { index = Index(nodes: nodes, pods: pods, budgets: budgets) } }
    package var budgets: [DisruptionBudget] { didSet { index = Index(nodes: nodes, pods: pods, budgets: budgets) } }
    /// Where the state came from, for the plan's header ("snapshot Inventories/sample.snapshot.json").
    package var source: String
    private var index: Index

    package init(nodes: [ClusterNode], pods: [ClusterPod], budgets: [DisruptionBudget], source: String) {
        self.nodes = nodes
        self.pods = pods
        self.budgets = budgets
        self.source = source
        index = Index(nodes: nodes, pods: pods, budgets: budgets)
    }

    /// The node of that name, if the cluster has it.
    package func node(named name: String) -> ClusterNode? {
        index.nodeByName[name].map { nodes[$0] }
    }

    /// The pods scheduled on a node.
    package func pods(onNode name: String) -> [ClusterPod] {
        (index.podsByNode[name] ?? []).map { pods[$0] }
    }

    /// The budgets of a namespace (only they can cover its pods).
    package func budgets(inNamespace namespace: String) -> [DisruptionBudget] {
        (index.budgetsByNamespace[namespace] ?? []).map { budgets[$0] }
    }

    /// Positions by node name and namespace.
    private struct Index: Sendable, Equatable {
        var nodeByName: [String: Int] = [:]
        var podsByNode: [String: [Int]] = [:]
        var budgetsByNamespace: [String: [Int]] = [:]

        init(nodes: [ClusterNode], pods: [ClusterPod], budgets: [DisruptionBudget]) {
            for (position, node) in nodes.enumerated() where nodeByName[node.name] == nil {
                nodeByName[node.name] = position
            }
            for (position, pod) in pods.enumerated() {
                if let node = pod.nodeName { podsByNode[node, default: []].append(position) }
            }
            for (position, budget) in budgets.enumerated() {
                budgetsByNamespace[budget.namespace, default: []].append(position)
            }
        }
    }

    /// The kube-apiserver version of each control-plane node that runs one as a static pod, read from
    /// the image tag of its `kube-apiserver-<node>` mirror pod.
    package var apiserverVersions: [String: KubeVersion] {
        var versions: [String: KubeVersion] = [:]
        for pod in pods where pod.isAPIServer {
            guard let node = pod.nodeName, let version = pod.imageVersion(of: "kube-apiserver") else { continue }
            versions[node] = min(versions[node] ?? version, version)
        }
        return versions
    }
}

/// One Kubernetes node.
package struct ClusterNode: Sendable, Equatable {
    package var name: String
    /// Has the `node-role.kubernetes.io/control-plane` (or pre-1.24 `.../master`) label.
    package var hasControlPlaneLabel: Bool
    /// The Ready condition: true, false, or nil when unknown/absent.
    package var isReady: Bool?
    /// `spec.unschedulable` (cordoned).
    package var isUnschedulable: Bool
    /// `status.nodeInfo.kubeletVersion`, if it parses.
    package var kubeletVersion: KubeVersion?
    /// The DiskPressure condition is True.
    package var hasDiskPressure: Bool
    /// The `topology.kubernetes.io/zone` label, if set.
    package var zone: String?
    /// `status.allocatable` CPU and memory; nil when the node does not report it.
    package var allocatable: ResourceAmounts?
    /// Has a NoSchedule or NoExecute taint (other than the cordon's): ordinary pods are not placed there.
    package var repelsPods = false

    package init(
        name: String, hasControlPlaneLabel: Bool = false, isReady: Bool? = true, isUnschedulable: Bool = false,
        kubeletVersion: KubeVersion?, hasDiskPressure: Bool = false
    ) {
        self.name = name
        self.hasControlPlaneLabel = hasControlPlaneLabel
        self.isReady = isReady
        self.isUnschedulable = isUnschedulable
        self.kubeletVersion = kubeletVersion
        self.hasDiskPressure = hasDiskPressure
    }
}
