import K8sUpPlanning

/// Every command an upgrade runs, in execution order, built from an `UpgradePlan`, the playbooks and the
/// transports: what `apply --dry-run` prints and what `apply` executes, so the reviewed list is the run.
public struct ExecutionScript: Codable, Sendable, Equatable {
    public var apiVersion = "k8sup/v1"
    public var kind = "ExecutionScript"
    public var commands: [ScriptedCommand]
    /// What happens on a failure after a node's kubelet was touched (not part of the normal order).
    public var rollback: [String]
    /// How commands that repeat are repeated (the readiness looks of `wait-ready`).
    public var notes: [String] = []
}

/// One command of the script.
public struct ScriptedCommand: Codable, Sendable, Equatable {
    public enum Location: String, Codable, Sendable {
        /// On the operator's machine (kubectl, `--health-check`).
        case local
        /// On the inventory host, through its transport (ssh, or a local shell for `ansible_connection=local`).
        case host
    }

    /// Position in the script, from 1.
    public var number: Int
    public var hop: Int
    /// Kubernetes node the command is about (nil for hop-wide commands such as the pre-flight read).
    public var node: String?
    /// Inventory host the command runs on (for `host` commands).
    public var host: String?
    /// The plan step it belongs to.
    public var action: StepAction
    /// The playbook step list it comes from (`upgrade_kubeadm`), for host commands.
    public var playbookStep: String?
    public var location: Location
    /// What runs, as a shell-quoted line: the kubectl call, or the command line run on the host.
    public var line: String
    /// The exact argv k8sup starts (`ssh … host -- 'sudo -n sh -c …'`, or `kubectl …`).
    public var argv: [String]
}
