import K8sUpReaders
import K8sUpSupport
import PythonParity

/// What the simulator tracks about a node beyond its Node object: its kubelet and control plane.
struct SimNodeState: Sendable, Equatable {
    var controlPlane: Bool
    /// The kubelet binary the node last reported (or was seeded with).
    var kubeletVersion: String
    var kubeletRunning: Bool
    /// The version of the node's control-plane static pods; nil on workers.
    var staticPodVersion: String?
    /// Bumped on every kubelet report, so a pending "turn Ready" event of an older start is dropped.
    var kubeletEpoch: Int = 0
    /// The kubelet's systemd unit since k8sim last saw it started or stopped; nil while it runs as seeded.
    var kubeletUnit: KubeletUnit?
    /// The journal lines of the unit's earlier runs, oldest first (the last `journalLimit`).
    var kubeletJournal: [String] = []

    static let journalLimit = 200
}

/// A controller action due at a simulated time.
struct PendingEvent: Sendable {
    enum Action: Sendable {
        /// The controller of a deleted pod creates its replacement (from the deleted pod as template).
        case replace(pod: DataValue, avoiding: String?)
        /// A scheduled pod's containers are up.
        case podReady(namespace: String, name: String, uid: String)
        /// A (re)started kubelet posts Ready.
        case nodeReady(node: String, epoch: Int)
    }

    var due: Double
    var action: Action
}
