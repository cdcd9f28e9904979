import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity

/// Builders for journal entries in tests: a fixed clock that ticks one second per entry, and short
/// constructors for each event.
package struct JournalScript {
    package var runId = "run-1"
    package var start = Date(timeIntervalSince1970: 1_735_787_045.123)
    package private(set) var entries: [JournalEntry] = []

    package init(runId: String = "run-1") {
        self.runId = runId
    }

    package mutating func add(_ event: JournalEvent) {
        entries.append(JournalEntry(time: start.addingTimeInterval(Double(entries.count)), event: event))
    }

    package mutating func runStarted(nodes: [String] = ["cp-1", "worker-1"]) {
        add(
            .runStarted(
                .init(
                    runId: runId, k8supVersion: "0.1.0", user: "ops@laptop", pid: 4242,
                    inventory: ["Inventories/sample"], targetVersion: "v1.30.4", hops: ["v1.30.4"], nodes: nodes)))
    }

    package mutating func nodeStarted(_ node: String, hop: Int = 1, cordoned: Bool = false, from: String = "v1.29.15") {
        add(
            .nodeStarted(
                .init(
                    runId: runId, hop: hop, hopVersion: hop == 1 ? "v1.30.4" : "v1.31.2", node: node, host: node,
                    role: node.hasPrefix("cp") ? "control-plane" : "worker", fromVersion: from,
                    cordonedBefore: cordoned)))
    }

    package mutating func step(_ node: String?, _ step: StepAction, hop: Int = 1, ok: Bool? = true) {
        add(.stepStarted(.init(runId: runId, hop: hop, node: node, step: step)))
        if let ok {
            add(
                .stepFinished(
                    .init(runId: runId, hop: hop, node: node, step: step, ok: ok, message: ok ? nil : "exit 1")))
        }
    }

    package mutating func nodeFinished(_ node: String, hop: Int = 1, cordoned: Bool = false) {
        add(.nodeFinished(.init(runId: runId, hop: hop, node: node, version: "v1.30.4", cordoned: cordoned)))
    }

    package mutating func nodeFailed(_ node: String, step: StepAction, hop: Int = 1) {
        add(.nodeFailed(.init(runId: runId, hop: hop, node: node, step: step, reason: "kubelet did not start")))
    }

    package mutating func rollback(_ node: String, ok: Bool?, hop: Int = 1) {
        add(.rollbackStarted(.init(runId: runId, hop: hop, node: node)))
        if let ok {
            add(
                .rollbackFinished(
                    .init(runId: runId, hop: hop, node: node, ok: ok, message: ok ? nil : "kubelet stays down")))
        }
    }

    package mutating func cordonRestored(_ node: String, cordoned: Bool) {
        add(.cordonRestored(.init(runId: runId, node: node, cordoned: cordoned)))
    }

    package mutating func runFinished(_ result: JournalEvent.RunResult, exit: Int32) {
        add(.runFinished(.init(runId: runId, result: result, exitCode: exit)))
    }

    /// The entries as journal file text.
    package func text() throws -> String {
        try entries.map { try $0.line() + "\n" }.joined()
    }
}
