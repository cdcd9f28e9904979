import PythonParity

/// Resolved host variables kept without repetition: the merged group layers (inline group vars and
/// `group_vars/`, precedence 1–4 of `VariableResolver`) once per distinct set of groups, and for each
/// host only its own vars (inline host vars, then `host_vars/`), which replace or extend the shared
/// layer. Ansible's internal names are already removed from both parts.
///
/// Five thousand workers in the same groups share one layer of a few hundred Kubespray variables
/// instead of holding five thousand copies of it.
package struct HostVariableLayers: Sendable {
    /// The merged group layers, one per distinct group membership.
    let groupLayers: [DataMapping]
    /// Each resolved host's layer (an index into `groupLayers`) and own vars.
    let hosts: [String: HostShare]

    /// One host's part: which shared layer it reads, and what it sets itself.
    struct HostShare: Sendable {
        let groupLayer: Int
        let own: DataMapping
    }

    /// The host's complete variables: its own vars over its group layer (nil for an unknown host).
    func variables(of host: String) -> DataMapping? {
        guard let share = hosts[host] else { return nil }
        return groupLayers[share.groupLayer].merging(share.own)
    }
}
