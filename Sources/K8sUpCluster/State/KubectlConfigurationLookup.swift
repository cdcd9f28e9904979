import K8sUpSupport

/// Whether kubectl has any configuration to find a cluster with, looked up the way kubectl does:
/// `--kubeconfig`, else the files KUBECONFIG lists (colon-separated), else `~/.kube/config`, else the
/// service account of a pod it runs in. Without any, kubectl falls back to `localhost:8080` and says
/// "The connection to the server localhost:8080 was refused".
struct KubectlConfigurationLookup {
    /// `--kubeconfig`, when given.
    let kubeconfig: String?
    let environment: [String: String]
    let fileSystem: any FileSystemReading

    /// What is missing, in words (`KUBECONFIG is not set, there is no /home/ops/.kube/config, and no
    /// --kubeconfig was given`); nil when kubectl has a configuration to use.
    func missing() -> String? {
        guard kubeconfig == nil else { return nil }
        if let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty { return nil }
        let listed = (environment["KUBECONFIG"] ?? "").split(separator: ":").map(String.init)
        if listed.isEmpty {
            let home = environment["HOME"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
            let path = (home.isEmpty ? "~" : home) + "/.kube/config"
            guard home.isEmpty || fileSystem.kind(of: path) == nil else { return nil }
            return "KUBECONFIG is not set, there is no \(path), and no --kubeconfig was given"
        }
        guard listed.allSatisfy({ fileSystem.kind(of: $0) == nil }) else { return nil }
        let names = listed.joined(separator: ":")
        return "KUBECONFIG=\(names) names no file that exists, and no --kubeconfig was given"
    }
}
