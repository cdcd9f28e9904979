import K8sUpSupport

/// What only a live cluster can tell: versions of the tools on the operator's machine, deprecated API
/// use, etcd health.
package struct LiveFacts: Sendable, Equatable {
    /// `kubectl version --client`: the kubectl k8sup will drive.
    package var kubectlVersion: KubeVersion?
    /// Where that kubectl is.
    package var kubectlPath: String?
    /// Versioned kubectls beside it (`kubectl.1.29`, as the Google Cloud SDK installs them), by minor.
    package var versionedKubectls: [KubeMinor: String] = [:]
    /// The apiserver's own version (`kubectl version`), used when no static pod shows it.
    package var serverVersion: KubeVersion?
    /// Deprecated APIs the apiserver served requests for (`apiserver_requested_deprecated_apis`).
    package var deprecatedAPIs: [DeprecatedAPIUse]
    /// Result of `/readyz/etcd`: true healthy, false unhealthy, nil not checked.
    package var etcdHealthy: Bool?
    /// What `/readyz/etcd` said when unhealthy.
    package var etcdDetail: String?

    package init(
        kubectlVersion: KubeVersion? = nil, kubectlPath: String? = nil, versionedKubectls: [KubeMinor: String] = [:],
        serverVersion: KubeVersion? = nil, deprecatedAPIs: [DeprecatedAPIUse] = [],
        etcdHealthy: Bool? = nil, etcdDetail: String? = nil
    ) {
        self.kubectlVersion = kubectlVersion
        self.kubectlPath = kubectlPath
        self.versionedKubectls = versionedKubectls
        self.serverVersion = serverVersion
        self.deprecatedAPIs = deprecatedAPIs
        self.etcdHealthy = etcdHealthy
        self.etcdDetail = etcdDetail
    }
}
