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
package enum NodeAPI {
    package static let prefix = "/k8sim/v1"

    package struct NodeReport: Codable, Sendable, Equatable {
        package var node: String
        package var controlPlane: Bool
        package var ready: Bool
        package var kubeletVersion: String
        /// The version of this node's kube-apiserver static pod (control-plane nodes), else nil.
        package var staticPodVersion: String?
        /// The cluster's version as kubeadm sees it (the `kubeadm-config` ClusterConfiguration).
        package var clusterVersion: String

        package init(
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

    package struct KubeletReport: Codable, Sendable, Equatable {
        /// `v1.29.15`.
        package var version: String
        /// false after `systemctl stop kubelet`, or when the unit's binary does not run.
        package var running: Bool
        /// Why the unit's binary could not be executed, as systemd says it (`Failed to execute
        /// /usr/bin/kubelet: …`), when a start found it broken: the unit then crash-loops with status 203.
        package var startFailure: String?

        package init(version: String, running: Bool, startFailure: String? = nil) {
            self.version = version
            self.running = running
            self.startFailure = startFailure
        }
    }

    /// The kubelet's systemd unit: what `systemctl show kubelet` and `journalctl -u kubelet` print.
    package struct KubeletUnitReport: Codable, Sendable, Equatable {
        /// `active`, `activating`, `failed`, `inactive`.
        package var activeState: String
        /// `running`, `auto-restart`, `failed`, `dead`.
        package var subState: String
        /// systemd's automatic restarts since the unit was last started by hand.
        package var restarts: Int
        /// The main process's last exit status.
        package var exitStatus: Int
        /// The unit's journal lines, oldest first (the last few hundred).
        package var journal: [String]

        package init(activeState: String, subState: String, restarts: Int, exitStatus: Int, journal: [String]) {
            self.activeState = activeState
            self.subState = subState
            self.restarts = restarts
            self.exitStatus = exitStatus
            self.journal = journal
        }
    }

    package struct KubeadmRequest: Codable, Sendable, Equatable {
        /// `apply` or `node`.
        package var command: String
        /// For `apply`: the target (`v1.29.15`); for `node`: the kubeadm binary's own version.
        package var version: String

        package init(command: String, version: String) {
            self.command = command
            self.version = version
        }
    }

    package struct KubeadmResult: Codable, Sendable, Equatable {
        package var exitCode: Int32
        package var stdout: String
        package var stderr: String

        package init(exitCode: Int32, stdout: String, stderr: String) {
            self.exitCode = exitCode
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    package struct NodeFaults: Codable, Sendable, Equatable {
        /// ssh to the node fails (exit 255, "connection timed out").
        package var unreachable: Bool
        /// Extra seconds every command on the node takes.
        package var commandDelaySeconds: Double
        /// Extra seconds a package manager takes to fetch packages not downloaded before.
        package var downloadDelaySeconds: Double
        /// `disk-full`: the free space `df` reports on every path; nil for the normal plenty.
        package var freeMB: Int?
        /// `certs-expiring`: days left on the control-plane certificates (below zero: expired); nil for the
        /// normal year.
        package var certificateDaysLeft: Int?
        /// `sudo-fails`: `sudo -n` asks for a password.
        package var sudoFails: Bool
        /// This connection is refused (exit 255, "Connection refused"); the command does not run.
        package var refused = false
        /// This connection drops while the command runs: it runs to its end, then ssh exits 255.
        package var drops = false
        /// What the dropped command contains (the fault's `matching`): in a script of several command lines
        /// the connection drops while the first line containing it runs; nil: while the first line runs.
        package var dropMatching: String?

        package init(
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

    package struct SSHRequest: Codable, Sendable, Equatable {
        /// The remote command line.
        package var command: String

        package init(command: String) {
            self.command = command
        }
    }
}
