import K8sUpSupport

/// Renders `k8sup inventory --roles`: one line per cluster node in upgrade order, with its role, its
/// Kubernetes node name and whether it is an etcd member.
package enum ClusterRolesRenderer {
    package static func render(_ roles: ClusterRoles, selectedHosts: Set<String>) -> String {
        let nodes = roles.nodes.filter { selectedHosts.contains($0.host) }
        let header = ["HOST", "NODE NAME", "ROLE", "ETCD"]
        let rows = nodes.map { node -> [String] in
            let role = node.host == roles.firstControlPlane?.host ? "control-plane (first)" : node.role.rawValue
            return [node.host, node.nodeName, role, node.isEtcdMember ? "yes" : "no"]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        let lines = ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(to: widths[column] + 2)
            }.joined()
        }
        let summary =
            "\(roles.controlPlane.count) control-plane, \(roles.workers.count) worker node(s) "
            + "(control-plane group '\(roles.controlPlaneGroup)')"
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }
}
