import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpPlanning
import K8sUpSupport
import PythonParity

/// `apply`'s own options (beyond the plan's): drain and readiness timeouts, canary, pause, events,
/// with Kubespray's var names as defaults where Kubespray has them. What planning uses as well (state
/// directory, retry budget, forks, step timeout, health check) is set once, in `PlanningRequest`.
package struct ApplySettings: Sendable {
    /// nil: the inventory's `drain_timeout`, else `defaultDrainTimeout`.
    package var drainTimeout: Duration?
    /// nil: the inventory's `drain_grace_period`, else each pod's own.
    package var drainGracePeriod: Int?

    /// How the run goes: `--canary`, `--pause`, `--node-ready-timeout`, `--verify-interval`,
    /// `--disable-eviction-fallback`; its forks, step timeout and health check are the planning's
    /// (`ApplyRequest.runSettings` puts them in).
    package var execution = ExecutionSettings()
    /// `--events FILE`: the progress as JSON lines.
    package var eventsPath: String?

    package static let defaultDrainTimeout = Duration.seconds(300)

    package init() {}

    /// How long to wait for a node to be Ready.
    var nodeReadyTimeout: Duration { execution.nodeReadyTimeout }

    /// The kubectl calls, with the request first, then the inventory's `drain_timeout`/`drain_grace_period`.
    func kubectl(_ access: ClusterAccess, variables: DataMapping?) -> KubectlCommands {
        let inventoryTimeout = variables?["drain_timeout"].flatMap { DurationText.parse($0.scalarText) }
        let inventoryGrace: Int? =
            switch variables?["drain_grace_period"] {
            case .int(let seconds)?: seconds
            case .string(let text)?: Int(text)
            default: nil
            }
        return KubectlCommands(
            kubectl: access.kubectl, kubeconfig: access.kubeconfig, context: access.context,
            drainTimeout: drainTimeout ?? inventoryTimeout ?? Self.defaultDrainTimeout,
            drainGracePeriod: drainGracePeriod ?? inventoryGrace, nodeReadyTimeout: nodeReadyTimeout)
    }

    /// The playbook of each host: `--playbook`, else the host's `k8sup_playbook`, else the default.
    static func playbooks(
        for hosts: [String], variables: [String: DataMapping], override: String?,
        fileSystem: any FileSystemReading = LocalFileSystem()
    ) throws(PlaybookError) -> [String: Playbook] {
        var loaded: [String: Playbook] = [:]
        var result: [String: Playbook] = [:]
        for host in hosts {
            let name = override ?? variables[host]?["k8sup_playbook"]?.stringValue ?? PlaybookCatalog.defaultName
            if loaded[name] == nil { loaded[name] = try PlaybookCatalog.resolve(name, fileSystem: fileSystem) }
            result[host] = loaded[name]
        }
        return result
    }

    /// Where ssh keeps its connection sockets: `<state dir>/ssh` when that path is short enough for a
    /// Unix socket (ssh's limit), else a private directory under /tmp named after the state directory, so
    /// that two clusters never share one (`ControlSocketNames`).
    package static func controlDirectory(stateDirectory: String) -> String {
        let absoluteState = absolute(stateDirectory)
        let preferred = absoluteState + "/ssh"
        if preferred.utf8.count <= SSHTransport.maximumControlDirectoryLength { return preferred }
        return ControlSocketNames.fallbackDirectory(stateDirectory: absoluteState)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : PathNames.normalized(FileManager.default.currentDirectoryPath + "/" + path)
    }
}
