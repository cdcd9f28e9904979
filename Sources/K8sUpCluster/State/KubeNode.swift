import K8sUpSupport

/// A Node as `kubectl get nodes -o json` prints it, reduced to what k8sup reads. Everything but
/// `metadata.name` may be absent: kubectl leaves out `spec.unschedulable` when it is false, and a node
/// that has just registered may have no `status` yet.
package struct KubeNode: Decodable, Sendable, Equatable {
    /// `spec`: only the cordon flag.
    package struct Spec: Decodable, Sendable, Equatable {
        /// `true` when cordoned; absent otherwise.
        var unschedulable: Bool?
        var taints: [Taint]?
    }

    /// One of `spec.taints`.
    struct Taint: Decodable, Sendable, Equatable {
        var key: String?
        var effect: String?
    }

    /// `status`: conditions and the versions the node reports.
    package struct Status: Decodable, Sendable, Equatable {
        var conditions: [KubeCondition]?
        var nodeInfo: NodeInfo?
        /// What pods may request in all (`cpu`, `memory`, …).
        var allocatable: [String: KubeQuantity]?
    }

    /// `status.nodeInfo`.
    struct NodeInfo: Decodable, Sendable, Equatable {
        /// `v1.30.4`, or a distribution's build (`v1.30.4+k3s1`); empty before the kubelet reports.
        var kubeletVersion: String?
    }

    package var metadata: KubeObjectMeta
    package var spec: Spec?
    package var status: Status?

    /// The role labels kubeadm puts on control-plane nodes: `control-plane` since v1.20, and `master`
    /// alone before (kubeadm stopped adding it in v1.24).
    static let controlPlaneLabels = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"]

    /// The well-known label of the node's failure domain.
    static let zoneLabel = "topology.kubernetes.io/zone"

    /// Where the kubelet version is, for error messages.
    static let kubeletVersionPath = KubeJSONPath().appending("status", "nodeInfo", "kubeletVersion")

    /// The node in the domain model.
    /// - Throws: the `VersionError` of a kubelet version that is present but does not parse.
    package func clusterNode() throws(VersionError) -> ClusterNode {
        let labels = metadata.labels ?? [:]
        let conditions = status?.conditions ?? []
        var kubeletVersion: KubeVersion?
        if let text = status?.nodeInfo?.kubeletVersion, !text.isEmpty {
            kubeletVersion = try KubeVersion(parsing: text)
        }
        var node = ClusterNode(
            name: metadata.name,
            hasControlPlaneLabel: Self.controlPlaneLabels.contains { labels[$0] != nil },
            isReady: Self.readiness(conditions.status(of: "Ready")),
            isUnschedulable: spec?.unschedulable ?? false,
            kubeletVersion: kubeletVersion,
            hasDiskPressure: conditions.status(of: "DiskPressure") == "True")
        node.zone = labels[Self.zoneLabel].flatMap { $0.isEmpty ? nil : $0 }
        node.allocatable = status?.allocatable.map { ResourceAmounts($0) }
        // The cordon's own taint is the cordon flag; other NoSchedule/NoExecute taints keep ordinary pods off.
        node.repelsPods = (spec?.taints ?? []).contains { taint in
            (taint.effect == "NoSchedule" || taint.effect == "NoExecute")
                && taint.key != "node.kubernetes.io/unschedulable"
        }
        return node
    }

    /// `"True"` and `"False"` are known answers; `"Unknown"` (the node controller's word for a node that
    /// stopped reporting) and an absent condition are not.
    package static func readiness(_ status: String?) -> Bool? {
        switch status {
        case "True": return true
        case "False": return false
        default: return nil
        }
    }
}
