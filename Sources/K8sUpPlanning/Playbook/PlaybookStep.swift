import K8sUpInventory

/// The named step lists of a playbook: how each node-local part of an upgrade is done. The raw values
/// are the YAML keys. The cases up to `rollbackKubelet` are in the order k8sup runs them on a node
/// (`rollbackKubelet` only after a failure); the read-only looks at the kubelet follow.
///
/// The Swift code owns the order and the safety logic (drain, waits, journal); a step list only says
/// which shell commands do the work on the node.
package enum PlaybookStep: String, CaseIterable, Sendable {
    case stage
    case discoverVersions = "discover_versions"
    case etcdSnapshot = "etcd_snapshot"
    case backupKubelet = "backup_kubelet"
    case upgradeKubeadm = "upgrade_kubeadm"
    case upgradeControlPlaneFirst = "upgrade_control_plane_first"
    case upgradeControlPlaneOther = "upgrade_control_plane_other"
    case upgradeWorker = "upgrade_worker"
    case upgradeKubelet = "upgrade_kubelet"
    case restartKubelet = "restart_kubelet"
    case rollbackKubelet = "rollback_kubelet"
    // Read-only pre-flight steps, run before anything changes; optional (see `isOptional`).
    case certExpiration = "cert_expiration"
    case componentVersions = "component_versions"
    /// Read-only: the kubelet unit's systemd state, looked at while k8sup waits for the node after a restart.
    case kubeletStatus = "kubelet_status"
    /// Read-only: the kubelet's last journal lines, for the message when the kubelet does not come up.
    case kubeletLogs = "kubelet_logs"

    /// What the step does and where it runs, as help and previews say it.
    package var summary: String {
        switch self {
        case .stage:
            return "every node, in parallel, before anything changes: repository switch and downloads"
        case .discoverVersions:
            return "every node, after stage: prints the exact package version to install on its last line"
        case .etcdSnapshot: return "the first control-plane node, before its first change in a hop"
        case .backupKubelet: return "each node, before kubeadm changes anything: copies the kubelet and its config"
        case .upgradeKubeadm: return "each node: installs kubeadm at the target version"
        case .upgradeControlPlaneFirst: return "the first control-plane node: kubeadm upgrade apply"
        case .upgradeControlPlaneOther: return "the other control-plane nodes: kubeadm upgrade node"
        case .upgradeWorker: return "workers: kubeadm upgrade node"
        case .upgradeKubelet: return "each node, drained: installs kubelet and kubectl at the target version"
        case .restartKubelet: return "each node, after upgrade_kubelet and after rollback_kubelet"
        case .rollbackKubelet: return "a node whose upgrade failed after its kubelet was touched: restores the backup"
        case .certExpiration:
            return "pre-flight, each control-plane node: prints `kubeadm certs check-expiration` (read-only)"
        case .componentVersions:
            return "pre-flight, the first control-plane node: prints `kubeadm upgrade plan VERSION -o json` with "
                + "kubeadm at the hop's version, if installed (read-only)"
        case .kubeletStatus:
            return "read-only, every few seconds while waiting for the node after restart_kubelet: the kubelet "
                + "unit's systemd state"
        case .kubeletLogs:
            return "read-only, when the kubelet does not start or the node is not Ready in time: the kubelet's last "
                + "journal lines"
        }
    }

    /// Whether a playbook may leave the step out: the pre-flight steps (their checks are then reported as
    /// not run) and the kubelet looks (without them k8sup waits on the node's readiness alone). Playbooks
    /// written before these steps existed lack them.
    var isOptional: Bool {
        switch self {
        case .certExpiration, .componentVersions, .kubeletStatus, .kubeletLogs: true
        default: false
        }
    }

    /// The steps one node runs in a hop, in order, then `rollbackKubelet` (which runs only after a
    /// failure, followed by `restartKubelet`) and the read-only looks at the kubelet (`kubeletStatus` while
    /// waiting for the node after each restart, `kubeletLogs` when it does not come up). `stage` and
    /// `discoverVersions` run for every node before any node is changed; `etcdSnapshot` only on the node
    /// that runs `kubeadm upgrade apply`.
    package static func sequence(role: ClusterRoles.Role, runsUpgradeApply: Bool) -> [PlaybookStep] {
        let kubeadmStep: PlaybookStep =
            runsUpgradeApply
            ? .upgradeControlPlaneFirst : role == .controlPlane ? .upgradeControlPlaneOther : .upgradeWorker
        var steps: [PlaybookStep] = [.stage, .discoverVersions]
        if runsUpgradeApply { steps.append(.etcdSnapshot) }
        steps += [.backupKubelet, .upgradeKubeadm, kubeadmStep, .upgradeKubelet, .restartKubelet, .rollbackKubelet]
        steps += [.kubeletStatus, .kubeletLogs]
        return steps
    }

    /// The step lists that carry out one of the plan's actions on a node (empty for the actions k8sup does
    /// itself with kubectl: pre-flight, drain, waits, uncordon).
    package static func steps(for action: StepAction, role: ClusterRoles.Role) -> [PlaybookStep] {
        switch action {
        case .stage: return [.stage, .discoverVersions]
        case .etcdSnapshot: return [.etcdSnapshot]
        case .backupKubelet: return [.backupKubelet]
        case .upgradeKubeadm: return [.upgradeKubeadm]
        case .kubeadmUpgradeApply: return [.upgradeControlPlaneFirst]
        case .kubeadmUpgradeNode: return [role == .controlPlane ? .upgradeControlPlaneOther : .upgradeWorker]
        case .upgradeKubelet: return [.upgradeKubelet]
        case .restartKubelet: return [.restartKubelet]
        case .preflight, .drain, .waitReady, .healthCheck, .uncordon, .keepCordoned: return []
        }
    }
}
