import K8sUpInventory
import K8sUpSupport
import PythonParity

/// What a playbook's placeholders are filled from for one node in one hop: the built-in values, the
/// host's inventory vars, and the values only known while the upgrade runs.
package struct PlaybookContext: Sendable {
    /// The hop's version (`target`, `target_v`, `target_minor`).
    package var target: KubeVersion
    /// The node's version before the hop (`from`, `from_minor`).
    package var from: KubeVersion
    /// The Kubernetes node name (`node`).
    package var node: String
    /// The inventory host name (`host`).
    package var host: String
    /// `role`: `control-plane` or `worker`.
    package var role: ClusterRoles.Role
    /// The host's resolved inventory vars; they override the playbook's defaults.
    package var hostVariables: DataMapping
    /// Values learnt on the node while running, by built-in name: `package_version` (the last stdout line
    /// of `discover_versions`).
    package var runtime: [String: String]
    /// A runtime value that is missing renders as `${package_version}` instead of failing: for
    /// `apply --dry-run`, where nothing has run on the nodes yet.
    package var deferRuntimeValues: Bool
    /// Values of vars whose names look secret (`password`, `secret`, `token`, `key`) render as `***`: for
    /// commands that are shown or logged, never for commands that run.
    package var masksSecrets: Bool

    package init(
        target: KubeVersion, from: KubeVersion, node: String, host: String, role: ClusterRoles.Role,
        hostVariables: DataMapping = DataMapping(), runtime: [String: String] = [:],
        deferRuntimeValues: Bool = false, masksSecrets: Bool = false
    ) {
        self.target = target
        self.from = from
        self.node = node
        self.host = host
        self.role = role
        self.hostVariables = hostVariables
        self.runtime = runtime
        self.deferRuntimeValues = deferRuntimeValues
        self.masksSecrets = masksSecrets
    }
}
