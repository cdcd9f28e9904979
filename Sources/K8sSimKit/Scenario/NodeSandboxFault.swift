import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Faults of a node itself that k8sup's pre-flight reads over ssh before anything changes:
/// - `disk-full` (`node`, `freeMB`: the free space `df` reports on every path of the node);
/// - `certs-expiring` (`node`, `days` left on every control-plane certificate, or `expired: true`), as
///   `kubeadm certs check-expiration` prints them;
/// - `sudo-fails` (`node`): `sudo -n` asks for a password, so it fails as sudo does.
/// One case of `SimFault` (`.node`), so that these stay apart from the cluster's faults.
package enum NodeSandboxFault: Sendable, Equatable {
    case diskFull(node: String, freeMB: Int)
    /// `daysLeft` below zero: expired that many days ago.
    case certsExpiring(node: String, daysLeft: Int)
    case sudoFails(node: String)

    static let typeNames = ["disk-full", "certs-expiring", "sudo-fails"]
    /// The scenario fields these faults use besides `type` and `node`.
    static let fieldNames = ["freeMB", "days", "expired"]

    /// Reads one `faults:` entry of one of `typeNames`.
    static func read(type: String, _ fields: ScenarioFields) throws(ScenarioError) -> NodeSandboxFault {
        let node = try fields.requiredString("node")
        switch type {
        case "disk-full":
            let free = try fields.int("freeMB") ?? 100
            guard free >= 0 else { throw ScenarioError("fault.freeMB must be 0 or more", at: fields.node.location) }
            return .diskFull(node: node, freeMB: free)
        case "certs-expiring":
            if try fields.bool("expired") == true { return .certsExpiring(node: node, daysLeft: -1) }
            return .certsExpiring(node: node, daysLeft: try fields.int("days") ?? 10)
        default:
            return .sudoFails(node: node)
        }
    }

    package var node: String {
        switch self {
        case .diskFull(let node, _), .certsExpiring(let node, _), .sudoFails(let node): node
        }
    }

    package var typeName: String {
        switch self {
        case .diskFull: "disk-full"
        case .certsExpiring: "certs-expiring"
        case .sudoFails: "sudo-fails"
        }
    }

    /// The entry in the scenario's own format.
    package var dataValue: DataValue {
        switch self {
        case .diskFull(let node, let free):
            return ["type": "disk-full", "node": .string(node), "freeMB": .int(free)]
        case .certsExpiring(let node, let days) where days < 0:
            return ["type": "certs-expiring", "node": .string(node), "expired": true]
        case .certsExpiring(let node, let days):
            return ["type": "certs-expiring", "node": .string(node), "days": .int(days)]
        case .sudoFails(let node):
            return ["type": "sudo-fails", "node": .string(node)]
        }
    }

    /// Sets what the stand-ins on `node` act on.
    func apply(to faults: inout NodeAPI.NodeFaults, node name: String) {
        guard node == name else { return }
        switch self {
        case .diskFull(_, let free): faults.freeMB = free
        case .certsExpiring(_, let days): faults.certificateDaysLeft = days
        case .sudoFails: faults.sudoFails = true
        }
    }
}
