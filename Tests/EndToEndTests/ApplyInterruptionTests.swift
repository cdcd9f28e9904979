import Foundation
import Glibc
import K8sUpTestSupport
import Synchronization
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

/// `apply` stopped from outside: killed with SIGKILL in the middle of a node, interrupted with Ctrl-C,
/// and raced by a second apply. The built k8sup with real kubectl against k8sim.
@Suite("apply interrupted end to end", .serialized)
struct ApplyInterruptionTests {
    /// Where the kill lands: a node and the step that had just begun.
    struct KillPoint: CustomTestStringConvertible, Sendable {
        var node: String
        var step: StepAction
        /// What the re-run prints when it puts the node back (nil: it depends on how far the step got).
        var putBack: String? = nil
        var testDescription: String { "\(node) \(step.rawValue)" }
    }

    static let killPoints = [
        KillPoint(
            node: "cp-1", step: .kubeadmUpgradeApply,
            putBack: "v1.29.15 cp-1 left schedulable (after an interrupted run)"),
        KillPoint(
            node: "worker-1", step: .drain, putBack: "v1.29.15 worker-1 left schedulable (after an interrupted run)"),
        KillPoint(
            node: "worker-1", step: .upgradeKubelet,
            putBack:
                "v1.29.15 worker-1 putting the node back: rolling the kubelet back to v1.28.15, then restoring the "
                + "cordon state (uncordoning it: it was schedulable before) (its upgrade was interrupted)"),
        KillPoint(node: "worker-1", step: .restartKubelet),
        KillPoint(node: "worker-1", step: .waitReady, putBack: "v1.29.15 worker-1 wait-ready ok"),
    ]

    @Test(arguments: killPoints)
    func aRerunAfterKill9ConvergesWithEveryNodeUpgradedAndSchedulable(_ point: KillPoint) async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2)
        let first = try cluster.startApply()
        let reached = await first.wait(thenSignal: SIGKILL) { Self.stepStarted(point, in: cluster) }
        #expect(await first.finish() == 128 + SIGKILL)
        try #require(reached, "the run never reached \(point.testDescription): \(first.error)")
        let left = try cluster.journal
        #expect(left.unfinishedRun != nil)
        #expect(left.openNodes.map(\.name) == [point.node])

        let rerun = try await cluster.apply()
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(rerun.output.contains("left 1 node(s) unfinished"))
        if let putBack = point.putBack { #expect(rerun.error.contains(putBack), "\(rerun.error)") }
        for (name, state) in cluster.nodes {
            #expect(state == .init(version: "v1.29.15", ready: true, cordoned: false), "\(name)")
        }
        let journal = try cluster.journal
        #expect(journal.openNodes.isEmpty)
        #expect(journal.lastResult == .succeeded)
        #expect(cluster.sim.cluster.object("leases", namespace: "kube-system", name: "k8sup") == nil)
    }

    @Test func aNodeCordonedBeforeAKilledRunIsLeftCordonedByTheRerun() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2, scenario: "from: v1.28.15\ncordoned: [worker-1]\n")
        let first = try cluster.startApply()
        let point = KillPoint(node: "worker-1", step: .upgradeKubelet)
        let reached = await first.wait(thenSignal: SIGKILL) { Self.stepStarted(point, in: cluster) }
        _ = await first.finish()
        try #require(reached, "\(first.error)")
        let rerun = try await cluster.apply()
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(cluster.node("worker-1") == .init(version: "v1.29.15", ready: true, cordoned: true))
        #expect(cluster.node("worker-2") == .init(version: "v1.29.15", ready: true, cordoned: false))
    }

    @Test func ctrlCStopsAfterTheRunningCommandWithTheNodePutBackAndExits130() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2)
        let run = try cluster.startApply()
        let point = KillPoint(node: "worker-1", step: .upgradeKubelet)
        let reached = await run.wait(thenSignal: SIGINT) { Self.stepStarted(point, in: cluster) }
        #expect(await run.finish() == 130, "\(run.error)")
        try #require(reached, "\(run.error)")
        #expect(run.error.contains("stopped as asked"))
        let journal = try cluster.journal
        #expect(journal.openNodes.isEmpty)
        #expect(journal.lastResult == .interrupted)
        #expect(journal.runs.last?.exitCode == 130)
        #expect(cluster.node("worker-1") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(cluster.sim.cluster.object("leases", namespace: "kube-system", name: "k8sup") == nil)

        let rerun = try await cluster.apply()
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.29.15", ready: true, cordoned: false) })
    }

    /// The first run stops at its second `--confirm-each` question (after cp-1, holding the lock) until
    /// the second run has been refused: no race with the first run's pace.
    @Test func aSecondApplyFromElsewhereIsRefusedByTheClusterLock() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2)
        var arguments = cluster.applyArguments(["--confirm-each", "--kubeconfig", cluster.sim.kubeconfigPath])
        arguments.removeAll { $0 == "--yes" }
        let input = GatedInput(holding: 2)
        let console = CapturingConsole()
        let context = CommandContext(
            console: console, environment: [:], workingDirectory: TestPaths.packageRoot, input: input)
        let ended = Mutex(false)
        let first = Task {
            let code = await CLI.run(arguments: arguments, context: context)
            ended.withLock { $0 = true }
            return code
        }
        let held = await input.waitUntilHeld { ended.withLock { $0 } }
        try #require(held, "the first run ended before asking about worker-1: \(console.error)")
        #expect(console.error.contains("Upgrade worker-1 next? [y/N]"))
        // Another machine: its own state directory, the same cluster.
        let elsewhere = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        var second = cluster.applyArguments([])
        second[second.firstIndex(of: "--state-dir")! + 1] = elsewhere
        let refused: BinaryRunner.Result
        do {
            refused = try await cluster.start(second).result()
        } catch {
            input.release()  // never leave the first run blocked
            throw error
        }
        input.release()
        #expect(refused.status == 1)
        #expect(refused.error.contains("the cluster is locked by another k8sup run"))
        #expect(refused.error.contains("k8sup unlock"))
        #expect(await first.value == .ok, "\(console.error)")
        #expect(cluster.nodes.values.allSatisfy { $0.version == "v1.29.15" })
        #expect(try JournalReader.read(directory: elsewhere).entries.isEmpty)
    }

    /// The journal shows `point`'s step begun on its node.
    static func stepStarted(_ point: KillPoint, in cluster: ApplySim) -> Bool {
        ((try? cluster.journalEntries) ?? []).contains { entry in
            guard case .stepStarted(let step) = entry.event else { return false }
            return step.node == point.node && step.step == point.step
        }
    }
}
