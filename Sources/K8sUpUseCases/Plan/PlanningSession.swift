import K8sUpCluster
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// What `plan` and `apply` share: reading the inventory and the cluster into one `UpgradePlan` with the
/// options that shape a plan (`PlanningRequest`), so `apply` runs exactly what `plan` shows for the
/// same request.
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
        _ request: PlanningRequest, context: CommandContext,
        originalCordons: (LoadedInventory) throws -> [String: Bool] = { _ in [:] }
    ) async throws -> PlanningSession {
        let loaded = try InventorySelection.load(request.inventory, context: context)
        let roles = try ClusterRoles(loaded)
        let selected = try InventorySelection.selectedHosts(request.inventory, in: loaded)
        let settings = InventorySettings(loaded, roles: roles)
        let options = try Self.planOptions(request, settings: settings)
        let source = try ClusterStateSource.choose(request.cluster, settings: settings)
        let sources = try InventorySelection.sources(request.inventory, context: context)
        // Planning's reads (the cluster, pre-flight over ssh) ride through a flapping apiserver or a refused
        // ssh connection too; each retry is a line on standard error.
        var runner = RetryingRunner(base: ProcessRunner(), budget: request.apiRetryBudget)
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
            roles: roles, selectedHosts: Set(selected), limit: InventorySelection.limit(request.inventory),
            cluster: cluster, options: options, inventoryTarget: settings.kubeVersion,
            inventoryVia: settings.via, live: live)
        inputs.zones = settings.zones
        var plan = try Planner.plan(inputs)
        var preflight: PreflightGathering?
        if case .live = source, !plan.hops.isEmpty {
            let gathering = PreflightGathering(
                loaded: loaded, roles: roles, plan: plan, request: request, console: context.console,
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

    /// The plan's options: the request's, with the batching it asks for, else the inventory's
    /// `k8sup_batch`, resolved.
    /// - Throws: `RequestError` for a `k8sup_batch` that is neither a number nor `auto`, or for
    ///   `--max-unavailable`/`--batch-across-zones` without `--batch auto`.
    static func planOptions(_ request: PlanningRequest, settings: InventorySettings) throws(RequestError)
        -> PlanOptions
    {
        var batching = request.batching
        if batching == nil, let text = settings.batch {
            guard let fromInventory = WorkerBatching(text: text) else { throw .badInventoryBatch(text) }
            batching = fromInventory
        }
        var options = request.options
        switch batching ?? .fixed(PlanOptions().batchSize) {
        case .fixed(let size):
            options.batchSize = size
            if request.maxUnavailable != nil { throw .batchShapingWithoutAuto(option: "max-unavailable", size: size) }
            if request.batchAcrossZones { throw .batchShapingWithoutAuto(option: "batch-across-zones", size: size) }
        case .auto:
            var auto = AutoBatchOptions()
            if let share = request.maxUnavailable { auto.maxUnavailable = share }
            auto.acrossZones = request.batchAcrossZones
            options.autoBatch = auto
        }
        return options
    }
}
