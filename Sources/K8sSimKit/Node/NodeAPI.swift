/// The small HTTP API between the node stand-ins (running inside a node's sandbox) and the simulated
/// cluster, under `/k8sim/v1/`. JSON bodies; errors are `{"error": "…"}` with status 4xx/5xx.
///
/// - `GET  /k8sim/v1/nodes/NODE` → `NodeReport`: what the cluster believes about the node.
/// - `POST /k8sim/v1/nodes/NODE/kubelet` with `KubeletReport` → `NodeReport`: the node's kubelet was
///   (re)started with this version (from the kubelet file in the sandbox), or stopped. Faults apply
///   here: a kubelet version set to fail on the node leaves it NotReady.
/// - `POST /k8sim/v1/nodes/NODE/kubeadm` with `KubeadmRequest` → `KubeadmResult`: `kubeadm upgrade
///   apply VERSION` (first control-plane node) or `kubeadm upgrade node`, with kubeadm's one-minor rule
///   and real error texts; on success the node's static pods (and, for apply, the cluster version)
///   move to the version.
/// - `GET  /k8sim/v1/faults/NODE` → `NodeFaults`: faults the stand-ins act on themselves (the node is
///   unreachable: the ssh stand-in exits 255; extra latency).
/// - `POST /k8sim/v1/nodes/NODE/ssh` with `SSHRequest` → `NodeFaults`: the same for one ssh connection
///   that runs the command, using up one refusal or drop of the node's `ssh-refused`/`ssh-drops` faults.
public enum NodeAPI {
    public static let prefix = "/k8sim/v1"

    public struct NodeReport: Codable, Sendable, Equatable {
        public var node: String
        public var controlPlane: Bool
        public var ready: Bool
        public var kubeletVersion: String
        /// The version of this node's kube-apiserver static pod (control-plane nodes), else nil.
        public var staticPodVersion: String?
        /// The cluster's version as kubeadm sees it (the `kubeadm-config` ClusterConfiguration).
        public var clusterVersion: String

        public init(
            node: String, controlPlane: Bool, ready: Bool, kubeletVersion: String, staticPodVersion: String?,
            clusterVersion: String
        ) {
            self.node = node
            self.controlPlane = controlPlane
            self.ready = ready
            self.kubeletVersion = kubeletVersion
            self.staticPodVersion = staticPodVersion
            self.clusterVersion = clusterVersion
        }
    }

    public struct KubeletReport: Codable, Sendable, Equatable {
        /// `v1.29.15`.
        public var version: String
        /// false after `systemctl stop kubelet`.
        public var running: Bool

        public init(version: String, running: Bool) {
            self.version = version
            self.running = running
        }
    }

    public struct KubeadmRequest: Codable, Sendable, Equatable {
        /// `apply` or `node`.
        public var command: String
        /// For `apply`: the target (`v1.29.15`); for `node`: the kubeadm binary's own version.
        public var version: String

        public init(command: String, version: String) {
            self.command = command
            self.version = version
        }
    }

    public struct KubeadmResult: Codable, Sendable, Equatable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String

        public init(exitCode: Int32, stdout: String, stderr: String) {
            self.exitCode = exitCode
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    public struct NodeFaults: Codable, Sendable, Equatable {
        /// ssh to the node fails (exit 255, "connection timed out").
        public var unreachable: Bool
        /// Extra seconds every command on the node takes.
        public var commandDelaySeconds: Double
        /// Extra seconds a package manager takes to fetch packages not downloaded before.
        public var downloadDelaySeconds: Double
        /// This connection is refused (exit 255, "Connection refused"); the command does not run.
        public var refused = false
        /// This connection drops while the command runs: it runs to its end, then ssh exits 255.
        public var drops = false

        public init(unreachable: Bool = false, commandDelaySeconds: Double = 0, downloadDelaySeconds: Double = 0) {
            self.unreachable = unreachable
            self.commandDelaySeconds = commandDelaySeconds
            self.downloadDelaySeconds = downloadDelaySeconds
        }
    }

    public struct SSHRequest: Codable, Sendable, Equatable {
        /// The remote command line.
        public var command: String

        public init(command: String) {
            self.command = command
        }
    }
}
