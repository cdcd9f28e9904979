/// How a simulated node's Kubernetes binaries are installed, which decides where they live in its
/// sandbox and which package manager stand-ins it has.
package enum SandboxLayout: String, Codable, Sendable, CaseIterable {
    /// Kubespray: binaries downloaded into `usr/local/bin`, `etc/kubernetes/kubelet.env`, no packages.
    case kubespray
    /// pkgs.k8s.io Debian packages: binaries in `usr/bin`, `apt-get`, `apt-mark`, `apt-cache`.
    case apt
    /// pkgs.k8s.io rpm packages: binaries in `usr/bin`, `dnf` and `yum`.
    case dnf

    /// Where kubeadm, kubelet and kubectl are, relative to the sandbox.
    package var binDirectory: String { self == .kubespray ? "usr/local/bin" : "usr/bin" }

    /// The kubelet binary, relative to the sandbox.
    package var kubeletPath: String { binDirectory + "/kubelet" }

    /// The package manager stand-ins a node of this layout has in `.k8sim/bin`.
    var packageTools: [String] {
        switch self {
        case .kubespray: []
        case .apt: ["apt-get", "apt-mark", "apt-cache"]
        case .dnf: ["dnf", "yum"]
        }
    }

    /// The package revision suffix of the pkgs.k8s.io repositories (`1.30.4-1.1`, `1.30.4-150500.1.1`).
    var packageRevision: String { self == .dnf ? "150500.1.1" : "1.1" }
}
