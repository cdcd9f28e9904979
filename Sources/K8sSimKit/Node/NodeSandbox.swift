import Foundation

/// A simulated node's file system: a directory that stands for the node's `/`, in which the ssh
/// stand-in runs each remote command (so the sandbox-relative paths a k8sim inventory gives the playbook
/// vars land inside it), with the node's Kubernetes binaries as `ToolFile`s, its kubelet unit and
/// configuration, and `.k8sim/` holding the stand-in links (`.k8sim/bin`) and the node's state.
///
/// Layout (`B` is `usr/bin`, or `usr/local/bin` for Kubespray):
///
///     B/kubeadm B/kubelet B/kubectl                 kubectl only on control-plane nodes for Kubespray
///     etc/systemd/system/kubelet.service            ExecStart=/B/kubelet …
///     var/lib/kubelet/config.yaml                   kubeadm's kubelet configuration
///     var/lib/kubelet/kubeadm-flags.env             apt and dnf
///     etc/kubernetes/kubelet.env, kubelet-config.yaml   Kubespray
///     etc/apt/sources.list.d/kubernetes.list, etc/apt/keyrings/kubernetes-apt-keyring.gpg   apt
///     etc/yum.repos.d/kubernetes.repo                dnf
///     control-plane nodes: etc/kubernetes/admin.conf, pki/etcd/*, manifests/*, kubeadm-config.yaml,
///         etc/ssl/etcd/ssl/ca.pem, usr/local/bin/etcdctl, var/lib/etcd/
///     var/backups/, var/lib/k8sup/, tmp/, root/
///     .k8sim/bin/{sudo,systemctl,journalctl,curl,gpg,etcdctl,<package tools>} → the k8sim executable
///     .k8sim/node.json                              `SandboxState`
package struct NodeSandbox: Sendable {
    /// The sandbox directory (absolute).
    package let directory: String
    package let layout: SandboxLayout

    /// The stand-ins every sandbox links in `.k8sim/bin`, besides its layout's package tools.
    static let commonTools = ["sudo", "systemctl", "journalctl", "curl", "gpg", "etcdctl", "df"]
    /// The etcdctl version of control-plane nodes.
    static let etcdctlVersion = "v3.5.16"

    /// Opens an existing sandbox.
    package init(directory: String) throws {
        self.directory = directory
        self.layout = try SandboxState.load(sandbox: directory).layout
    }

    /// Creates the sandbox of a node at `version` in `directory` (created if missing; an existing
    /// sandbox there is replaced).
    ///
    /// - Parameter executable: the k8sim executable (absolute) that the stand-in links and tool files run.
    @discardableResult
    package static func create(
        at directory: String, node: String, version: SimVersion, layout: SandboxLayout, controlPlane: Bool,
        executable: String
    ) throws -> NodeSandbox {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let files = FileManager.default
        if files.fileExists(atPath: root) { try files.removeItem(atPath: root) }
        let writer = SandboxWriter(root: root)
        for folder in [
            "usr/bin", "usr/local/bin", "etc/kubernetes", "var/lib/kubelet", "var/backups", "var/lib/k8sup", "tmp",
            "root", ".k8sim/bin",
        ] {
            try writer.directory(folder)
        }
        let plain = version.release.description
        var tools = ["kubeadm", "kubelet"]
        if controlPlane || layout != .kubespray { tools.append("kubectl") }
        for tool in tools {
            try ToolFile(tool: tool, version: plain).install(
                at: root + "/" + layout.binDirectory + "/" + tool, executable: executable)
        }
        let texts = SandboxFiles(node: node, version: plain, layout: layout)
        try writer.file("etc/systemd/system/kubelet.service", texts.kubeletUnit)
        try writer.file("var/lib/kubelet/config.yaml", SandboxFiles.kubeletConfiguration(writtenBy: "kubeadm " + plain))
        switch layout {
        case .kubespray:
            try writer.file("etc/kubernetes/kubelet.env", texts.kubesprayKubeletEnvironment)
            try writer.file(
                "etc/kubernetes/kubelet-config.yaml", SandboxFiles.kubeletConfiguration(writtenBy: "Kubespray"))
        case .apt:
            try writer.file("var/lib/kubelet/kubeadm-flags.env", SandboxFiles.kubeadmFlags)
            try writer.file("etc/apt/sources.list.d/kubernetes.list", texts.aptSources)
            try writer.file("etc/apt/keyrings/kubernetes-apt-keyring.gpg", SandboxFiles.keyring)
        case .dnf:
            try writer.file("var/lib/kubelet/kubeadm-flags.env", SandboxFiles.kubeadmFlags)
            try writer.file("etc/yum.repos.d/kubernetes.repo", texts.dnfRepository)
        }
        if controlPlane {
            try writer.file("etc/kubernetes/admin.conf", SandboxFiles.adminConfig)
            for name in ["ca.crt", "server.crt", "server.key"] {
                try writer.file("etc/kubernetes/pki/etcd/" + name, "k8sim \(name) of \(node)\n")
            }
            try writer.file("etc/ssl/etcd/ssl/ca.pem", "k8sim etcd CA\n")
            try writer.file("etc/kubernetes/kubeadm-config.yaml", texts.kubeadmConfig)
            try writer.directory("var/lib/etcd")
            try SandboxFiles.writeStaticPods(version: plain, sandbox: root)
            try ToolFile(tool: "etcdctl", version: etcdctlVersion).install(
                at: root + "/usr/local/bin/etcdctl", executable: executable)
        }
        try linkStandIns(Self.commonTools + layout.packageTools, in: root + "/.k8sim/bin", executable: executable)
        var state = SandboxState(node: node, layout: layout, controlPlane: controlPlane)
        if layout != .kubespray {
            let packageVersion = "\(version.major).\(version.minor).\(version.patch)-\(layout.packageRevision)"
            for tool in tools { state.packages[tool] = packageVersion }
            state.repositoryMinor = "\(version.major).\(version.minor)"
            state.repositoryURL = texts.repositoryURL
            if layout == .apt { state.held = Set(tools) }
        }
        try state.save(sandbox: root)
        return try NodeSandbox(directory: root)
    }

    /// Makes `directory/TOOL` a symbolic link to `executable` for each tool (replacing what is there):
    /// the stand-ins' multi-call entry points. `k8sim serve` links its `ssh` the same way.
    package static func linkStandIns(_ tools: [String], in directory: String, executable: String) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for tool in tools {
            let link = directory + "/" + tool
            if (try? files.destinationOfSymbolicLink(atPath: link)) != nil || files.fileExists(atPath: link) {
                try files.removeItem(atPath: link)
            }
            try files.createSymbolicLink(atPath: link, withDestinationPath: executable)
        }
    }

    /// The PATH the node's shell gets before the caller's: the stand-ins, then the node's bin directories.
    package var pathPrefix: String {
        [".k8sim/bin", "usr/local/bin", "usr/bin"].map { directory + "/" + $0 }.joined(separator: ":")
    }

    /// The version the kubelet file in place reports (`v1.29.8`), read from the file itself.
    package func installedKubeletVersion() -> String? {
        ToolFile.version(inFileAt: directory + "/" + layout.kubeletPath)
    }
}
