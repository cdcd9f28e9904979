import Foundation
import K8sUpCluster
import K8sUpPlanning
import K8sUpSupport

/// Between the batches of a `--batch auto` hop. Before each batch it reads the cluster (through the
/// retrying runner) and, after the first batch, waits until the previous batch's disruption is over
/// (`BatchBaseline`): the evicted pods' replacements Ready and every budget they touched back at its
/// level, or `--node-ready-timeout` passes and the run stops. Then it packs the hop's remaining workers
/// again against where the pods are now: the plan's batches were the first estimate, and pods moved
/// with every drain. Only the grouping of the plan's own nodes changes, never a node or a step.
package struct BatchPacing: Sendable {
    package let tools: ExecutionTools
    package let hop: UpgradePlan.Hop
    package let options: AutoBatchOptions
    /// Each worker's zone as the plan packed it: the fallback for a node without a zone label.
    package let zones: [String: String]
    /// Workers in the hop, what a `--max-unavailable` percentage is taken of.
    package let hopWorkers: Int

    /// Nil unless the plan packed this hop with `--batch auto`.
    package init?(plan: UpgradePlan, hop: UpgradePlan.Hop, tools: ExecutionTools) {
        guard let auto = plan.autoBatch, let batches = hop.batches else { return nil }
        self.tools = tools
        self.hop = hop
        options = AutoBatchOptions(
            maxUnavailable: NodeShare(text: auto.maxUnavailable) ?? AutoBatchOptions().maxUnavailable,
            acrossZones: auto.acrossZones)
        var zones: [String: String] = [:]
        for batch in batches {
            guard let zone = batch.zone, zone != BatchReason.zoneName("") else { continue }
            for node in batch.nodes { zones[node] = zone }
        }
        self.zones = zones
        hopWorkers = hop.nodes.filter { $0.clusterRole == .worker }.count
    }

    /// The batch to run next and what it takes away.
    package struct Next {
        var group: [UpgradePlan.NodeUpgrade]
        var baseline: BatchBaseline
        /// The batch's nodes' cordon state in the read the batch was packed against, read a moment
        /// before they are touched: no node needs a look of its own.
        var cordoned: [String: Bool] = [:]
    }

    /// Waits for the previous batch (when there was one), then packs the next.
    /// - Parameters:
    ///   - number: The batch's number in the hop, from 1.
    ///   - planned: The batch as the plan (or the previous re-packing) has it.
    ///   - remaining: The hop's workers not upgraded yet, in order, `planned` among them.
    ///   - previous: The batch before it and what it took away.
    package func prepare(
        batch number: Int, planned: [UpgradePlan.NodeUpgrade], remaining: [UpgradePlan.NodeUpgrade],
        after previous: (nodes: [String], baseline: BatchBaseline)?
    ) async throws -> Next {
        let live = try await settle(after: previous, before: number)
        var group = planned
        var note: String?
        if number > 1 {
            let packed = AutoBatches.pack(
                workers: remaining.map(\.node), hopWorkers: hopWorkers, cluster: live, zones: zones, options: options,
                canaryFirst: false, firstNumber: number)
            let byName = Dictionary(remaining.map { ($0.node, $0) }, uniquingKeysWith: { first, _ in first })
            let chosen = packed.batches.first?.nodes.compactMap { byName[$0] } ?? []
            if !chosen.isEmpty, chosen.map(\.node) != planned.map(\.node) {
                note = Self.change(from: planned.map(\.node), to: chosen.map(\.node), packed: packed.batches)
                group = chosen
            }
        }
        var event = ExecutionEvent(.batchStarted, hop: hop.number, version: hop.version)
        event.batch = number
        event.nodes = group.map(\.node)
        event.planned = planned.map(\.node)
        event.message = note
        tools.observer.record(event)
        var cordoned: [String: Bool] = [:]
        for node in group { cordoned[node.node] = live.node(named: node.node)?.isUnschedulable }
        return Next(group: group, baseline: BatchBaseline(nodes: group.map(\.node), cluster: live), cordoned: cordoned)
    }

    /// Reads the cluster until the previous batch's disruption is over (at once without one).
    /// - Throws: `ExecutionError.batchNotRecovered` when it is not over within `--node-ready-timeout`.
    private func settle(after previous: (nodes: [String], baseline: BatchBaseline)?, before number: Int)
        async throws -> ClusterState
    {
        let settings = tools.settings
        let clock = tools.clock
        let timeout = settings.nodeReadyTimeout.compactDescription
        let deadline = clock.now().addingTimeInterval(settings.nodeReadyTimeout.timeInterval)
        let step = ExecutionEvent(.waiting, hop: hop.number, version: hop.version, step: Self.step)
        let subject =
            previous.map { "the pods batch \(number - 1) (\(NameList.line($0.nodes, width: 60))) evicted" }
            ?? "the cluster before batch \(number)"
        return try await tools.waiting(step, for: "reading \(subject) (timeout \(timeout))") { wait in
            var reported: [String] = []
            while true {
                if tools.stop.isRequested { throw StopRequested() }
                var missing: [String]
                do {
                    let live = try await readCluster()
                    missing = previous?.baseline.shortfalls(in: live) ?? []
                    if missing.isEmpty { return live }
                } catch let error as CancellationError {
                    throw error
                } catch {
                    missing = ["the cluster could not be read: " + ErrorText.firstLine(error)]
                }
                wait.update(
                    "waiting until \(subject) are back: " + missing.joined(separator: "; ") + " (timeout \(timeout))")
                if missing != reported {
                    wait.report("waiting until \(subject) are back: " + missing.joined(separator: "; "))
                    reported = missing
                }
                let now = clock.now()
                if now >= deadline {
                    throw ExecutionError.batchNotRecovered(
                        nodes: previous?.nodes ?? [], timeout: timeout, missing: missing)
                }
                let pause = min(settings.verifyInterval.timeInterval, deadline.timeIntervalSince(now))
                try await clock.sleep(until: now.addingTimeInterval(max(0.05, pause)))
            }
        }
    }

    /// `kubectl get nodes,pods,pdb -A -o json`, retried within the operation budget.
    private func readCluster() async throws -> ClusterState {
        let command = tools.kubectl.readCluster()
        let result = try await tools.runner.run(command)
        guard result.succeeded else {
            throw ExecutionError.stepFailed(
                node: "cluster", step: "reading the cluster between batches",
                failure: CommandFailure(result, command: command.displayLine))
        }
        return try ClusterSnapshot.decode(text: result.stdout, source: "kubectl get nodes,pods,pdb").state
    }

    /// `re-packed: the plan had worker-4, worker-5, worker-7; worker-5: pdb default/web allows 1: …`.
    package static func change(from planned: [String], to chosen: [String], packed: [UpgradePlan.Batch]) -> String {
        let notes = Dictionary(
            packed.flatMap(\.reasons).map { ($0.node, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let chosenSet = Set(chosen)
        let held = planned.filter { !chosenSet.contains($0) }.prefix(3).map { node in
            notes[node].map { "\(node): \($0)" } ?? "\(node): later"
        }
        let plannedText = NameList.line(planned, width: 60)
        return (["re-packed against where the pods are now; the plan had \(plannedText)"] + held).joined(
            separator: "; ")
    }

    /// The step of the waits' progress lines.
    package static let step = "batch-wait"
}
