import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpPlanning
import K8sUpSupport
import PythonParity

/// `apply`'s own options (beyond the plan's): state directory, drain and readiness timeouts, and the
/// playbook of each host, with Kubespray's var names as defaults where Kubespray has them.
struct ApplySettings {
    var stateDirectory: String?
    var drainTimeout: Duration?
    var drainGracePeriod: Int?
    var nodeReadyTimeout: Duration

    /// How the run goes: `--forks`, `--canary`, `--pause`, `--verify-interval`, `--step-timeout`,
    /// `--disable-eviction-fallback`, `--health-check`.
    var execution = ExecutionSettings()
    /// `--events FILE`: the progress as JSON lines.
    var eventsPath: String?
    /// `--plan FILE`: apply this saved plan, refusing if the cluster drifted from it.
    var planPath: String?
    /// `--api-retry-budget`: how long a transient failure of a kubectl call or an ssh connection is retried.
    var apiRetryBudget = RetryingRunner.defaultBudget

    static let defaultDrainTimeout = Duration.seconds(300)

    /// The settings from apply's options, as declared and checked by the parser.
    init(_ arguments: ParsedArguments) {
        stateDirectory = arguments[Options.stateDir]
        drainTimeout = arguments[Options.drainTimeout]
        drainGracePeriod = arguments[Options.drainGracePeriod]
        nodeReadyTimeout = arguments[Options.nodeReadyTimeout]
        eventsPath = arguments[Options.events]
        planPath = arguments[Options.plan]
        apiRetryBudget = arguments[Options.apiRetryBudget]
        execution.nodeReadyTimeout = nodeReadyTimeout
        execution.healthCheck = arguments[Options.healthCheck]
        execution.disableEvictionFallback = arguments[Options.disableEvictionFallback]
        execution.forks = arguments[Options.forks]
        execution.canary = arguments[Options.canary]
        execution.pause = arguments[Options.pause] ?? execution.pause
        execution.verifyInterval = arguments[Options.verifyInterval]
        execution.stepTimeout = arguments[Options.stepTimeout]
    }

    /// The kubectl calls, with flags first, then the inventory's `drain_timeout`/`drain_grace_period`.
    func kubectl(_ arguments: ParsedArguments, variables: DataMapping?) -> KubectlCommands {
        let inventoryTimeout = variables?["drain_timeout"].flatMap { DurationText.parse($0.scalarText) }
        let inventoryGrace: Int? =
            switch variables?["drain_grace_period"] {
            case .int(let seconds)?: seconds
            case .string(let text)?: Int(text)
            default: nil
            }
        return KubectlCommands(
            kubectl: arguments[Options.kubectl], kubeconfig: arguments[Options.kubeconfig],
            context: arguments[Options.context],
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
    static func controlDirectory(stateDirectory: String) -> String {
        let absoluteState = absolute(stateDirectory)
        let preferred = absoluteState + "/ssh"
        if preferred.utf8.count <= SSHTransport.maximumControlDirectoryLength { return preferred }
        return ControlSocketNames.fallbackDirectory(stateDirectory: absoluteState)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : PathNames.normalized(FileManager.default.currentDirectoryPath + "/" + path)
    }
}
