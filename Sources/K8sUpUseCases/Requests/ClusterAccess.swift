/// How a command reaches the cluster: a snapshot file in place of kubectl, or kubectl with its
/// kubeconfig and context (nil: kubectl's own defaults).
package struct ClusterAccess: Sendable, Equatable {
    /// A file saved with `kubectl get nodes,pods,pdb -A -o json`, read instead of the live cluster.
    package var snapshot: String?
    package var kubeconfig: String?
    package var context: String?
    /// The kubectl program to run.
    package var kubectl = "kubectl"

    package init(
        snapshot: String? = nil, kubeconfig: String? = nil, context: String? = nil, kubectl: String = "kubectl"
    ) {
        self.snapshot = snapshot
        self.kubeconfig = kubeconfig
        self.context = context
        self.kubectl = kubectl
    }
}
