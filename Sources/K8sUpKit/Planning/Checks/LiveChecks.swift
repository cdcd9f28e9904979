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
            let outOfSkew = minors.filter { !SkewPolicy.kubectlAllowed(kubectl.minorVersion, with: $0) }
            if let first = outOfSkew.first {
                checks.add(
                    "kubectl.skew", .warning,
                    "kubectl \(kubectl) is more than one minor away from the apiserver at \(first); kubectl is "
                        + "supported within one minor of the apiserver",
                    fix:
                        "install a kubectl between \(oldestSupported(minors)) and \(newestSupported(minors)), or point "
                        + "--kubectl at one (kubectl.1.NN binaries beside it are picked per hop)")
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

    /// The oldest kubectl within one minor of every apiserver minor the plan meets: one below the newest.
    private static func oldestSupported(_ minors: [KubeMinor]) -> String {
        guard let newest = minors.max() else { return "?" }
        return "\(KubeMinor(newest.major, newest.minor - 1))"
    }

    /// The newest such kubectl: one above the oldest apiserver minor.
    private static func newestSupported(_ minors: [KubeMinor]) -> String {
        guard let oldest = minors.min() else { return "?" }
        return "\(KubeMinor(oldest.major, oldest.minor + 1))"
    }
}
