import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `--batch auto` end to end: the built k8sup with real kubectl against a small two-zone k8sim cluster
/// whose workloads have budgets of several shapes; k8sim counts, on its side, every eviction a budget
/// refused and every replacement that found no room.
@Suite("batch auto end to end", .serialized)
struct ApplyBatchAutoTests {
    /// Six workers, three per zone, each 4 CPU; a Deployment and a StatefulSet under budgets that allow
    /// one disruption, a Deployment under `minAvailable: 50%`, and pods without a budget. Replacements
    /// take a moment to come back, so a batch that evicted too much would be refused.
    static let scenario = """
        from: v1.28.15
        allocatable: {cpu: "4", memory: 8Gi}
        zones: {worker-1: zone-a, worker-2: zone-a, worker-3: zone-a, worker-4: zone-b, worker-5: zone-b, worker-6: zone-b}
        workloads:
          - {name: web, kind: Deployment, replicas: 3, cpu: 500m, memory: 512Mi}
          - {name: db, kind: StatefulSet, replicas: 3, cpu: "1", memory: 1Gi}
          - {name: api, kind: Deployment, replicas: 4, cpu: 250m, memory: 256Mi}
          - {name: batch, kind: Deployment, replicas: 6, cpu: 100m, memory: 128Mi}
        pdbs:
          - {name: web, selector: {app: web}, maxUnavailable: 1}
          - {name: db, selector: {app: db}, maxUnavailable: 1}
          - {name: api, selector: {app: api}, minAvailable: 50%}
        delays: {podReschedule: 0.5, podStart: 1}
        """

    func cluster() throws -> ApplySim {
        try ApplySim(controlPlanes: 1, workers: 6, scenario: Self.scenario)
    }

    @Test func planShowsTheBatchesZoneByZoneAndWhatHeldNodesBack() async throws {
        let cluster = try cluster()
        let base = ["plan", "-i", cluster.inventory, "-i", cluster.sim.inventoryOverlayPath, "--batch", "auto"]
        let text = try await cluster.k8sup(base + ["--max-unavailable", "50%", "-v"])
        #expect(text.status == 0, "\(text.error)")
        #expect(
            text.output.contains("workers in batches packed by --batch auto (max-unavailable 50%, one zone at a time)"))
        #expect(text.output.contains("(--batch auto, at most 3 down at once):"))
        #expect(text.output.contains("  1. zone zone-a, 1 worker: worker-1 (the first batch goes alone)"))
        #expect(text.output.contains("zone zone-b"))
        #expect(text.output.contains("held back by pdb default/"))
        #expect(text.output.contains(": zone zone-b\n"))
        let json = try await cluster.k8sup(base + ["-o", "json"])
        let plan = try PlanJSON.decode(json.output)
        let batches = try #require(plan.hops.first?.batches)
        #expect(batches.first?.nodes == ["worker-1"])
        #expect(Set(batches.flatMap(\.nodes)) == Set((1...6).map { "worker-\($0)" }))
        // No batch mixes zones, and zone-a is finished before zone-b starts.
        #expect(batches.map { $0.zone ?? "" } == batches.map { $0.zone ?? "" }.sorted())
        #expect(plan.autoBatch?.maxUnavailable == "20%")
    }

    @Test func applyUpgradesEveryWorkerWithoutARefusedEvictionOrAPendingReplacement() async throws {
        let cluster = try cluster()
        let events = cluster.stateDirectory + ".events.jsonl"
        let result = try await cluster.apply(["--batch", "auto", "--max-unavailable", "3", "--events", events])
        #expect(result.status == 0, "\(result.error)")
        for worker in (1...6).map({ "worker-\($0)" }) {
            #expect(cluster.node(worker) == .init(version: "v1.29.15", ready: true, cordoned: false), "\(worker)")
        }
        let counters = cluster.sim.cluster.counters
        #expect(counters.refusedEvictions == 0, "\(counters.refusedByBudget)\n\(result.error)")
        #expect(counters.pendingForCapacity == 0, "\(counters.pendingPods)")
        // Each batch is in the journal and on the progress lines; more than one worker went at once.
        let batches = try cluster.journalEntries.compactMap { entry -> JournalEvent.BatchStarted? in
            guard case .batchStarted(let batch) = entry.event else { return nil }
            return batch
        }
        #expect(batches.first?.nodes == ["worker-1"])
        #expect(batches.count < 6 && batches.contains { $0.nodes.count > 1 })
        #expect(Set(batches.flatMap(\.nodes)) == Set((1...6).map { "worker-\($0)" }))
        #expect(result.error.contains("v1.29.15 batch 2: "))
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains(#""kind":"batch-started""#) })
    }

    /// A batch's nodes take their cordon state from the read the batch was packed against: no node is
    /// looked at on its own before its drain, and a node cordoned before the run stays cordoned.
    @Test func theBatchReadGivesEachNodeItsCordonState() async throws {
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 6,
            scenario: Self.scenario.replacingOccurrences(of: "workloads:", with: "cordoned: [worker-5]\nworkloads:"))
        let result = try await cluster.apply(["--batch", "auto", "--max-unavailable", "3"])
        #expect(result.status == 0, "\(result.error)")
        for worker in (1...6).map({ "worker-\($0)" }) {
            let cordoned = worker == "worker-5"
            #expect(cluster.node(worker) == .init(version: "v1.29.15", ready: true, cordoned: cordoned), "\(worker)")
            let log = try String(contentsOfFile: cluster.stateDirectory + "/logs/\(worker).log", encoding: .utf8)
            let firstKubectl = log.split(separator: "\n").first { line in
                line.split(separator: " ").dropFirst().starts(with: ["$"])
                    && line.split(separator: " ").dropFirst(2).first?.hasSuffix("kubectl") == true
            }
            #expect(firstKubectl?.contains(" drain \(worker) ") == true, "\(worker): \(firstKubectl ?? "")")
        }
    }
}
