import K8sUpPlanning

/// Every command an upgrade runs, in execution order, built from an `UpgradePlan`, the playbooks and the
/// transports: what `apply --dry-run` prints and what `apply` executes, so the reviewed list is the run.
package struct ExecutionScript: Codable, Sendable, Equatable {
    package var apiVersion = "k8sup/v1"
    package var kind = "ExecutionScript"
    package var commands: [ScriptedCommand]
    /// What happens on a failure after a node's kubelet was touched (not part of the normal order).
    package var rollback: [String]
    /// How commands that repeat are repeated (the readiness looks of `wait-ready`).
    package var notes: [String] = []
}

/// One command of the script.
package struct ScriptedCommand: Codable, Sendable, Equatable {
    package enum Location: String, Codable, Sendable {
        /// On the operator's machine (kubectl, `--health-check`).
        case local
        /// On the inventory host, through its transport (ssh, or a local shell for `ansible_connection=local`).
        case host
    }

    /// Position in the script, from 1.
    package var number: Int
    package var hop: Int
    /// Kubernetes node the command is about (nil for hop-wide commands such as the pre-flight read).
    package var node: String?
    /// Inventory host the command runs on (for `host` commands).
    package var host: String?
    /// The plan step it belongs to.
    package var action: StepAction
    /// The playbook step list it comes from (`upgrade_kubeadm`), for host commands.
    var playbookStep: String?
    package var location: Location
    /// What runs, as a shell-quoted line: the kubectl call, or the command line run on the host.
    package var line: String
    /// The exact argv k8sup starts (`ssh … host -- 'sudo -n sh -c …'`, or `kubectl …`).
    package var argv: [String]
}
