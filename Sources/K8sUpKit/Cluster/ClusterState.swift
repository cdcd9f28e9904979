/// What k8sup knows about the running cluster: nodes, pods and PodDisruptionBudgets as read from
/// `kubectl get nodes,pods,pdb -A -o json` (live or from a snapshot file), reduced to the facts the
/// planner and the checks use.
public struct ClusterState: Sendable, Equatable {
    public var nodes: [ClusterNode]
    public var pods: [ClusterPod]
    public var budgets: [DisruptionBudget]
    /// Where the state came from, for the plan's header ("snapshot Inventories/sample.snapshot.json").
    public var source: String

    public init(nodes: [ClusterNode], pods: [ClusterPod], budgets: [DisruptionBudget], source: String) {
        self.nodes = nodes
        self.pods = pods
        self.budgets = budgets
        self.source = source
    }

    /// The node of that name, if the cluster has it.
    public func node(named name: String) -> ClusterNode? {
        nodes.first { $0.name == name }
    }

    /// The pods scheduled on a node.
    public func pods(onNode name: String) -> [ClusterPod] {
        pods.filter { $0.nodeName == name }
    }

    /// The kube-apiserver version of each control-plane node that runs one as a static pod, read from
    /// the image tag of its `kube-apiserver-<node>` mirror pod.
    public var apiserverVersions: [String: KubeVersion] {
        var versions: [String: KubeVersion] = [:]
        for pod in pods where pod.isAPIServer {
            guard let node = pod.nodeName, let version = pod.imageVersion(of: "kube-apiserver") else { continue }
            versions[node] = min(versions[node] ?? version, version)
        }
        return versions
    }
}

/// One Kubernetes node.
public struct ClusterNode: Sendable, Equatable {
    public var name: String
    /// Has the `node-role.kubernetes.io/control-plane` (or pre-1.24 `.../master`) label.
    public var hasControlPlaneLabel: Bool
    /// The Ready condition: true, false, or nil when unknown/absent.
    public var isReady: Bool?
    /// `spec.unschedulable` (cordoned).
    public var isUnschedulable: Bool
    /// `status.nodeInfo.kubeletVersion`, if it parses.
    public var kubeletVersion: KubeVersion?
    /// The DiskPressure condition is True.
    public var hasDiskPressure: Bool

    public init(
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
