import K8sUpSupport

/// Kubernetes' version-skew policy, as far as an upgrade must respect it: kube-apiserver instances within
/// one minor of each other; a kubelet never newer than the apiserver and at most three minors older
/// (two for kubelets older than v1.25, the rule before v1.28's KEP-3935); kubectl within one minor.
enum SkewPolicy {
    /// How many minors a kubelet of this version may lag behind the apiserver.
    static func maximumKubeletLag(for kubelet: KubeVersion) -> Int {
        kubelet.major == 1 && kubelet.minor < 25 ? 2 : 3
    }

    /// Whether a kubelet of `kubelet` may talk to an apiserver of `apiserver`.
    static func kubeletAllowed(_ kubelet: KubeVersion, with apiserver: KubeMinor) -> Bool {
        guard let lag = kubelet.minorVersion.minors(to: apiserver) else { return false }
        return lag >= 0 && lag <= maximumKubeletLag(for: kubelet)
    }

    /// Whether two apiservers may run side by side.
    static func apiserversAllowed(_ first: KubeMinor, _ second: KubeMinor) -> Bool {
        guard let distance = first.minors(to: second) else { return false }
        return abs(distance) <= 1
    }

    /// Whether a kubectl of `client` is supported against an apiserver of `server`.
    static func kubectlAllowed(_ client: KubeMinor, with server: KubeMinor) -> Bool {
        apiserversAllowed(client, server)
    }
}
