/// The kubeconfig for the fake apiserver: one plain-http cluster, a user with a dummy token, and the
/// context between them as current-context.
package enum KubeconfigWriter {
    package static func text(server: String, clusterName: String = "k8sim") -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            server: \(server)
          name: \(clusterName)
        contexts:
        - context:
            cluster: \(clusterName)
            user: \(clusterName)-admin
          name: \(clusterName)
        current-context: \(clusterName)
        preferences: {}
        users:
        - name: \(clusterName)-admin
          user:
            token: k8sim-dummy-token

        """
    }
}
