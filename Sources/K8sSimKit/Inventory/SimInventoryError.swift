import K8sUpSupport

/// Why k8sim cannot take its nodes from an inventory: the place first (file and line where known), then
/// the cause in Ansible's words.
enum SimInventoryError: Error, Equatable, CustomStringConvertible {
    /// A source named by `-i`, or a vars file, that cannot be read.
    case unreadable(path: String, reason: String)
    /// Something in an inventory or vars file that k8sim does not understand.
    case invalid(SourceLocation, String)
    /// No `kube_control_plane` (or legacy `kube-master`) group: k8sim cannot tell which nodes run the
    /// control plane.
    case noControlPlaneGroup(groups: [String])
    /// The control-plane group exists but holds no host.
    case emptyControlPlaneGroup(String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the inventory: \(reason)"
        case .invalid(let location, let message):
            return "\(location): \(message)"
        case .noControlPlaneGroup(let groups):
            let found = groups.isEmpty ? "it has no groups" : "its groups are " + groups.joined(separator: ", ")
            return "the inventory has no kube_control_plane (or kube-master) group, so k8sim cannot tell which "
                + "nodes run the control plane; \(found)"
        case .emptyControlPlaneGroup(let group):
            return "the inventory's \(group) group has no hosts: a cluster needs at least one control-plane node"
        }
    }
}
