extension SandboxLayout {
    /// The built-in playbook for nodes of this layout.
    package var playbookName: String {
        switch self {
        case .kubespray: "kubespray"
        case .apt: "kubeadm-apt"
        case .dnf: "kubeadm-dnf"
        }
    }

    /// The vars a k8sim inventory sets for this layout's playbook: every path the playbook touches,
    /// relative to the sandbox (the remote shell's working directory), so the commands land inside it.
    package var playbookVariables: [String: String] {
        let etcd = [
            "etcd_data_dir": "var/lib/etcd", "etcd_cert_dir": "etc/ssl/etcd/ssl", "etcd_backup_prefix": "var/backups",
            "k8sup_backup_dir": "var/lib/k8sup/backup", "bin_dir": "usr/local/bin", "kube_config_dir": "etc/kubernetes",
        ]
        switch self {
        case .kubespray:
            return etcd.merging([
                "kubeadm_config_file": "etc/kubernetes/kubeadm-config.yaml", "local_release_dir": "tmp/releases",
                "kube_cert_dir": "etc/kubernetes/ssl",
            ]) { $1 }
        case .apt:
            return etcd.merging([
                "apt_signed_by": "etc/apt/keyrings/kubernetes-apt-keyring.gpg",
                "apt_sources_file": "etc/apt/sources.list.d/kubernetes.list", "kubelet_binary": "usr/bin/kubelet",
                "kubelet_config_dir": "var/lib/kubelet",
            ]) { $1 }
        case .dnf:
            return etcd.merging([
                "dnf_repo_file": "etc/yum.repos.d/kubernetes.repo", "kubelet_binary": "usr/bin/kubelet",
                "kubelet_config_dir": "var/lib/kubelet",
            ]) { $1 }
        }
    }
}
