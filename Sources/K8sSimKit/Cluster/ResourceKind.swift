/// A resource type the simulated apiserver serves: where it lives in the API and how discovery lists it.
struct ResourceKind: Sendable, Equatable {
    var group: String
    var version: String
    var plural: String
    var singular: String
    var kind: String
    var namespaced: Bool
    var verbs: [String]
    var shortNames: [String]
    var categories: [String] = []

    /// `v1`, `apps/v1`.
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    static let readVerbs = ["get", "list", "watch"]
    static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    static let nodes = ResourceKind(
        group: "", version: "v1", plural: "nodes", singular: "node", kind: "Node", namespaced: false,
        verbs: allVerbs, shortNames: ["no"])
    static let pods = ResourceKind(
        group: "", version: "v1", plural: "pods", singular: "pod", kind: "Pod", namespaced: true, verbs: allVerbs,
        shortNames: ["po"], categories: ["all"])
    static let namespaces = ResourceKind(
        group: "", version: "v1", plural: "namespaces", singular: "namespace", kind: "Namespace", namespaced: false,
        verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], shortNames: ["ns"])
    static let budgets = ResourceKind(
        group: "policy", version: "v1", plural: "poddisruptionbudgets", singular: "poddisruptionbudget",
        kind: "PodDisruptionBudget", namespaced: true, verbs: allVerbs, shortNames: ["pdb"])
    static let daemonSets = ResourceKind(
        group: "apps", version: "v1", plural: "daemonsets", singular: "daemonset", kind: "DaemonSet",
        namespaced: true, verbs: allVerbs, shortNames: ["ds"], categories: ["all"])
    static let deployments = ResourceKind(
        group: "apps", version: "v1", plural: "deployments", singular: "deployment", kind: "Deployment",
        namespaced: true, verbs: allVerbs, shortNames: ["deploy"], categories: ["all"])
    static let replicaSets = ResourceKind(
        group: "apps", version: "v1", plural: "replicasets", singular: "replicaset", kind: "ReplicaSet",
        namespaced: true, verbs: allVerbs, shortNames: ["rs"], categories: ["all"])
    static let statefulSets = ResourceKind(
        group: "apps", version: "v1", plural: "statefulsets", singular: "statefulset", kind: "StatefulSet",
        namespaced: true, verbs: allVerbs, shortNames: ["sts"], categories: ["all"])
    static let leases = ResourceKind(
        group: "coordination.k8s.io", version: "v1", plural: "leases", singular: "lease", kind: "Lease",
        namespaced: true, verbs: allVerbs, shortNames: [])

    static let all: [ResourceKind] = [
        nodes, pods, namespaces, budgets, daemonSets, deployments, replicaSets, statefulSets, leases,
    ]

    /// The resource served at `group/version` under `plural`.
    static func find(group: String, version: String, plural: String) -> ResourceKind? {
        all.first { $0.group == group && $0.version == version && $0.plural == plural }
    }

    /// The resource of an object's `apiVersion` and `kind`.
    static func find(apiVersion: String, kind: String) -> ResourceKind? {
        all.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }
}
