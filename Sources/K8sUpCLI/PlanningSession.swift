import K8sUpCluster
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// What `plan` and `apply` share: reading the inventory and the cluster into one `UpgradePlan` with the
/// options that shape a plan (`OptionSection.planning`), so `apply` runs exactly what `plan` shows for
/// the same arguments.
struct PlanningSession {
    let loaded: LoadedInventory
    let roles: ClusterRoles
    let source: ClusterStateSource
    /// What the plan was made from; `apply` re-plans from it with a fresh cluster state before each hop.
    let inputs: PlanInputs
    let plan: UpgradePlan
    /// Live plans: pre-flight over ssh, which `apply` runs again before each later hop.
    let preflight: PreflightGathering?

    /// Loads the inventory, reads the cluster and plans.
    /// - Parameter originalCordons: For `apply` after an interrupted run: each node's cordon state before
    ///   k8sup touched it, as the journal (in the inventory's state directory) remembers it. The plan sees
    ///   those nodes as they were, not as the interrupted run left them.
    static func prepare(
        _ arguments: ParsedArguments, context: CommandContext, command: String,
        originalCordons: (LoadedInventory) throws -> [String: Bool] = { _ in [:] }
    ) async throws -> PlanningSession {
        let loaded = try InventorySelection.load(arguments, context: context, command: command)
        let roles = try ClusterRoles(loaded)
        let selected = try InventorySelection.selectedHosts(arguments, in: loaded)
        let settings = InventorySettings(loaded, roles: roles)
        let options = try planOptions(arguments, settings: settings, command: command)
        let source = try ClusterStateSource.choose(arguments, settings: settings, command: command)
        let sources = try InventorySelection.sources(arguments, context: context, command: command)
        // Planning's reads (the cluster, pre-flight over ssh) ride through a flapping apiserver or a refused
        // ssh connection too; each retry is a line on standard error.
        var runner = RetryingRunner(base: ProcessRunner(), budget: arguments[Options.apiRetryBudget])
        let console = context.console
        runner.fallback = { _, line in console.writeError("k8sup: waiting: " + line + "\n") }
        var (cluster, live) = try await ClusterReadError.withSampleHint(inventories: sources) {
            try await source.read(runner: runner, fileSystem: LocalFileSystem(), environment: context.environment)
        }
        let cordons = try originalCordons(loaded)
        if !cordons.isEmpty {
            cluster.nodes = cluster.nodes.map { node in
                var node = node
                node.isUnschedulable = cordons[node.name] ?? node.isUnschedulable
                return node
            }
        }
        var inputs = PlanInputs(
            inventorySources: sources,
            roles: roles, selectedHosts: Set(selected), limit: InventorySelection.limit(arguments), cluster: cluster,
            options: options, inventoryTarget: settings.kubeVersion, inventoryVia: settings.via, live: live)
        inputs.zones = settings.zones
        var plan = try Planner.plan(inputs)
        var preflight: PreflightGathering?
        if case .live = source, !plan.hops.isEmpty {
            let gathering = PreflightGathering(
                loaded: loaded, roles: roles, plan: plan, arguments: arguments, console: context.console,
                runner: runner)
            inputs.preflight = await gathering.gather(for: plan)
            plan = try Planner.plan(inputs)
            preflight = gathering
        }
        return PlanningSession(
            loaded: loaded, roles: roles, source: source, inputs: inputs, plan: plan, preflight: preflight)
    }

    /// The plan over `inputs` with the nodes' facts read again for it (live plans with hops).
    static func planWithPreflight(_ inputs: PlanInputs, preflight: PreflightGathering?) async throws -> UpgradePlan {
        var inputs = inputs
        inputs.preflight = nil
        let plan = try Planner.plan(inputs)
        guard let preflight, inputs.live != nil, !plan.hops.isEmpty else { return plan }
        inputs.preflight = await preflight.gather(for: plan)
        return try Planner.plan(inputs)
    }

    /// The plan's options, as declared and checked by the parser; `--batch` falls back on the inventory's
    /// `k8sup_batch`.
    /// - Throws: `UsageError` for a `k8sup_batch` that is neither a number nor `auto`, or for
    ///   `--max-unavailable`/`--batch-across-zones` without `--batch auto`.
    static func planOptions(_ arguments: ParsedArguments, settings: InventorySettings, command: String)
        throws(UsageError) -> PlanOptions
    {
        var batching = arguments[Options.batch]
        if batching == nil, let text = settings.batch {
            guard let fromInventory = WorkerBatching(text: text) else {
                throw UsageError(
                    "the inventory sets k8sup_batch to '\(text)'; it must be auto or a whole number of at least 1",
                    command: command)
            }
            batching = fromInventory
        }
        var options = PlanOptions(
            target: arguments[Options.to], via: arguments[Options.via], healthCheck: arguments[Options.healthCheck])
        switch batching ?? .fixed(PlanOptions().batchSize) {
        case .fixed(let size):
            options.batchSize = size
            for option in [Options.maxUnavailable.spec, Options.batchAcrossZones.spec]
            where arguments.contains(named: option.long) {
                throw UsageError(
                    "--\(option.long) shapes the batches of --batch auto (or k8sup_batch: auto); "
                        + "this plan upgrades \(size) worker(s) at a time", command: command)
            }
        case .auto:
            var auto = AutoBatchOptions()
            if let share = arguments[Options.maxUnavailable] { auto.maxUnavailable = share }
            auto.acrossZones = arguments[Options.batchAcrossZones]
            options.autoBatch = auto
        }
        return options
    }
}
