import K8sUpCluster
import K8sUpSupport

/// Checks that need a running cluster (live mode): the operator's kubectl against the
/// apiserver versions the plan passes through, deprecated APIs still requested that a hop removes, and
/// etcd health as the apiserver sees it.
enum LiveChecks {
    static func check(
        _ live: LiveFacts, controlPlane: KubeVersion, hops: [UpgradePlan.Hop], into checks: inout CheckCollector
    ) {
        if live.kubectlVersion != nil || !live.versionedKubectls.isEmpty {
            let current = controlPlane.minorVersion
            let fitsNow = ([live.kubectlVersion?.minorVersion].compactMap { $0 } + Array(live.versionedKubectls.keys))
                .contains { SkewPolicy.kubectlAllowed($0, with: current) }
            if !fitsNow {
                checks.add(
                    "kubectl.skew", .warning,
                    "no kubectl within one minor of the running control plane (\(current)): "
                        + "kubectl \(live.kubectlVersion.map { "\($0)" } ?? "unknown") is supported within one minor",
                    fix:
                        "install kubectl \(current), or put kubectl.1.NN binaries beside kubectl (or name one with --kubectl)"
                )
            }
            for (hop, minors) in KubectlChoice.pick(hops: hops, controlPlane: controlPlane, live: live).unmatched {
                checks.add(
                    "kubectl.skew", .warning,
                    "hop \(hop) meets kube-apiservers at \(minors.map { "\($0)" }.joined(separator: " and ")), and no "
                        + "kubectl found is within one minor of them",
                    hops: [hop],
                    fix: "put a kubectl.1.NN for one of those minors beside kubectl (or name one with --kubectl); "
                        + "k8sup picks one per hop")
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
}
