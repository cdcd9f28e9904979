/// The small HTTP API between the node stand-ins (running inside a node's sandbox) and the simulated
/// cluster, under `/k8sim/v1/`. JSON bodies; errors are `{"error": "…"}` with status 4xx/5xx.
///
/// - `GET  /k8sim/v1/nodes/NODE` → `NodeReport`: what the cluster believes about the node.
/// - `POST /k8sim/v1/nodes/NODE/kubelet` with `KubeletReport` → `NodeReport`: the node's kubelet was
///   (re)started with this version (from the kubelet file in the sandbox), or stopped. Faults apply
///   here: a kubelet version set to fail on the node leaves it NotReady.
/// - `GET  /k8sim/v1/nodes/NODE/kubelet` → `KubeletUnitReport`: the kubelet's systemd unit now (state,
///   automatic restarts, journal), for the `systemctl show` and `journalctl` stand-ins.
/// - `POST /k8sim/v1/nodes/NODE/kubeadm` with `KubeadmRequest` → `KubeadmResult`: `kubeadm upgrade
///   apply VERSION` (first control-plane node) or `kubeadm upgrade node`, with kubeadm's one-minor rule
///   and real error texts; on success the node's static pods (and, for apply, the cluster version)
///   move to the version.
/// - `GET  /k8sim/v1/faults/NODE` → `NodeFaults`: faults the stand-ins act on themselves (the node is
///   unreachable: the ssh stand-in exits 255; extra latency; a full disk, expiring certificates, sudo
///   asking for a password, which the ssh stand-in hands to the node's shell as `K8SIM_*` variables).
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
        /// false after `systemctl stop kubelet`, or when the unit's binary does not run.
        public var running: Bool
        /// Why the unit's binary could not be executed, as systemd says it (`Failed to execute
        /// /usr/bin/kubelet: …`), when a start found it broken: the unit then crash-loops with status 203.
        public var startFailure: String?

        public init(version: String, running: Bool, startFailure: String? = nil) {
            self.version = version
            self.running = running
            self.startFailure = startFailure
        }
    }

    /// The kubelet's systemd unit: what `systemctl show kubelet` and `journalctl -u kubelet` print.
    public struct KubeletUnitReport: Codable, Sendable, Equatable {
        /// `active`, `activating`, `failed`, `inactive`.
        public var activeState: String
        /// `running`, `auto-restart`, `failed`, `dead`.
        public var subState: String
        /// systemd's automatic restarts since the unit was last started by hand.
        public var restarts: Int
        /// The main process's last exit status.
        public var exitStatus: Int
        /// The unit's journal lines, oldest first (the last few hundred).
        public var journal: [String]

        public init(activeState: String, subState: String, restarts: Int, exitStatus: Int, journal: [String]) {
            self.activeState = activeState
            self.subState = subState
            self.restarts = restarts
            self.exitStatus = exitStatus
            self.journal = journal
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
        /// `disk-full`: the free space `df` reports on every path; nil for the normal plenty.
        public var freeMB: Int?
        /// `certs-expiring`: days left on the control-plane certificates (below zero: expired); nil for the
        /// normal year.
        public var certificateDaysLeft: Int?
        /// `sudo-fails`: `sudo -n` asks for a password.
        public var sudoFails: Bool
        /// This connection is refused (exit 255, "Connection refused"); the command does not run.
        public var refused = false
        /// This connection drops while the command runs: it runs to its end, then ssh exits 255.
        public var drops = false

        public init(
            unreachable: Bool = false, commandDelaySeconds: Double = 0, downloadDelaySeconds: Double = 0,
            freeMB: Int? = nil, certificateDaysLeft: Int? = nil, sudoFails: Bool = false
        ) {
            self.unreachable = unreachable
            self.commandDelaySeconds = commandDelaySeconds
            self.downloadDelaySeconds = downloadDelaySeconds
            self.freeMB = freeMB
            self.certificateDaysLeft = certificateDaysLeft
            self.sudoFails = sudoFails
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
