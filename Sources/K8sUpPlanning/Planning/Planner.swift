import K8sUpCluster
import K8sUpInventory
import K8sUpSupport

/// Turns the inventory's roles, the cluster state and the operator's options into an `UpgradePlan`:
/// the version path, the hops with their ordered node upgrades, and every check's findings. A pure
/// function of its inputs, so `plan`, `apply --dry-run` and `apply` see the same plan.
package enum Planner {
    package static func plan(_ inputs: PlanInputs) throws -> UpgradePlan {
        let cluster = inputs.cluster
        let roles = inputs.roles
        let clusterNames = Set(cluster.nodes.map(\.name))
        guard roles.nodes.contains(where: { clusterNames.contains($0.nodeName) }) else {
            throw PlanError.differentCluster(
                inventoryNodes: roles.nodes.map(\.nodeName), clusterNodes: cluster.nodes.map(\.name))
        }
        guard roles.nodes.contains(where: { inputs.selectedHosts.contains($0.host) }) else {
            throw PlanError.nothingSelected(limit: inputs.limit ?? "all")
        }
        let (target, targetSource) = try VersionPath.target(
            options: inputs.options, inventoryTarget: inputs.inventoryTarget)
        var checks = CheckCollector()
        ClusterChecks.inventoryMatch(roles: roles, cluster: cluster, selectedHosts: inputs.selectedHosts, into: &checks)
        let scoped = roles.nodes.filter { inputs.selectedHosts.contains($0.host) && clusterNames.contains($0.nodeName) }
        ClusterChecks.nodeHealth(roles: roles, cluster: cluster, scoped: scoped, into: &checks)

        let apiservers = cluster.apiserverVersions
        let kubelets = knownKubelets(cluster, scoped: scoped, into: &checks)
        var planned: [HopPlanner.PlannedHop] = []
        var stopsEarly = false
        let controlPlane = apiservers.values.min() ?? inputs.live?.serverVersion
        if let controlPlane {
            (planned, stopsEarly) = try hops(
                inputs, target: target, controlPlane: controlPlane, apiservers: apiservers, kubelets: kubelets,
                scoped: scoped, into: &checks)
            if let live = inputs.live {
                let choice = KubectlChoice.pick(hops: planned.map(\.hop), controlPlane: controlPlane, live: live)
                for index in planned.indices { planned[index].hop.kubectl = choice.chosen[planned[index].hop.number] }
                LiveChecks.check(live, controlPlane: controlPlane, hops: planned.map(\.hop), into: &checks)
            }
        } else {
            checks.add(
                "version.control-plane-unknown", .blocker,
                "the control-plane version is unknown: no kube-apiserver static pod was found in kube-system",
                fix: "plan against the live cluster (it asks the apiserver), or take the snapshot with "
                    + "`kubectl get nodes,pods,pdb -A -o json` so that it includes kube-system")
        }
        var hops = planned.map(\.hop)
        var preflight: UpgradePlan.Preflight?
        if inputs.live == nil {
            preflight = PreflightChecks.snapshot
        } else if let facts = inputs.preflight {
            preflight = PreflightChecks.check(facts, hops: &hops, into: &checks)
        }
        var plan = assemble(
            inputs, target: target, targetSource: targetSource, apiservers: apiservers,
            kubelets: kubelets, controlPlane: controlPlane, hops: hops, stopsEarly: stopsEarly,
            checks: checks)
        plan.preflight = preflight
        return plan
    }

    private static func hops(
        _ inputs: PlanInputs, target: KubeVersion, controlPlane: KubeVersion, apiservers: [String: KubeVersion],
        kubelets: [String: KubeVersion], scoped: [ClusterRoles.Node], into checks: inout CheckCollector
    ) throws -> (hops: [HopPlanner.PlannedHop], stopsEarly: Bool) {
        let scopedNames = Set(scoped.map(\.nodeName))
        let stop = VersionChecks.preconditions(
            target: target, controlPlane: controlPlane, apiservers: apiservers, kubelets: kubelets,
            scopedNodeNames: scopedNames, into: &checks)
        guard !stop else { return ([], false) }
        let scopedVersions =
            scoped.compactMap { kubelets[$0.nodeName] }
            + scoped.compactMap { apiservers[$0.nodeName] }
        let lowest = ([controlPlane] + scopedVersions).min() ?? controlPlane
        let path = try VersionPath.hops(
            from: lowest, to: target, via: inputs.options.via, inventoryVia: inputs.inventoryVia)
        VersionChecks.unknownMinors(path.unknownMinors, into: &checks)
        guard path.unknownMinors.isEmpty else { return ([], false) }
        var planner = HopPlanner(
            roles: inputs.roles, scoped: scoped, cluster: inputs.cluster, options: inputs.options, limit: inputs.limit,
            apiserver: apiservers, kubelet: kubelets, zones: inputs.zones)
        let (planned, obstacle) = planner.plan(path.hops)
        if let (version, reason) = obstacle {
            VersionChecks.obstacle(
                at: version, reason, plannedHops: planned.map(\.hop), target: target, limit: inputs.limit,
                into: &checks)
        }
        DrainSimulation(cluster: inputs.cluster).check(planned, into: &checks)
        ClusterChecks.drainedPods(planned, cluster: inputs.cluster, into: &checks)
        return (planned, obstacle != nil && !planned.isEmpty)
    }

    /// Kubelet versions that parse; a node in scope without one blocks (nothing can be planned for it).
    private static func knownKubelets(
        _ cluster: ClusterState, scoped: [ClusterRoles.Node], into checks: inout CheckCollector
    ) -> [String: KubeVersion] {
        var versions: [String: KubeVersion] = [:]
        let scopedNames = Set(scoped.map(\.nodeName))
        for node in cluster.nodes {
            if let version = node.kubeletVersion {
                versions[node.name] = version
            } else if scopedNames.contains(node.name) {
                checks.add(
                    "version.kubelet-unknown", .blocker,
                    "the kubelet version of node \(node.name) is unknown (status.nodeInfo.kubeletVersion)",
                    nodes: [node.name], fix: "check that the kubelet on \(node.name) runs and reports its status")
            }
        }
        return versions
    }

    private static func assemble(
        _ inputs: PlanInputs, target: KubeVersion, targetSource: String, apiservers: [String: KubeVersion],
        kubelets: [String: KubeVersion], controlPlane: KubeVersion?, hops: [UpgradePlan.Hop], stopsEarly: Bool,
        checks: CheckCollector
    ) -> UpgradePlan {
        let sorted = checks.sorted
        let blockers = sorted.filter { $0.severity == .blocker }.count
        let upgrades = hops.reduce(0) { $0 + $1.nodes.count }
        let outcome = blockers > 0 ? "blocked" : (upgrades == 0 ? "nothing-to-do" : "ready")
        var plan = UpgradePlan(
            inventory: inputs.inventorySources, clusterSource: inputs.cluster.source, limit: inputs.limit,
            batchSize: max(1, inputs.options.batchSize),
            current: UpgradePlan.CurrentVersions(
                controlPlane: controlPlane.map { "\($0)" }, apiservers: apiservers.mapValues { "\($0)" },
                kubelets: kubelets.mapValues { "\($0)" }),
            target: UpgradePlan.Target(version: "\(target)", source: targetSource),
            hops: hops, checks: sorted,
            summary: UpgradePlan.Summary(
                outcome: outcome, blockers: blockers, warnings: sorted.count - blockers, hops: hops.count,
                nodeUpgrades: upgrades, stopsAt: stopsEarly ? hops.last?.version : nil))
        plan.autoBatch = inputs.options.autoBatch.map {
            UpgradePlan.AutoBatch(maxUnavailable: $0.maxUnavailable.description, acrossZones: $0.acrossZones)
        }
        return plan
    }
}
