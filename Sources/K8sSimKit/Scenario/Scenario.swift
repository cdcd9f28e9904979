import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// A k8sim scenario file: the workloads, PDBs, timing and faults of a simulated cluster. YAML (or JSON),
/// read with k8sup's own reader; unknown keys are errors with `file:line:column`.
///
/// ```yaml
/// from: v1.28.15            # cluster/kubelet version when seeding from an inventory
/// delays: {podReschedule: 0, podStart: 0, kubeletStart: 0, apiLatency: 0, command: 0}   # seconds
/// cordoned: [worker-2]      # nodes cordoned at start
/// workloads:                # kind Deployment|StatefulSet|DaemonSet|Pod; nodes: optional placement
///   - {name: web, namespace: default, kind: Deployment, replicas: 3, labels: {app: web}, emptyDir: false,
///      nodes: [worker-1]}
/// pdbs:                     # minAvailable or maxUnavailable, int or "50%"; selector: labels or a LabelSelector
///   - {name: web, namespace: default, selector: {app: web}, minAvailable: 2,
///      unhealthyPodEvictionPolicy: AlwaysAllow}
/// deprecatedAPIs:           # reported in /metrics as apiserver_requested_deprecated_apis
///   - {group: policy, version: v1beta1, resource: poddisruptionbudgets, removedRelease: "1.25"}
/// faults:                   # may be left empty (every entry commented out): no faults
///   - {type: kubelet-fails, node: worker-3, version: v1.29.15}  # version optional: any but the seeded one
///   - {type: kubelet-fails, node: worker-4, mode: failed, restartSec: 10, message: "…"}
///     # the unit crash-loops (mode crash-loop, the default: `activating (auto-restart)`, NRestarts one
///     # higher every restartSec seconds, 10 by default as kubeadm's unit) or fails at once (mode failed);
///     # message: the kubelet's error in its journal (default: a container runtime too old for it)
///   - {type: kubeadm-fails, node: cp-2, message: "…", command: apply}  # command optional: apply|node
///   - {type: unreachable, node: worker-5}
///   - {type: apiserver-errors, fraction: 0.1, status: 503}   # 500, 502, 503, 504, 429: a real apiserver's answer
///   - {type: apiserver-stall, fraction: 0.05, seconds: 2}
///   - {type: apiserver-outage, seconds: 20, mode: unavailable, command: apply}  # after kubeadm replaced a
///                           # kube-apiserver; mode unavailable (HTTP 503) | refused; node, command optional
///   - {type: ssh-refused, node: worker-2, count: 3, matching: kubelet}  # the next 3 ssh connections refused,
///                           # from the first whose command contains `matching` (optional)
///   - {type: ssh-drops, node: cp-1, count: 1, matching: "kubeadm upgrade"}  # the command runs, ssh exits 255
/// seed: 1                   # for the pseudo-random choice of requests that fail or stall
/// zones: {worker-1: a, worker-2: b}            # topology.kubernetes.io/zone label of each node
/// allocatable: {cpu: "8", memory: 32Gi}        # every worker's status.allocatable (default 4 CPU, ~7.5Gi)
/// ```
/// Workloads may request resources per pod (`cpu: 500m, memory: 1Gi`); a replacement that fits on no
/// schedulable node stays Pending until one has room (counted at `GET /k8sim/v1/counters`). `delays:`
/// takes `scale: 0.1` to multiply every delay, for a quick run of a realistic scenario.
/// A PDB that never allows a disruption is `maxUnavailable: 0` (or `minAvailable: "100%"`).
/// A running simulator takes the same fault entries at `PUT /k8sim/v1/faults` (see `SimFault.readList`);
/// a fault naming a node the cluster does not have is refused there and at startup.
package struct Scenario: Sendable, Equatable {
    package var from: String?
    package var delays: SimDelays
    package var cordoned: [String]
    package var workloads: [WorkloadSpec]
    package var pdbs: [BudgetSpec]
    package var deprecatedAPIs: [SimDeprecatedRequest]
    package var faults: [SimFault]
    package var seed: UInt64
    /// The zone label of each node, by node name.
    package var zones: [String: String] = [:]
    /// Every worker's `status.allocatable` (`cpu`, `memory`), when set.
    package var allocatable: [String: String] = [:]

    package init(
        from: String? = nil, delays: SimDelays = .zero, cordoned: [String] = [], workloads: [WorkloadSpec] = [],
        pdbs: [BudgetSpec] = [], deprecatedAPIs: [SimDeprecatedRequest] = [], faults: [SimFault] = [], seed: UInt64 = 1
    ) {
        self.from = from
        self.delays = delays
        self.cordoned = cordoned
        self.workloads = workloads
        self.pdbs = pdbs
        self.deprecatedAPIs = deprecatedAPIs
        self.faults = faults
        self.seed = seed
    }

    /// Reads a scenario file.
    package static func load(path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError("cannot read the scenario file", at: SourceLocation(file: path))
        }
        return try parse(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads scenario text; `file` names it in errors.
    package static func parse(text: String, file: String) throws(ScenarioError) -> Scenario {
        let root: DataNode?
        do {
            root = try DataNode.load(text: text, file: file)
        } catch {
            throw ScenarioError(error.message, at: error.location)
        }
        guard let root else { return Scenario() }
        let fields = try ScenarioFields(
            root, context: "scenario",
            allowed: [
                "from", "delays", "cordoned", "workloads", "pdbs", "deprecatedAPIs", "faults", "seed", "zones",
                "allocatable",
            ])
        var scenario = Scenario()
        if let from = try fields.string("from") {
            guard SimVersion(from) != nil else {
                throw ScenarioError(
                    "from: \(from) is not a Kubernetes version", at: fields.raw("from")?.location ?? root.location)
            }
            scenario.from = from.hasPrefix("v") ? from : "v" + from
        }
        if let delays = fields.raw("delays") { scenario.delays = try readDelays(delays) }
        scenario.cordoned = try fields.strings("cordoned")
        for item in try fields.list("workloads") { scenario.workloads.append(try WorkloadSpec.read(item)) }
        for item in try fields.list("pdbs") { scenario.pdbs.append(try BudgetSpec.read(item)) }
        for item in try fields.list("deprecatedAPIs") {
            scenario.deprecatedAPIs.append(try SimDeprecatedRequest.read(item))
        }
        for item in try fields.list("faults") { scenario.faults.append(try SimFault.read(item)) }
        if let seed = try fields.int("seed") { scenario.seed = UInt64(truncatingIfNeeded: seed) }
        scenario.zones = try fields.stringMap("zones")
        scenario.allocatable = try fields.stringMap("allocatable")
        return scenario
    }

    private static func readDelays(_ node: DataNode) throws(ScenarioError) -> SimDelays {
        let fields = try ScenarioFields(
            node, context: "delays",
            allowed: ["podReschedule", "podStart", "kubeletStart", "apiLatency", "command", "download", "scale"])
        var delays = SimDelays()
        delays.podReschedule = try fields.double("podReschedule") ?? 0
        delays.podStart = try fields.double("podStart") ?? 0
        delays.kubeletStart = try fields.double("kubeletStart") ?? 0
        delays.apiLatency = try fields.double("apiLatency") ?? 0
        delays.command = try fields.double("command") ?? 0
        delays.download = try fields.double("download") ?? 0
        if let scale = try fields.double("scale") { delays = delays.scaled(by: max(0, scale)) }
        return delays
    }
}
