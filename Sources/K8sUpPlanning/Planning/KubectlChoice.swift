import K8sUpCluster
import K8sUpInventory
import K8sUpSupport

/// Picks, for each hop of a live plan, a kubectl within one minor of every kube-apiserver version the
/// hop meets (the control plane's minor before and after it): the default kubectl if it fits, else a
/// versioned one beside it (`kubectl.1.29`), the newest that fits.
enum KubectlChoice {
    /// The chosen kubectl per hop number, and the hops no kubectl fits.
    static func pick(
        hops: [UpgradePlan.Hop], controlPlane: KubeVersion, live: LiveFacts
    ) -> (chosen: [Int: String], unmatched: [(hop: Int, minors: [KubeMinor])]) {
        var candidates: [(minor: KubeMinor, path: String)] = live.versionedKubectls.map { ($0.key, $0.value) }
        if let version = live.kubectlVersion {
            candidates.append((version.minorVersion, live.kubectlPath ?? "kubectl"))
        }
        var chosen: [Int: String] = [:]
        var unmatched: [(Int, [KubeMinor])] = []
        var controlPlaneMinor = controlPlane.minorVersion
        for hop in hops {
            guard let version = KubeVersion(hop.version) else { continue }
            let upgradesControlPlane = hop.nodes.contains { $0.role == ClusterRoles.Role.controlPlane.rawValue }
            let after = upgradesControlPlane ? max(controlPlaneMinor, version.minorVersion) : controlPlaneMinor
            let minors = Array(Set([controlPlaneMinor, after])).sorted()
            let fitting = candidates.filter { candidate in
                minors.allSatisfy { SkewPolicy.kubectlAllowed(candidate.minor, with: $0) }
            }
            let defaultFits = fitting.first { $0.path == (live.kubectlPath ?? "kubectl") }
            if let pick = defaultFits ?? fitting.max(by: { $0.minor < $1.minor }) {
                chosen[hop.number] = pick.path
            } else {
                unmatched.append((hop.number, minors))
            }
            controlPlaneMinor = after
        }
        return (chosen, unmatched)
    }
}
