/// What `plan` and `apply` share: the options that shape a plan, and reading the inventory and the
/// cluster into one `UpgradePlan`, so `apply` runs exactly what `plan` shows for the same arguments.
struct PlanningSession {
    let loaded: LoadedInventory
    let roles: ClusterRoles
    let source: ClusterStateSource
    /// What the plan was made from; `apply` re-plans from it with a fresh cluster state before each hop.
    let inputs: PlanInputs
    let plan: UpgradePlan

    /// The options both commands take (with `-i` and `-l`).
    static let options: [OptionSpec] =
        InventorySelection.options + [
            .value("to", name: "VERSION", help: "Target version (default: the inventory's kube_version)."),
            .value("via", name: "VERSION", repeatable: true, help: "Patch version for an intermediate minor."),
            .value("batch", name: "N", help: "Upgrade N workers at a time (default 1)."),
            .value("health-check", name: "CMD", help: "Command run after each node is Ready, before uncordon."),
            .value("snapshot", name: "FILE", help: "Plan from a saved `kubectl get nodes,pods,pdb -A -o json`."),
            .value("kubeconfig", name: "FILE", help: "kubeconfig for kubectl."),
            .value("context", name: "NAME", help: "kubeconfig context for kubectl."),
            .value("kubectl", name: "PATH", help: "The kubectl to run (default: kubectl on PATH)."),
            .value("output", short: "o", name: "FORMAT", help: "text (default) or json."),
        ]

    /// Loads the inventory, reads the cluster and plans.
    /// - Parameter originalCordons: For `apply` after an interrupted run: each node's cordon state before
    ///   k8sup touched it, as the journal (in the inventory's state directory) remembers it. The plan sees
    ///   those nodes as they were, not as the interrupted run left them.
    static func prepare(
        _ arguments: ParsedArguments, context: CommandContext, command: String,
        originalCordons: (LoadedInventory) throws -> [String: Bool] = { _ in [:] }
    ) async throws -> PlanningSession {
        let options = try planOptions(arguments, command: command)
        let loaded = try InventorySelection.load(arguments, context: context, command: command)
        let roles = try ClusterRoles(loaded)
        let selected = try InventorySelection.selectedHosts(arguments, in: loaded)
        let settings = InventorySettings(loaded, roles: roles)
        let source = try ClusterStateSource.choose(arguments, settings: settings, command: command)
        let sources = try InventorySelection.sources(arguments, context: context, command: command)
        var (cluster, live) = try await ClusterReadError.withSampleHint(inventories: sources) {
            try await source.read(
                runner: ProcessRunner(), fileSystem: LocalFileSystem(), environment: context.environment)
        }
        let cordons = try originalCordons(loaded)
        if !cordons.isEmpty {
            cluster.nodes = cluster.nodes.map { node in
                var node = node
                node.isUnschedulable = cordons[node.name] ?? node.isUnschedulable
                return node
            }
        }
        let inputs = PlanInputs(
            inventorySources: sources,
            roles: roles, selectedHosts: Set(selected), limit: InventorySelection.limit(arguments), cluster: cluster,
            options: options, inventoryTarget: settings.kubeVersion, inventoryVia: settings.via, live: live)
        return PlanningSession(
            loaded: loaded, roles: roles, source: source, inputs: inputs, plan: try Planner.plan(inputs))
    }

    /// `-o text|json`.
    enum OutputFormat: String {
        case text, json
    }

    static func outputFormat(_ arguments: ParsedArguments, command: String) throws(UsageError) -> OutputFormat {
        let value = arguments.value("output") ?? "text"
        guard let format = OutputFormat(rawValue: value) else {
            throw UsageError("-o/--output must be text or json, not '\(value)'", command: command)
        }
        return format
    }

    private static func planOptions(_ arguments: ParsedArguments, command: String) throws(UsageError) -> PlanOptions {
        var options = PlanOptions()
        if let text = arguments.value("to") { options.target = try version(text, flag: "--to", command: command) }
        for text in arguments.values("via") {
            options.via.append(try version(text, flag: "--via", command: command))
        }
        if let text = arguments.value("batch") {
            guard let size = Int(text), size >= 1 else {
                throw UsageError("--batch must be a whole number of at least 1, not '\(text)'", command: command)
            }
            options.batchSize = size
        }
        options.healthCheck = arguments.value("health-check")
        return options
    }

    private static func version(_ text: String, flag: String, command: String) throws(UsageError) -> KubeVersion {
        do {
            return try KubeVersion(parsing: text)
        } catch {
            throw UsageError("\(flag): \(error)", command: command)
        }
    }
}
