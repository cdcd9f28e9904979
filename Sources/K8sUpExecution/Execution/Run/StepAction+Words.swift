import K8sUpPlanning

extension StepAction {
    /// What the step does, as a person says it in a sentence (`worker-2: upgrading the kubelet and
    /// kubectl failed …`); the short id (`upgrade-kubelet`) stays the column of the progress lines.
    var activity: String {
        switch self {
        case .preflight: "running the pre-flight checks"
        case .stage: "staging kubeadm, kubelet and kubectl"
        case .etcdSnapshot: "taking the etcd snapshot"
        case .backupKubelet: "backing up the kubelet"
        case .upgradeKubeadm: "upgrading kubeadm"
        case .kubeadmUpgradeApply: "running kubeadm upgrade apply"
        case .kubeadmUpgradeNode: "running kubeadm upgrade node"
        case .drain: "cordoning and draining the node"
        case .upgradeKubelet: "upgrading the kubelet and kubectl"
        case .restartKubelet: "restarting the kubelet"
        case .waitReady: "waiting until the node is Ready"
        case .healthCheck: "running the health check"
        case .uncordon: "uncordoning the node"
        case .keepCordoned: "leaving the node cordoned"
        }
    }
}
