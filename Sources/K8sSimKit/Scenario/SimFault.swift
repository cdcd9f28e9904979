import K8sUpReaders
import K8sUpSupport
import PythonParity

/// One injected fault of a scenario (`faults:`), also settable at runtime through `PUT /k8sim/v1/faults`.
package enum SimFault: Sendable, Equatable {
    /// The kubelet fails to start on `node` (the node goes NotReady); `version` nil means any version
    /// other than the one the cluster was seeded with. Its systemd unit crash-loops (`Restart=always`:
    /// `activating (auto-restart)`, `NRestarts` one higher every `restartSeconds`) or fails for good;
    /// `message` is the kubelet's last error in its journal (`KubeletUnit.defaultFailure` when nil).
    case kubeletFails(
        node: String, version: String?, mode: KubeletFailMode = .crashLoop, restartSeconds: Double = 10,
        message: String? = nil)
    /// `kubeadm upgrade` fails on `node` with exit 1 and `message`; `command` nil means both apply and node.
    case kubeadmFails(node: String, message: String, command: String?)
    /// ssh to `node` fails (exit 255).
    case unreachable(node: String)
    /// The apiserver answers `status` for `fraction` of the requests.
    case apiserverErrors(fraction: Double, status: Int)
    /// The apiserver stalls `seconds` before answering `fraction` of the requests.
    case apiserverStall(fraction: Double, seconds: Double)
    /// A fault of the node itself that pre-flight reads: a full disk, expiring certificates, sudo failing.
    case node(NodeSandboxFault)
    /// For `seconds` after `kubeadm upgrade` replaced a control-plane node's kube-apiserver static pod
    /// (only on `node` and only for `command` apply|node when given), the apiserver is unavailable:
    /// `mode` says how.
    case apiserverOutage(seconds: Double, mode: OutageMode, node: String?, command: String?)
    /// ssh to `node` refuses `count` connections in a row, as sshd does while the node reboots or its
    /// network flaps: `ssh: connect to host H port P: Connection refused`, exit 255, the command never
    /// runs. They start with the first connection whose remote command contains `matching` (any
    /// connection when nil); the ones after it are refused whatever they run.
    case sshRefused(node: String, count: Int, matching: String?)
    /// The ssh connection to `node` drops while the command runs, for the next `count` commands that
    /// contain `matching` (any when nil): the command runs to its end on the node, but ssh reports
    /// `Connection to H closed by remote host.` and exits 255 instead of the command's status.
    case sshDrops(node: String, count: Int, matching: String?)

    /// How an apiserver outage shows.
    package enum OutageMode: String, Sendable, Equatable {
        /// HTTP 503 from the load balancer in front of the apiserver, whose backend is down: kubectl
        /// says `Error from server (ServiceUnavailable): the server is currently unable to handle the request`.
        case unavailable
        /// The apiserver's port is closed, as while its process restarts: open connections are cut, new
        /// ones refused (`The connection to the server … was refused`).
        case refused
    }

    static let defaultKubeadmMessage = "k8sim: injected kubeadm failure"

    /// Reads one `faults:` entry.
    static func read(_ node: DataNode) throws(ScenarioError) -> SimFault {
        let allowed =
            [
                "type", "node", "version", "message", "command", "fraction", "status", "seconds", "mode", "restartSec",
                "count", "matching",
            ] + NodeSandboxFault.fieldNames
        let fields = try ScenarioFields(node, context: "fault", allowed: allowed)
        let type = try fields.requiredString("type")
        switch type {
        case "kubelet-fails":
            return try kubeletFails(fields)
        case "kubeadm-fails":
            let command = try kubeadmCommand(fields)
            return .kubeadmFails(
                node: try fields.requiredString("node"),
                message: try fields.string("message") ?? defaultKubeadmMessage, command: command)
        case "unreachable":
            return .unreachable(node: try fields.requiredString("node"))
        case "apiserver-errors":
            return .apiserverErrors(
                fraction: try fraction(fields), status: try fields.int("status") ?? 503)
        case "apiserver-stall":
            return .apiserverStall(fraction: try fraction(fields), seconds: try fields.double("seconds") ?? 1)
        case "apiserver-outage":
            let seconds = try fields.double("seconds") ?? 20
            guard seconds > 0 else { throw ScenarioError("fault.seconds must be above 0", at: node.location) }
            let modeText = try fields.string("mode") ?? OutageMode.unavailable.rawValue
            guard let mode = OutageMode(rawValue: modeText) else {
                throw ScenarioError("fault.mode must be unavailable or refused, not \(modeText)", at: node.location)
            }
            return .apiserverOutage(
                seconds: seconds, mode: mode, node: try fields.string("node"), command: try kubeadmCommand(fields))
        case "ssh-refused", "ssh-drops":
            let count = try fields.int("count") ?? 1
            guard count > 0 else { throw ScenarioError("fault.count must be 1 or more", at: node.location) }
            let name = try fields.requiredString("node"), matching = try fields.string("matching")
            return type == "ssh-refused"
                ? .sshRefused(node: name, count: count, matching: matching)
                : .sshDrops(node: name, count: count, matching: matching)
        case _ where NodeSandboxFault.typeNames.contains(type):
            return .node(try NodeSandboxFault.read(type: type, fields))
        default:
            throw ScenarioError(
                "unknown fault type \(type) (known: kubelet-fails, kubeadm-fails, unreachable, apiserver-errors,"
                    + " apiserver-stall, apiserver-outage, ssh-refused, ssh-drops, "
                    + NodeSandboxFault.typeNames.joined(separator: ", ") + ")",
                at: node.location)
        }
    }

    private static func kubeletFails(_ fields: ScenarioFields) throws(ScenarioError) -> SimFault {
        let modeName = try fields.string("mode") ?? KubeletFailMode.crashLoop.rawValue
        guard let mode = KubeletFailMode(rawValue: modeName) else {
            throw ScenarioError("fault.mode must be crash-loop or failed, not \(modeName)", at: fields.node.location)
        }
        let restartSeconds = try fields.double("restartSec") ?? 10
        guard restartSeconds > 0 else {
            throw ScenarioError("fault.restartSec must be more than 0 seconds", at: fields.node.location)
        }
        return .kubeletFails(
            node: try fields.requiredString("node"), version: try fields.string("version"), mode: mode,
            restartSeconds: restartSeconds, message: try fields.string("message"))
    }

    /// `command: apply|node`, or nil for both.
    private static func kubeadmCommand(_ fields: ScenarioFields) throws(ScenarioError) -> String? {
        let command = try fields.string("command")
        if let command, command != "apply", command != "node" {
            throw ScenarioError("fault.command must be apply or node, not \(command)", at: fields.node.location)
        }
        return command
    }

    private static func fraction(_ fields: ScenarioFields) throws(ScenarioError) -> Double {
        let value = try fields.double("fraction") ?? 1
        guard (0...1).contains(value) else {
            throw ScenarioError("fault.fraction must be between 0 and 1", at: fields.node.location)
        }
        return value
    }

    /// The entry as JSON data, in the scenario's own format (`GET /k8sim/v1/faults`).
    package var dataValue: DataValue {
        switch self {
        case .kubeletFails(let node, let version, let mode, let restartSeconds, let message):
            // Only what differs from the defaults, as a scenario would say it.
            var value: DataValue = ["type": "kubelet-fails", "node": .string(node)]
            if let version { value[["version"]] = .string(version) }
            if mode != .crashLoop { value[["mode"]] = .string(mode.rawValue) }
            if restartSeconds != 10 { value[["restartSec"]] = .float(restartSeconds) }
            if let message { value[["message"]] = .string(message) }
            return value
        case .kubeadmFails(let node, let message, let command):
            var value: DataValue = ["type": "kubeadm-fails", "node": .string(node), "message": .string(message)]
            if let command { value[["command"]] = .string(command) }
            return value
        case .unreachable(let node):
            return ["type": "unreachable", "node": .string(node)]
        case .apiserverErrors(let fraction, let status):
            return ["type": "apiserver-errors", "fraction": .float(fraction), "status": .int(status)]
        case .apiserverStall(let fraction, let seconds):
            return ["type": "apiserver-stall", "fraction": .float(fraction), "seconds": .float(seconds)]
        case .node(let fault):
            return fault.dataValue
        case .apiserverOutage(let seconds, let mode, let node, let command):
            var value: DataValue = [
                "type": "apiserver-outage", "seconds": .float(seconds), "mode": .string(mode.rawValue),
            ]
            if let node { value[["node"]] = .string(node) }
            if let command { value[["command"]] = .string(command) }
            return value
        case .sshRefused(let node, let count, let matching), .sshDrops(let node, let count, let matching):
            var value: DataValue = ["type": .string(typeName), "node": .string(node), "count": .int(count)]
            if let matching { value[["matching"]] = .string(matching) }
            return value
        }
    }

    /// The fault's `type:` in the scenario.
    package var typeName: String {
        switch self {
        case .kubeletFails: "kubelet-fails"
        case .kubeadmFails: "kubeadm-fails"
        case .unreachable: "unreachable"
        case .apiserverErrors: "apiserver-errors"
        case .apiserverStall: "apiserver-stall"
        case .node(let fault): fault.typeName
        case .apiserverOutage: "apiserver-outage"
        case .sshRefused: "ssh-refused"
        case .sshDrops: "ssh-drops"
        }
    }

    /// The node the fault is about; nil for the apiserver's faults.
    package var node: String? {
        switch self {
        case .kubeletFails(let node, _, _, _, _), .kubeadmFails(let node, _, _), .unreachable(let node),
            .sshRefused(let node, _, _), .sshDrops(let node, _, _):
            node
        case .apiserverOutage(_, _, let node, _): node
        case .node(let fault): fault.node
        case .apiserverErrors, .apiserverStall: nil
        }
    }

    /// Reads the body of `PUT /k8sim/v1/faults`, YAML or JSON: a `faults:` list as in the scenario, that list
    /// under a `faults` key, or one fault alone. An empty body, an empty list or an empty `faults:` clears
    /// them all. With `nodes`, a fault naming any other node is an error at its place.
    package static func readList(text: String, file: String, nodes: Set<String>? = nil) throws(ScenarioError)
        -> [SimFault]
    {
        let root: DataNode?
        do {
            root = try DataNode.load(text: text, file: file)
        } catch {
            throw ScenarioError(error.message, at: error.location)
        }
        guard let root, !root.isNull else { return [] }
        let items: [DataNode]
        if let list = root.items {
            items = list
        } else if let list = root["faults"] {
            guard !list.isNull else { return [] }
            guard let list = list.items else {
                throw ScenarioError("faults must be a list, not a \(list.kindName)", at: list.location)
            }
            items = list
        } else if root["type"] != nil {
            items = [root]
        } else {
            throw ScenarioError(
                "expected a list of faults (as under the scenario's faults:), {faults: [...]} or one fault "
                    + "{type: ..., ...}, not this \(root.kindName); [] clears them all", at: root.location)
        }
        var faults: [SimFault] = []
        for item in items {
            let fault = try read(item)
            if let nodes, let node = fault.node, !nodes.contains(node) {
                throw ScenarioError(
                    "fault.node \(node) is not a node of the simulated cluster (nodes: "
                        + nodes.sorted().joined(separator: ", ") + ")", at: item.location)
            }
            faults.append(fault)
        }
        return faults
    }
}

/// How a `kubelet-fails` fault's systemd unit shows the kubelet that does not start.
package enum KubeletFailMode: String, Sendable, Equatable {
    /// `Restart=always` (kubeadm's and Kubespray's units): systemd starts it again every `RestartSec`.
    case crashLoop = "crash-loop"
    /// systemd gave up: `ActiveState=failed` (a unit without `Restart=`, or past its start limit).
    case failed
}
