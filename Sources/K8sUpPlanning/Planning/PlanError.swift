/// Why a plan could not be made at all (as opposed to a plan with blockers).
package enum PlanError: Error, Equatable, CustomStringConvertible {
    /// Neither `--to` nor `kube_version` names the target.
    case noTarget
    /// `kube_version` or `k8sup_via` in the inventory is not a version.
    case badInventoryVersion(variable: String, value: String, problem: String)
    /// A `--via` version that does not fit the path.
    case badVia(String)
    /// None of the inventory's nodes exist in the cluster: wrong snapshot, kubeconfig or context.
    case differentCluster(inventoryNodes: [String], clusterNodes: [String])
    /// The `--limit` pattern selects no control-plane or worker host.
    case nothingSelected(limit: String)

    package var description: String {
        switch self {
        case .noTarget:
            return "no target version: pass --to vX.Y.Z or set kube_version in the inventory"
        case .badInventoryVersion(let variable, let value, let problem):
            return "the inventory's \(variable) '\(value)' is not a Kubernetes version: \(problem)"
        case .badVia(let message):
            return message
        case .differentCluster(let inventoryNodes, let clusterNodes):
            return "the cluster is not the one the inventory describes: none of its nodes ("
                + Self.list(inventoryNodes) + ") is in the cluster, whose nodes are " + Self.list(clusterNodes)
                + "; check --snapshot, --kubeconfig and --context"
        case .nothingSelected(let limit):
            return "host pattern '\(limit)': selects no control-plane or worker host, so there is nothing to plan"
        }
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(6).joined(separator: ", ")
        return names.count > 6 ? shown + ", … (\(names.count) in all)" : shown
    }
}
