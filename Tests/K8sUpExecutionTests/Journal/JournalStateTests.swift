import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The fold over journal entries that resuming depends on: node status, open nodes, and above all the
/// original cordon state surviving crashes and re-runs.
@Suite struct JournalStateTests {
    @Test func anEmptyJournalKnowsNothing() {
        let state = JournalState()
        #expect(state.runs.isEmpty && state.nodes.isEmpty && state.openNodes.isEmpty)
        #expect(state.unfinishedRun == nil && state.lastResult == nil)
        #expect(state.status(of: "cp-1") == .notStarted && state.originalCordon(of: "cp-1") == nil)
    }

    @Test func aCleanRunLeavesEveryNodeFinishedAndNothingOpen() {
        var script = JournalScript()
        script.runStarted()
        script.step(nil, .preflight)
        script.step(nil, .stage)
        for node in ["cp-1", "worker-1"] {
            script.nodeStarted(node, cordoned: node == "worker-1")
            for step in [StepAction.backupKubelet, .upgradeKubeadm, .drain, .upgradeKubelet] { script.step(node, step) }
            script.nodeFinished(node, cordoned: node == "worker-1")
        }
        script.runFinished(.succeeded, exit: 0)
        let state = JournalState(script.entries)
        #expect(state.nodes.map(\.name) == ["cp-1", "worker-1"])
        #expect(state.nodes.map(\.status) == [.finished(hop: 1), .finished(hop: 1)])
        #expect(state.openNodes.isEmpty && state.unfinishedRun == nil)
        #expect(state.lastResult == .succeeded)
        #expect(state.runs.map(\.exitCode) == [0])
        #expect(state.originalCordon(of: "worker-1") == true && state.originalCordon(of: "cp-1") == false)
    }

    @Test func aCrashLeavesTheNodeOpenWithItsLastStepsAndTheRunUnfinished() throws {
        var script = JournalScript()
        script.runStarted()
        script.nodeStarted("worker-1")
        script.step("worker-1", .drain)
        script.step("worker-1", .upgradeKubelet, ok: nil)
        let state = JournalState(script.entries)
        #expect(
            state.status(of: "worker-1")
                == .inProgress(hop: 1, lastStartedStep: .upgradeKubelet, lastFinishedStep: .drain))
        #expect(state.openNodes.map(\.name) == ["worker-1"])
        #expect(state.unfinishedRun?.id == "run-1")
        #expect(state.lastResult == nil)
        let node = try #require(state.node(named: "worker-1"))
        #expect(node.host == "worker-1" && node.role == "worker" && node.fromVersion == "v1.29.15")
        #expect(node.hopVersion == "v1.30.4" && node.runId == "run-1")
    }

    @Test func aFailedStepDoesNotCountAsTheLastFinishedOne() {
        var script = JournalScript()
        script.nodeStarted("cp-1")
        script.step("cp-1", .backupKubelet)
        script.step("cp-1", .upgradeKubeadm, ok: false)
        #expect(
            JournalState(script.entries).status(of: "cp-1")
                == .inProgress(hop: 1, lastStartedStep: .upgradeKubeadm, lastFinishedStep: .backupKubelet))
    }

    @Test func aReRunAfterACrashKeepsTheCordonStateFromBeforeK8supTouchedTheNode() {
        var script = JournalScript(runId: "run-1")
        script.runStarted()
        script.nodeStarted("worker-1", cordoned: false)
        script.step("worker-1", .drain)
        var rerun = JournalScript(runId: "run-2")
        rerun.start = script.start.addingTimeInterval(3600)
        rerun.runStarted()
        // The node is cordoned now, by the crashed run; the re-run sees it cordoned.
        rerun.nodeStarted("worker-1", cordoned: true)
        let state = JournalState(script.entries + rerun.entries)
        #expect(state.originalCordon(of: "worker-1") == false)
        #expect(state.node(named: "worker-1")?.runId == "run-2")
        #expect(state.runs.map(\.id) == ["run-1", "run-2"])
        #expect(state.unfinishedRun?.id == "run-2")
    }

    @Test func aNodeLeftConsistentTakesItsCordonStateAfreshNextTime() {
        for close in ["finished", "rolled back", "restored"] {
            var script = JournalScript()
            script.nodeStarted("worker-1", cordoned: false)
            switch close {
            case "finished": script.nodeFinished("worker-1")
            case "rolled back": script.rollback("worker-1", ok: true)
            default: script.cordonRestored("worker-1", cordoned: false)
            }
            #expect(JournalState(script.entries).openNodes.isEmpty, "\(close)")
            // The operator cordons it between runs; the next run must keep it cordoned.
            script.nodeStarted("worker-1", hop: 2, cordoned: true)
            let state = JournalState(script.entries)
            #expect(state.originalCordon(of: "worker-1") == true, "\(close)")
            #expect(state.openNodes.map(\.name) == ["worker-1"], "\(close)")
        }
    }

    @Test func failuresAndRollbacksStayOpenUntilTheNodeIsConsistent() {
        var script = JournalScript()
        script.runStarted()
        script.nodeStarted("cp-1")
        script.nodeFailed("cp-1", step: .waitReady)
        var state = JournalState(script.entries)
        #expect(state.status(of: "cp-1") == .failed(hop: 1, step: .waitReady, reason: "kubelet did not start"))
        #expect(state.openNodes.map(\.name) == ["cp-1"])
        script.rollback("cp-1", ok: nil)
        state = JournalState(script.entries)
        #expect(state.status(of: "cp-1") == .rollingBack(hop: 1) && state.openNodes.count == 1)
        script.add(.rollbackFinished(.init(runId: "run-1", hop: 1, node: "cp-1", ok: false, message: "down")))
        state = JournalState(script.entries)
        #expect(state.status(of: "cp-1") == .rolledBack(hop: 1, ok: false) && state.openNodes.count == 1)
        script.runFinished(.failed, exit: 3)
        state = JournalState(script.entries)
        #expect(state.lastResult == .failed && state.unfinishedRun == nil && state.openNodes.count == 1)
    }

    @Test func aCordonRestoreClosesTheNodeAndRecordsTheState() {
        var script = JournalScript()
        script.nodeStarted("worker-2", cordoned: true)
        script.step("worker-2", .drain, ok: nil)
        script.cordonRestored("worker-2", cordoned: true)
        let state = JournalState(script.entries)
        #expect(state.status(of: "worker-2") == .cordonRestored(cordoned: true))
        #expect(state.openNodes.isEmpty && state.originalCordon(of: "worker-2") == true)
    }

    @Test func stepsOfNodesNotStartedAndAfterAFailureChangeNothing() {
        var script = JournalScript()
        script.step("cp-1", .etcdSnapshot)
        #expect(JournalState(script.entries).nodes.isEmpty)
        script.nodeStarted("cp-1")
        script.nodeFailed("cp-1", step: .drain)
        script.step("cp-1", .uncordon)
        #expect(
            JournalState(script.entries).status(of: "cp-1")
                == .failed(hop: 1, step: .drain, reason: "kubelet did not start"))
    }

    @Test func memoryJournalRecordsInOrderAndFolds() throws {
        let journal = MemoryJournal()
        var script = JournalScript()
        script.runStarted()
        script.nodeStarted("cp-1")
        for entry in script.entries { try journal.append(entry) }
        #expect(journal.entries == script.entries)
        #expect(journal.state.openNodes.map(\.name) == ["cp-1"])
    }
}
