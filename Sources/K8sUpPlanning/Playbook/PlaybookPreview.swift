import K8sUpInventory
import K8sUpSupport

/// A playbook rendered for the cluster nodes of an inventory, without touching any node: what
/// `k8sup playbook show NAME -i INVENTORY` prints, and what `validate -i` checks (that every step renders
/// for every host, so every var the playbook needs is set).
///
/// Runtime values (`package_version`) are not known yet and show as `${package_version}`.
package struct PlaybookPreview {
    /// One node and its context.
    package struct Target {
        var context: PlaybookContext
        /// The first control-plane node: it runs `kubeadm upgrade apply` and the etcd snapshot.
        var runsUpgradeApply: Bool
    }

    package let playbook: Playbook
    package let targets: [Target]

    /// The cluster nodes of the inventory that `hosts` selects, in upgrade order (control plane first).
    package init(
        playbook: Playbook, loaded: LoadedInventory, roles: ClusterRoles, hosts: Set<String>,
        target: KubeVersion, from: KubeVersion
    ) {
        let resolver = VariableResolver(loaded)
        let first = roles.firstControlPlane?.host
        self.playbook = playbook
        self.targets = roles.nodes.filter { hosts.contains($0.host) }.map { node in
            let context = PlaybookContext(
                target: target, from: from, node: node.nodeName, host: node.host, role: node.role,
                hostVariables: resolver.hostVariables(node.host), deferRuntimeValues: true, masksSecrets: true)
            return Target(context: context, runsUpgradeApply: node.host == first)
        }
    }

    /// Every problem of rendering every step for every node (not only the steps a node runs, so a var
    /// missing anywhere is found), in node order.
    package func problems() -> [PlaybookError] {
        var problems: [PlaybookError] = []
        for target in targets {
            for step in PlaybookStep.allCases {
                do {
                    _ = try playbook.render(step, context: target.context)
                } catch {
                    if !problems.contains(error) { problems.append(error) }
                }
            }
        }
        return problems
    }

    /// The commands each node runs, step by step, in the order k8sup runs them.
    package func text() throws(PlaybookError) -> String {
        var blocks: [String] = []
        for target in targets {
            blocks.append(try text(for: target))
        }
        return blocks.joined(separator: "\n")
    }

    private func text(for target: Target) throws(PlaybookError) -> String {
        let context = target.context
        let role = context.role.rawValue + (target.runsUpgradeApply ? ", runs kubeadm upgrade apply" : "")
        var text = "\(context.host) (node \(context.node), \(role)): \(context.from) -> "
        text += "\(context.target.withoutBuildSuffix) with playbook \(playbook.name)\n"
        let steps = PlaybookStep.sequence(role: context.role, runsUpgradeApply: target.runsUpgradeApply)
        for step in steps {
            text += "  \(step.rawValue)\(Self.note(step)):\n"
            guard playbook.defines(step) else {
                text += "    (not in this playbook: k8sup waits on the node's readiness alone)\n"
                continue
            }
            let lines = try playbook.render(step, context: context)
            text += lines.isEmpty ? "    (nothing to do)\n" : lines.map { "    \($0)\n" }.joined()
        }
        return text
    }

    /// When a step that is not part of the normal order runs.
    private static func note(_ step: PlaybookStep) -> String {
        switch step {
        case .rollbackKubelet: " (only after a failure; restart_kubelet follows)"
        case .kubeletStatus: " (read-only: every few seconds while k8sup waits for the node after restart_kubelet)"
        case .kubeletLogs: " (read-only: when the kubelet does not start or the node is not Ready in time)"
        default: ""
        }
    }
}
