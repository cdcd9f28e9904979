import Foundation
import K8sUpPlanning

/// Runs an `UpgradePlan`: per hop the pre-flight checks, staging on every node in
/// parallel, the etcd snapshot, then the nodes in the plan's order (control plane first, workers one at
/// a time or in the plan's batches). It stops at the first node that fails, after putting that node back.
package struct Executor {
    package init(
        plan: UpgradePlan, tools: ExecutionTools, knownCordonState: [String: Bool] = [:],
        preflight: (@Sendable (UpgradePlan.Hop) async throws -> [String])? = nil,
        confirmNext: (@Sendable (String) async -> Bool)? = nil, checkpoint: (@Sendable () async throws -> Void)? = nil
    ) {
        self.plan = plan
        self.tools = tools
        self.knownCordonState = knownCordonState
        self.preflight = preflight
    }

    /// How the run ended.
    package enum Result: Equatable {
        case succeeded
        /// `--canary N` reached: the rest waits for the next run.
        case canaryReached(workers: Int)
        case failed(ExecutionError)
        case stopped
        case needsRepair(ExecutionError)
    }

    package let plan: UpgradePlan
    package let tools: ExecutionTools
    /// Each node's cordon state before k8sup first touched it, when an earlier interrupted run knows it
    /// better than the cluster does now.
    var knownCordonState: [String: Bool] = [:]
    /// Re-checks the cluster before a hop after the first; returns the blockers found.
    package var preflight: (@Sendable (UpgradePlan.Hop) async throws -> [String])?
    /// Asked between nodes with `--confirm-each`; false stops the run.
    package var confirmNext: (@Sendable (String) async -> Bool)?
    /// Run at each safe point (before a hop, between nodes); throws when the run must not go on: the
    /// cluster lock was lost, or the journal cannot be written.
    package var checkpoint: (@Sendable () async throws -> Void)?

    package func run() async throws -> Result {
        let total = plan.hops.reduce(0) { $0 + $1.nodes.count }
        var position = 0
        var workersDone = 0
        for hop in plan.hops {
            let hopTools = tools.forHop(hop)
            try await checkpoint?()
            if tools.stop.isRequested { return .stopped }
            hopTools.observer.record(ExecutionEvent(.hopStarted, hop: hop.number, version: hop.version))
            if hop.number > 1, let preflight {
                let step = ExecutionEvent(
                    .waiting, hop: hop.number, version: hop.version, step: StepAction.preflight.rawValue)
                let blockers = try await hopTools.waiting(
                    step, for: "re-reading the cluster for the pre-flight checks of hop \(hop.number)"
                ) { _ in try await preflight(hop) }
                if !blockers.isEmpty { return .failed(.blocked(hop: hop.number, messages: blockers)) }
            }
            let runtime: [String: [String: String]]
            do {
                runtime = try await HopPreparation(hop: hop, tools: hopTools).run()
            } catch let error as ExecutionError {
                return .failed(error)
            } catch is StopRequested {
                return .stopped
            }
            var index = 0
            var nodes = hop.nodes
            let pacing = BatchPacing(plan: plan, hop: hop, tools: hopTools)
            var previousBatch: (nodes: [String], baseline: BatchBaseline)?
            var batchNumber = 0
            while index < nodes.count {
                var group = Self.group(nodes, from: index)
                var cordonState = knownCordonState
                if let pacing, group.first?.clusterRole == .worker {
                    let next: BatchPacing.Next
                    batchNumber += 1
                    do {
                        next = try await pacing.prepare(
                            batch: batchNumber, planned: group, remaining: Array(nodes[index...]),
                            after: previousBatch)
                    } catch let error as ExecutionError {
                        return .failed(error)
                    } catch is StopRequested {
                        return .stopped
                    }
                    group = next.group.map { node in
                        var node = node
                        node.batch = batchNumber
                        return node
                    }
                    previousBatch = (group.map(\.node), next.baseline)
                    // What an interrupted run remembers wins over the cluster's state now.
                    cordonState.merge(next.cordoned) { remembered, _ in remembered }
                    let chosen = Set(group.map(\.node))
                    nodes.replaceSubrange(index..., with: group + nodes[index...].filter { !chosen.contains($0.node) })
                }
                if position > 0 {
                    if let stop = try await betweenNodes(next: group, in: hop, workersDone: workersDone) {
                        return stop
                    }
                }
                let outcomes = try await upgrade(
                    group, in: hop, positions: position, total: total, tools: hopTools, runtime: runtime,
                    cordonState: cordonState)
                for outcome in outcomes {
                    switch outcome {
                    case .upgraded: continue
                    case .failed(let error): return .failed(error)
                    case .stopped: return .stopped
                    case .needsRepair(let error): return .needsRepair(error)
                    }
                }
                position += group.count
                workersDone += group.filter { $0.clusterRole == .worker }.count
                index += group.count
            }
        }
        return .succeeded
    }

    /// Between two nodes: `--canary`, Ctrl-C, `--pause`, `--confirm-each`.
    private func betweenNodes(next group: [UpgradePlan.NodeUpgrade], in hop: UpgradePlan.Hop, workersDone: Int)
        async throws -> Result?
    {
        if let canary = tools.settings.canary, workersDone >= canary,
            group.contains(where: { $0.clusterRole == .worker })
        {
            return .canaryReached(workers: workersDone)
        }
        try await checkpoint?()
        if tools.stop.isRequested { return .stopped }
        if tools.settings.pause > .zero { try await pause(before: group, in: hop) }
        if let confirmNext, !(await confirmNext(group.map(\.node).joined(separator: ", "))) { return .stopped }
        try await checkpoint?()
        return tools.stop.isRequested ? .stopped : nil
    }

    /// `--pause`: says at once how long and before which node(s), then reports while it lasts.
    private func pause(before group: [UpgradePlan.NodeUpgrade], in hop: UpgradePlan.Hop) async throws {
        let length = tools.settings.pause
        let next = group.map(\.node).joined(separator: ", ")
        let step = ExecutionEvent(.waiting, hop: hop.number, version: hop.version, step: "pause")
        let clock = tools.clock
        let what = "pausing \(length.compactDescription) before \(next), as --pause asked"
        try await tools.waiting(step, for: what) { wait in
            wait.report(what)
            try await clock.sleep(until: wait.started.addingTimeInterval(length.timeInterval))
        }
    }

    /// The node at `index` alone, or with the following nodes of its worker batch.
    package static func group(_ nodes: [UpgradePlan.NodeUpgrade], from index: Int) -> [UpgradePlan.NodeUpgrade] {
        guard let batch = nodes[index].batch else { return [nodes[index]] }
        return Array(nodes[index...].prefix { $0.batch == batch })
    }

    private func upgrade(
        _ group: [UpgradePlan.NodeUpgrade], in hop: UpgradePlan.Hop, positions: Int, total: Int,
        tools: ExecutionTools, runtime: [String: [String: String]], cordonState known: [String: Bool]
    ) async throws -> [NodeUpgradeRunner.Outcome] {
        return try await withThrowingTaskGroup(of: NodeUpgradeRunner.Outcome.self) { tasks in
            for (offset, node) in group.enumerated() {
                tasks.addTask {
                    let cordoned: Bool
                    if let remembered = known[node.node] {
                        cordoned = remembered
                    } else {
                        cordoned = try await tools.probe.node(node.node).cordoned
                    }
                    let run = NodeRun(
                        node: node, hop: hop, position: positions + offset + 1, total: total, tools: tools,
                        runtime: runtime[node.host] ?? [:], cordonedBefore: cordoned)
                    return try await NodeUpgradeRunner().run(run)
                }
            }
            var outcomes: [NodeUpgradeRunner.Outcome] = []
            for try await outcome in tasks { outcomes.append(outcome) }
            return outcomes
        }
    }
}
