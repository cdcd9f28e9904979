import K8sUpCluster
import K8sUpInventory
import K8sUpSupport

/// Walks the hops in order over a simulation of the cluster's versions: which nodes in scope each hop
/// upgrades (control plane first, then workers in batches), which are already there, and whether the
/// skew policy lets the hop happen at all with the nodes it leaves behind: those `--limit` leaves out
/// and cluster nodes outside the inventory.
struct HopPlanner {
    /// A hop as planned, with its drain windows (nodes drained together) for the PDB simulation.
    struct PlannedHop {
        var hop: UpgradePlan.Hop
        var drainWindows: [[ClusterRoles.Node]]
    }

    /// Why a hop cannot happen, the nodes that hold it back, and what to do about them.
    struct Obstacle {
        var reason: String
        var nodes: [String]
        var fix: String
    }

    let roles: ClusterRoles
    /// Nodes in scope that exist in the cluster, in upgrade order (control plane, then workers).
    let scoped: [ClusterRoles.Node]
    let cluster: ClusterState
    let options: PlanOptions
    /// The `--limit` pattern, for fixes that name it.
    let limit: String?
    var apiserver: [String: KubeVersion]
    var kubelet: [String: KubeVersion]
    /// The inventory's `k8sup_zone` by node name (`--batch auto`).
    var zones: [String: String] = [:]

    /// Plans hops until one is impossible; returns the planned hops and the obstacle, if any.
    mutating func plan(_ versions: [VersionPath.HopVersion]) -> (hops: [PlannedHop], obstacle: (KubeVersion, Obstacle)?)
    {
        var planned: [PlannedHop] = []
        for hopVersion in versions {
            let version = hopVersion.version
            let before = Snapshot(apiserver: apiserver, kubelet: kubelet)
            let controlPlane = scoped.filter { $0.role == .controlPlane && current($0) < version }
            if !controlPlane.isEmpty, let obstacle = controlPlaneObstacle(upgrading: controlPlane, to: version) {
                return (planned, (version, obstacle))
            }
            for node in controlPlane {
                apiserver[node.nodeName] = version
                kubelet[node.nodeName] = version
            }
            let workers = scoped.filter { $0.role == .worker && current($0) < version }
            if !workers.isEmpty, let obstacle = workerObstacle(to: version) {
                if !controlPlane.isEmpty {
                    planned.append(build(number: planned.count + 1, hopVersion, controlPlane, [], before: before))
                }
                return (planned, (version, obstacle))
            }
            for node in workers { kubelet[node.nodeName] = version }
            if controlPlane.isEmpty && workers.isEmpty { continue }
            planned.append(build(number: planned.count + 1, hopVersion, controlPlane, workers, before: before))
        }
        return (planned, nil)
    }

    /// The simulated versions at the start of a hop.
    private struct Snapshot {
        var apiserver: [String: KubeVersion]
        var kubelet: [String: KubeVersion]

        /// Some kube-apiserver already runs `version`: `kubeadm upgrade apply` happened in an earlier run.
        func upgradeApplied(_ version: KubeVersion) -> Bool {
            apiserver.values.contains { $0 >= version }
        }
    }

    /// The version a node runs: the older of its kubelet and (control plane) its kube-apiserver.
    func current(_ node: ClusterRoles.Node) -> KubeVersion {
        let kubeletVersion = kubelet[node.nodeName] ?? KubeVersion(0, 0, 0)
        guard node.role == .controlPlane, let api = apiserver[node.nodeName] else { return kubeletVersion }
        return min(api, kubeletVersion)
    }

    private func controlPlaneObstacle(upgrading nodes: [ClusterRoles.Node], to version: KubeVersion) -> Obstacle? {
        let minor = version.minorVersion
        let upgrading = Set(nodes.map(\.nodeName))
        let alreadyThere = apiserver.values.contains { $0 >= version }
        if !alreadyThere, let first = roles.controlPlane.first(where: { cluster.node(named: $0.nodeName) != nil }),
            !upgrading.contains(first.nodeName), current(first) < version
        {
            return obstacle(
                "kubeadm upgrade apply must run on the first control-plane node, \(first.nodeName), "
                    + "which --limit leaves out",
                heldBy: [first.nodeName])
        }
        let behindAPIServers = apiserver.filter { !upgrading.contains($0.key) }
            .filter { !SkewPolicy.apiserversAllowed($0.value.minorVersion, minor) }
        if !behindAPIServers.isEmpty {
            return obstacle(
                "kube-apiserver on " + describe(behindAPIServers) + " would be more than one minor behind "
                    + "\(minor) (kube-apiserver instances must stay within one minor of each other)",
                heldBy: behindAPIServers.keys.sorted())
        }
        let laggingKubelets = kubelet.filter { !upgrading.contains($0.key) }
            .filter { !SkewPolicy.kubeletAllowed($0.value, with: minor) }
        if !laggingKubelets.isEmpty {
            return obstacle(
                "kubelets on " + describe(laggingKubelets) + " would be too far behind a \(minor) control plane "
                    + "(a kubelet may be at most three minors older, two before v1.25)",
                heldBy: laggingKubelets.keys.sorted())
        }
        return nil
    }

