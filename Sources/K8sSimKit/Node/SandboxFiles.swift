import Foundation

/// The texts of a new sandbox's configuration files, and of the files kubeadm rewrites on upgrade.
struct SandboxFiles {
    let node: String
    /// `v1.29.8`.
    let version: String
    let layout: SandboxLayout

    /// `1.29`.
    var minor: String { String(version.dropFirst()).split(separator: ".").prefix(2).joined(separator: ".") }

    var repositoryURL: String {
        "https://pkgs.k8s.io/core:/stable:/v\(minor)/" + (layout == .dnf ? "rpm" : "deb")
    }

    var kubeletUnit: String {
        let kubelet = "/" + layout.kubeletPath
        let service: String
        if layout == .kubespray {
            service = """
                EnvironmentFile=-/etc/kubernetes/kubelet.env
                ExecStart=\(kubelet) $KUBE_LOGTOSTDERR $KUBE_LOG_LEVEL $KUBELET_API_SERVER $KUBELET_ADDRESS $KUBELET_HOSTNAME $KUBELET_ARGS
                """
        } else {
            service = """
                Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
                EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
                ExecStart=\(kubelet) $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
                """
        }
        return """
            [Unit]
            Description=kubelet: The Kubernetes Node Agent
            [Service]
            \(service)
            Restart=always
            [Install]
            WantedBy=multi-user.target

            """
    }

    static func kubeletConfiguration(writtenBy writer: String) -> String {
        """
        # written by \(writer)
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: systemd

        """
    }

    static let kubeadmFlags =
        "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"
        + " --pod-infra-container-image=registry.k8s.io/pause:3.9\"\n"

    var kubesprayKubeletEnvironment: String {
        """
        KUBE_LOG_LEVEL="--v=2"
        KUBELET_HOSTNAME="--hostname-override=\(node)"
        KUBELET_ARGS="--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --config=/etc/kubernetes/kubelet-config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf"

        """
    }

    var aptSources: String {
        "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] \(repositoryURL)/ /\n"
    }

    static let keyring = "k8sim keyring of pkgs.k8s.io\n"

    var dnfRepository: String {
        """
        [kubernetes]
        name=Kubernetes
        baseurl=\(repositoryURL)/
        enabled=1
        gpgcheck=1
        gpgkey=\(repositoryURL)/repodata/repomd.xml.key
        exclude=kubelet kubeadm kubectl cri-tools kubernetes-cni

        """
    }

    static let adminConfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            server: https://127.0.0.1:6443
          name: kubernetes
        contexts:
        - context:
            cluster: kubernetes
            user: kubernetes-admin
          name: kubernetes-admin@kubernetes
        current-context: kubernetes-admin@kubernetes
        users:
        - name: kubernetes-admin

        """

    var kubeadmConfig: String {
        """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: \(version)
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: UpgradeConfiguration
        apply:
          etcdUpgrade: false
          certificateRenewal: true

        """
    }

    /// The control-plane static pod manifests of `version`, as `kubeadm upgrade` leaves them.
    static func writeStaticPods(version: String, sandbox: String) throws {
        let writer = SandboxWriter(root: sandbox)
        for component in ["kube-apiserver", "kube-controller-manager", "kube-scheduler"] {
            try writer.file(
                "etc/kubernetes/manifests/\(component).yaml",
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: \(component)
                  namespace: kube-system
                spec:
                  containers:
                  - name: \(component)
                    image: registry.k8s.io/\(component):\(version)

                """)
        }
    }
}
