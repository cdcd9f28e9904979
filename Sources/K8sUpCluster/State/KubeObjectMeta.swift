/// `metadata` of a Kubernetes object: the part of `ObjectMeta` k8sup reads. Only `name` is required;
/// kubectl leaves out every empty field (`labels`, `annotations`, `ownerReferences`, …).
package struct KubeObjectMeta: Decodable, Sendable, Equatable {
    var name: String
    var namespace: String?
    var labels: [String: String]?
    var annotations: [String: String]?
    var ownerReferences: [KubeOwnerReference]?
    /// Set once the object is being deleted (RFC 3339 time).
    var deletionTimestamp: String?
    /// Bumped by the apiserver on each change of `spec` (PodDisruptionBudgets compare it with
    /// `status.observedGeneration`).
    var generation: Int?

    /// The owner reference with `controller: true`: what `kubectl drain` calls the pod's controller.
    /// Kubernetes allows at most one.
    var controller: KubeOwnerReference? {
        ownerReferences?.first { $0.controller == true }
    }
}
