import K8sUpInventory
import K8sUpSupport

/// The ordered steps of one node's upgrade in a hop, and the hop-wide
/// preparation steps. Kubeadm runs before the drain and the kubelet after it, as kubeadm's own
/// procedure says (Kubespray swaps the kubelet first, which breaks the skew policy for a moment).
package enum NodeSteps {
    package struct Context {
        package init(
            version: KubeVersion, role: ClusterRoles.Role, runsUpgradeApply: Bool, wasCordoned: Bool,
            healthCheck: String? = nil
        ) {
            self.version = version
            self.role = role
            self.runsUpgradeApply = runsUpgradeApply
            self.wasCordoned = wasCordoned
            self.healthCheck = healthCheck
        }

        var version: KubeVersion
        var role: ClusterRoles.Role
        /// This node runs `kubeadm upgrade apply` (the first control-plane node of the hop).
        var runsUpgradeApply: Bool
        /// The node was cordoned before k8sup touched it, so it stays cordoned.
        var wasCordoned: Bool
        var healthCheck: String?
    }

    package static func steps(for context: Context) -> [UpgradePlan.Step] {
        let version = context.version
        var actions: [(StepAction, String)] = [
            (.backupKubelet, "back up the kubelet binary and configuration"),
            (.upgradeKubeadm, "upgrade kubeadm to \(version)"),
            context.runsUpgradeApply
                ? (.kubeadmUpgradeApply, "kubeadm upgrade apply -y \(version)")
                : (.kubeadmUpgradeNode, "kubeadm upgrade node"),
            (.drain, "cordon and drain"),
            (.upgradeKubelet, "upgrade kubelet and kubectl to \(version)"),
            (.restartKubelet, "restart the kubelet"),
            context.role == .controlPlane
                ? (.waitReady, "wait until the node is Ready at \(version) and its kube-apiserver answers")
                : (.waitReady, "wait until the node is Ready at \(version)"),
        ]
        if let check = context.healthCheck {
            actions.append((.healthCheck, "run the health check: \(check)"))
        }
        actions.append(
            context.wasCordoned
                ? (.keepCordoned, "leave it cordoned (it was cordoned before the upgrade)")
                : (.uncordon, "uncordon"))
        return numbered(actions)
    }

    package static func preparation(
        version: KubeVersion, stagedNodes: Int, snapshotNode: String?
    ) -> [UpgradePlan.Step] {
        var actions: [(StepAction, String)] = [
            (.preflight, "pre-flight checks"),
            (.stage, "stage kubeadm, kubelet and kubectl \(version) on \(stagedNodes) node(s) in parallel"),
        ]
        if let snapshotNode {
            actions.append((.etcdSnapshot, "etcd snapshot on \(snapshotNode)"))
        }
        return numbered(actions)
    }

    private static func numbered(_ actions: [(StepAction, String)]) -> [UpgradePlan.Step] {
        actions.enumerated().map {
            UpgradePlan.Step(number: $0.offset + 1, action: $0.element.0, description: $0.element.1)
        }
    }
}
