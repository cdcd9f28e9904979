import Foundation

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

    static let defaultDrainTimeout = Duration.seconds(300)

    init(_ arguments: ParsedArguments, command: String) throws(UsageError) {
        stateDirectory = arguments.value("state-dir")
        drainTimeout = try arguments.value("drain-timeout").map { text throws(UsageError) in
            try Self.duration(text, flag: "--drain-timeout", command: command)
        }
        if let text = arguments.value("drain-grace-period") {
            guard let seconds = Int(text), seconds >= 0 else {
                throw UsageError("--drain-grace-period must be whole seconds, not '\(text)'", command: command)
            }
            drainGracePeriod = seconds
        }
        nodeReadyTimeout =
            try arguments.value("node-ready-timeout").map { text throws(UsageError) in
                try Self.duration(text, flag: "--node-ready-timeout", command: command)
            } ?? .seconds(600)
        execution.nodeReadyTimeout = nodeReadyTimeout
        eventsPath = arguments.value("events")
        planPath = arguments.value("plan")
        execution.healthCheck = arguments.value("health-check")
        execution.disableEvictionFallback = arguments.flag("disable-eviction-fallback")
        if let forks = try Self.count(arguments, "forks", minimum: 1, command: command) { execution.forks = forks }
        execution.canary = try Self.count(arguments, "canary", minimum: 1, command: command)
        for (flag, keyPath) in [
            ("pause", \ExecutionSettings.pause), ("verify-interval", \.verifyInterval), ("step-timeout", \.stepTimeout),
        ] {
            if let text = arguments.value(flag) {
                execution[keyPath: keyPath] = try Self.duration(text, flag: "--" + flag, command: command)
            }
        }
    }

    private static func count(_ arguments: ParsedArguments, _ flag: String, minimum: Int, command: String)
        throws(UsageError) -> Int?
    {
        guard let text = arguments.value(flag) else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw UsageError("--\(flag) must be a whole number of at least \(minimum), not '\(text)'", command: command)
        }
        return value
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
            kubectl: arguments.value("kubectl") ?? "kubectl", kubeconfig: arguments.value("kubeconfig"),
            context: arguments.value("context"),
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
    /// Unix socket (ssh's limit), else a private directory under /tmp.
    static func controlDirectory(stateDirectory: String) -> String {
        let preferred = absolute(stateDirectory) + "/ssh"
        if preferred.utf8.count <= SSHTransport.maximumControlDirectoryLength { return preferred }
        return "/tmp/k8sup-ssh-\(getuid())"
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : PathNames.normalized(FileManager.default.currentDirectoryPath + "/" + path)
    }

    private static func duration(_ text: String, flag: String, command: String) throws(UsageError) -> Duration {
        guard let duration = DurationText.parse(text) else {
            throw UsageError(
                "\(flag) must be a duration such as 5m, 90s, 1h30m or 500ms, not '\(text)'", command: command)
        }
        return duration
    }
}