    private func workerObstacle(to version: KubeVersion) -> Obstacle? {
        guard let lowest = apiserver.values.min(), lowest < version else { return nil }
        var found = obstacle(
            "workers cannot go to \(version) while the control plane runs \(lowest): a kubelet must not be "
                + "newer than the kube-apiserver",
            heldBy: apiserver.filter { $0.value < version }.keys.sorted())
        if !HoldingNodes(found.nodes, roles: roles, cluster: cluster).leftOutByLimit.isEmpty {
            found.fix += "; or upgrade the control plane first (k8sup apply --limit masters), then the workers"
        }
        return found
    }

    private func obstacle(_ reason: String, heldBy names: [String]) -> Obstacle {
        let holding = HoldingNodes(names, roles: roles, cluster: cluster)
        return Obstacle(reason: reason, nodes: holding.nodeNames, fix: holding.fix(limit: limit, roles: roles))
    }

    private func describe(_ versions: [String: KubeVersion]) -> String {
        let names = versions.keys.sorted()
        let shown = names.prefix(4).map { "\($0) (\(versions[$0].map { "\($0)" } ?? "?"))" }.joined(separator: ", ")
        return names.count > 4 ? shown + " and \(names.count - 4) more" : shown
    }

    private func build(
        number: Int, _ hopVersion: VersionPath.HopVersion, _ controlPlane: [ClusterRoles.Node],
        _ workers: [ClusterRoles.Node], before: Snapshot
    ) -> PlannedHop {
        let version = hopVersion.version
        var nodes: [UpgradePlan.NodeUpgrade] = []
        var windows: [[ClusterRoles.Node]] = []
        for (index, node) in controlPlane.enumerated() {
            let runsApply = index == 0 && !before.upgradeApplied(version)
            nodes.append(
                upgrade(node, version, order: nodes.count + 1, batch: nil, runsApply: runsApply, before: before))
            windows.append([node])
        }
        var hopBatches: [UpgradePlan.Batch]?
        var batchLimit: Int?
        var groups: [[ClusterRoles.Node]]
        if let auto = options.autoBatch {
            let byName = Dictionary(workers.map { ($0.nodeName, $0) }, uniquingKeysWith: { first, _ in first })
            let packed = AutoBatches.pack(
                workers: workers.map(\.nodeName), hopWorkers: workers.count, cluster: cluster, zones: zones,
                options: auto, canaryFirst: true)
            groups = packed.batches.map { $0.nodes.compactMap { byName[$0] } }
            (hopBatches, batchLimit) = (packed.batches, packed.limit)
        } else {
            let batchSize = max(1, options.batchSize)
            groups = stride(from: 0, to: workers.count, by: batchSize).map {
                Array(workers[$0..<min($0 + batchSize, workers.count)])
            }
        }
        for (offset, batch) in groups.enumerated() {
            for node in batch {
                nodes.append(
                    upgrade(node, version, order: nodes.count + 1, batch: offset + 1, runsApply: false, before: before))
            }
            windows.append(batch)
        }
        let upgraded = Set((controlPlane + workers).map(\.nodeName))
        let skipped = scoped.filter { !upgraded.contains($0.nodeName) }.map { node in
            UpgradePlan.SkippedNode(
                host: node.host, node: node.nodeName,
                reason: "already at \(before.kubelet[node.nodeName].map { "\($0)" } ?? "unknown")")
        }
        let snapshotNode = controlPlane.isEmpty ? nil : roles.firstControlPlane?.nodeName
        let preparation = NodeSteps.preparation(
            version: version, stagedNodes: controlPlane.count + workers.count, snapshotNode: snapshotNode)
        var hop = UpgradePlan.Hop(
            number: number, version: "\(version)", versionSource: hopVersion.source, preparation: preparation,
            nodes: nodes, skipped: skipped)
        hop.batches = hopBatches
        hop.maxUnavailableNodes = batchLimit
        return PlannedHop(hop: hop, drainWindows: windows)
    }

    private func upgrade(
        _ node: ClusterRoles.Node, _ version: KubeVersion, order: Int, batch: Int?, runsApply: Bool, before: Snapshot
    ) -> UpgradePlan.NodeUpgrade {
        let context = NodeSteps.Context(
            version: version, role: node.role, runsUpgradeApply: runsApply,
            wasCordoned: cluster.node(named: node.nodeName)?.isUnschedulable ?? false, healthCheck: options.healthCheck)
        return UpgradePlan.NodeUpgrade(
            order: order, host: node.host, node: node.nodeName, role: node.role.rawValue,
            from: before.kubelet[node.nodeName].map { "\($0)" } ?? "unknown", batch: batch,
            steps: NodeSteps.steps(for: context))
    }
}
