import K8sUpSupport

/// Checks on the version path: versions that cannot be read, skew the cluster already
/// violates, downgrades, a target older than a kubelet, minors without a known patch, and hops that the
/// nodes left behind (left out by `--limit`, or outside the inventory) make impossible.
enum VersionChecks {
    /// Problems that make any path meaningless; returns true when planning hops should not go on.
    static func preconditions(
        target: KubeVersion, controlPlane: KubeVersion, apiservers: [String: KubeVersion],
        kubelets: [String: KubeVersion], scopedNodeNames: Set<String>, into checks: inout CheckCollector
    ) -> Bool {
        var stop = false
        if let oldest = apiservers.values.min(), let newest = apiservers.values.max(),
            !SkewPolicy.apiserversAllowed(oldest.minorVersion, newest.minorVersion)
        {
            checks.add(
                "version.apiserver-skew", .blocker,
                "kube-apiserver versions in the cluster are more than one minor apart (\(oldest) … \(newest))",
                nodes: apiservers.keys.sorted(),
                fix: "finish the interrupted control-plane upgrade by hand (kubeadm upgrade node on the older nodes)")
            stop = true
        }
        // Mid-upgrade, an upgraded control-plane node's kubelet is ahead of the apiservers not yet
        // upgraded: that is kubeadm's own procedure. Only a kubelet ahead of every apiserver is wrong.
        let newestAPIServer = apiservers.values.max() ?? controlPlane
        let tooNew = kubelets.filter { $0.value.minorVersion > newestAPIServer.minorVersion }
        if !tooNew.isEmpty {
            checks.add(
                "version.kubelet-newer-than-apiserver", .blocker,
                "kubelets newer than every kube-apiserver (\(newestAPIServer)) break the skew policy: "
                    + tooNew.keys.sorted().map { "\($0) \(tooNew[$0].map { "\($0)" } ?? "")" }.joined(separator: ", "),
                nodes: tooNew.keys.sorted(),
                fix: "upgrade the control plane to at least that minor, or roll those kubelets back")
        }
        if target.major != controlPlane.major {
            checks.add(
                "version.major-change", .blocker,
                "the target \(target) changes the major version of the control plane (\(controlPlane))",
                fix: "pick a target of the same major version")
            return true
        }
        if target < controlPlane {
            checks.add(
                "version.downgrade", .blocker,
                "the target \(target) is older than the control plane (\(controlPlane)): kubeadm does not downgrade",
                fix: "set --to (or kube_version) to \(controlPlane) or newer")
            return true
        }
        let ahead = kubelets.filter { scopedNodeNames.contains($0.key) && $0.value > target }
        if !ahead.isEmpty {
            checks.add(
                "version.target-older-than-kubelet", .blocker,
                "the target \(target) is older than the kubelet on "
                    + ahead.keys.sorted().map {
                        "\($0) (\(ahead[$0].map { "\($0)" } ?? ""))"
                    }.joined(separator: ", ") + "; kubelets are never downgraded",
                nodes: ahead.keys.sorted(), fix: "pick a target at least as new as every kubelet")
            stop = true
        }
        return stop
    }

    /// Minors between start and target for which no patch version is known.
    static func unknownMinors(_ minors: [KubeMinor], into checks: inout CheckCollector) {
        guard !minors.isEmpty else { return }
        let names = minors.map { "\($0)" }.joined(separator: ", ")
        checks.add(
            "version.no-patch-known", .blocker,
            "no patch version is known for \(names): k8sup's built-in table covers \(PatchReleases.coverage) "
                + "(as of \(PatchReleases.asOf))",
            fix: "name one per minor with --via vX.Y.Z (or the inventory var k8sup_via)")
    }

    /// A hop that nodes left behind make impossible (nodes `--limit` leaves out, or cluster nodes outside
    /// the inventory): a blocker if nothing at all can be done, else a warning that the upgrade stops
    /// early. When only the last hop's workers cannot follow its control plane, the hop is planned
    /// without them and the warning says so.
    static func obstacle(
        at version: KubeVersion, _ obstacle: HopPlanner.Obstacle, plannedHops: [UpgradePlan.Hop], target: KubeVersion,
        limit: String?, into checks: inout CheckCollector
    ) {
        if let last = plannedHops.last {
            let partial = last.version == "\(version)"
            let stop =
                partial
                ? "the upgrade stops after the control plane of hop \(last.number) (\(last.version)), before "
                    + "\(target): "
                : "the upgrade stops at \(last.version), before \(target): the next hop (\(version)) is not possible "
                    + "because "
            checks.add(
                "version.stops-early", .warning, stop + obstacle.reason, nodes: obstacle.nodes, hops: [last.number],
                fix: obstacle.fix)
        } else {
            let scope = limit.map { "nothing in --limit \($0)" } ?? "no node"
            checks.add(
                "version.blocked-by-limit", .blocker, "\(scope) can be upgraded to \(version): \(obstacle.reason)",
                nodes: obstacle.nodes, fix: obstacle.fix)
        }
    }
}
