/// Checks that need a running cluster (SPEC section 6, live mode): the operator's kubectl against the
/// apiserver versions the plan passes through, deprecated APIs still requested that a hop removes, and
/// etcd health as the apiserver sees it.
enum LiveChecks {
    static func check(
        _ live: LiveFacts, controlPlane: KubeVersion, hops: [UpgradePlan.Hop], into checks: inout CheckCollector
    ) {
        let hopVersions = hops.compactMap { KubeVersion($0.version) }
        if let kubectl = live.kubectlVersion {
            let minors = [controlPlane.minorVersion] + hopVersions.map(\.minorVersion)
            if let first = minors.first(where: { !SkewPolicy.kubectlAllowed(kubectl.minorVersion, with: $0) }) {
                checks.add(
                    "kubectl.skew", .warning,
                    "kubectl \(kubectl) is more than one minor away from the apiserver at \(first); kubectl is "
                        + "supported within one minor of the apiserver",
                    fix: kubectlFix(minors))
            }
        }
        for use in live.deprecatedAPIs {
            guard let removed = use.removedRelease,
                let hop = hops.first(where: { KubeVersion($0.version).map { $0.minorVersion >= removed } ?? false })
            else { continue }
            checks.add(
                "api.removed-in-target", .warning,
                "clients still call \(use.displayName), which \(removed) removes "
                    + "(hop \(hop.number) goes to \(hop.version))",
                objects: ["api/\(use.displayName)"], hops: [hop.number],
                fix: "move those clients and manifests to the replacement API before the hop; "
                    + "`kubectl get --raw /metrics | grep apiserver_requested_deprecated_apis` shows the requests")
        }
        if live.etcdHealthy == false {
            checks.add(
                "etcd.unhealthy", .blocker,
                "etcd is not healthy according to the apiserver (/readyz/etcd)"
                    + (live.etcdDetail.map { ": \($0)" } ?? ""),
                fix: "restore etcd health (etcdctl endpoint health on the etcd members) before upgrading")
        }
    }

    /// Which kubectl would do: one within a minor of every apiserver version the plan meets, or, when the
    /// path is too long for one, versioned binaries picked per hop.
    private static func kubectlFix(_ minors: [KubeMinor]) -> String {
        guard let newest = minors.max(), let oldest = minors.min() else { return "install a matching kubectl" }
        let low = KubeMinor(newest.major, newest.minor - 1), high = KubeMinor(oldest.major, oldest.minor + 1)
        let perHop = "put kubectl.1.NN binaries beside kubectl (or name one with --kubectl); k8sup picks one per hop"
        if low > high { return "no single kubectl fits every hop: " + perHop }
        let range = low == high ? "kubectl \(low)" : "a kubectl from \(low) to \(high)"
        return "install \(range), or " + perHop
    }
}
