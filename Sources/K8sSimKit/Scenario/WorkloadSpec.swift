import K8sUpReaders
import K8sUpSupport
import PythonParity

/// One `workloads:` entry of a scenario: a controller (or bare pods) the seeded cluster runs.
package struct WorkloadSpec: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case deployment = "Deployment"
        case statefulSet = "StatefulSet"
        case daemonSet = "DaemonSet"
        case pod = "Pod"
    }

    package var name: String
    package var namespace: String
    package var kind: Kind
    /// Ignored for DaemonSets (one pod per node).
    package var replicas: Int
    package var labels: [String: String]
    /// Pods carry an `emptyDir` volume (drain needs `--delete-emptydir-data`).
    package var emptyDir: Bool
    /// Nodes to place the pods on, round-robin; empty: spread over the workers.
    package var nodes: [String]
    /// Each pod's container requests (`cpu: 500m`, `memory: 1Gi`); empty: none (BestEffort).
    package var requests: [String: String] = [:]

    package init(
        name: String, namespace: String = "default", kind: Kind, replicas: Int = 1, labels: [String: String] = [:],
        emptyDir: Bool = false, nodes: [String] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.kind = kind
        self.replicas = replicas
        self.labels = labels.isEmpty ? ["app": name] : labels
        self.emptyDir = emptyDir
        self.nodes = nodes
    }

    static func read(_ node: DataNode) throws(ScenarioError) -> WorkloadSpec {
        let fields = try ScenarioFields(
            node, context: "workload",
            allowed: ["name", "namespace", "kind", "replicas", "labels", "emptyDir", "nodes", "cpu", "memory"])
        let kindText = try fields.string("kind") ?? "Deployment"
        guard let kind = Kind(rawValue: kindText) else {
            throw ScenarioError(
                "workload.kind must be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), not \(kindText)",
                at: node.location)
        }
        var spec = WorkloadSpec(
            name: try fields.requiredString("name"), namespace: try fields.string("namespace") ?? "default", kind: kind,
            replicas: try fields.int("replicas") ?? 1, labels: try fields.stringMap("labels"),
            emptyDir: try fields.bool("emptyDir") ?? false, nodes: try fields.strings("nodes"))
        for resource in ["cpu", "memory"] {
            guard let text = try fields.string(resource) else { continue }
            guard SimQuantity.parse(text) != nil else {
                throw ScenarioError(
                    "workload.\(resource) must be a quantity like 500m, 2 or 1Gi, not \(text)",
                    at: fields.raw(resource)?.location ?? node.location)
            }
            spec.requests[resource] = text
        }
        return spec
    }
}
