import Foundation
import K8sUpPlanning

/// What a journal says, folded: the runs, and each node's status and original cordon state. Pure: the
/// same entries always give the same state, so the resume logic can be tested without files or clusters.
///
/// A node is *open* from its `node-started` until it is left consistent again: `node-finished`, a
/// successful `rollback-finished`, or `cordon-restored`. A failed node (`node-failed`), an interrupted
/// one and one whose rollback failed stay open — a re-run must reconcile them. The original cordon
/// state is taken from the first `node-started` of an open period: a later `node-started` while the
/// node is still open sees the cordon k8sup itself set (after a crash), so it must not override it.
package struct JournalState: Sendable, Equatable {
    /// One `apply`.
    package struct Run: Sendable, Equatable {
        var id: String
        var started: Date
        /// `user@host`.
        var user: String
        var pid: Int32
        var targetVersion: String
        var nodes: [String]
        /// The time of the run's last entry.
        var lastEntry: Date
        var finished: Date?
        var result: JournalEvent.RunResult?
        var exitCode: Int32?
    }

    /// Where a node is, as far as the journal knows.
    package enum NodeStatus: Sendable, Equatable {
        case notStarted
        /// Being upgraded in `hop`; the last step begun, and the last one that finished well.
        case inProgress(hop: Int, lastStartedStep: StepAction?, lastFinishedStep: StepAction?)
        /// At the hop's version and in its original cordon state.
        case finished(hop: Int)
        case failed(hop: Int, step: StepAction, reason: String)
        /// A rollback began and has not finished.
        case rollingBack(hop: Int)
        /// A rollback finished: `ok` — back at the old version and consistent; not `ok` — needs repair.
        case rolledBack(hop: Int, ok: Bool)
        /// Its original cordon state was restored after an interrupted or failed upgrade.
        case cordonRestored(cordoned: Bool)
    }

    /// One node the journal mentions.
    package struct Node: Sendable, Equatable {
        package var name: String
        package var host: String
        /// `control-plane` or `worker`.
        var role: String
        package var status: NodeStatus
        /// `spec.unschedulable` before k8sup first touched the node in its current (or last) open period.
        package var originalCordon: Bool
        /// Started and not yet left consistent (see the type's discussion).
        var isOpen: Bool
        /// The run of the node's last entry.
        package var runId: String
        var hop: Int
        package var hopVersion: String
        /// The kubelet version the node had when its current (or last) hop began.
        var fromVersion: String
        var lastEntry: Date
    }

    private(set) var runs: [Run] = []
    /// In the order the journal first mentions them.
    private(set) var nodes: [Node] = []
    private var nodeIndex: [String: Int] = [:]

    package init(_ entries: [JournalEntry] = []) {
        for entry in entries { apply(entry) }
    }

    /// The node of that name, if the journal mentions it.
    package func node(named name: String) -> Node? {
        nodeIndex[name].map { nodes[$0] }
    }

    /// `notStarted` for a node the journal does not mention.
    package func status(of name: String) -> NodeStatus {
        node(named: name)?.status ?? .notStarted
    }

    /// Nodes a re-run must reconcile before anything else: started, not left consistent.
    package var openNodes: [Node] { nodes.filter(\.isOpen) }

    /// The cordon state to leave `name` in (nil when the journal never started it).
    package func originalCordon(of name: String) -> Bool? {
        node(named: name)?.originalCordon
    }

    /// The latest run that started and never finished: it crashed or was killed.
    var unfinishedRun: Run? {
        runs.last { $0.finished == nil }
    }

    /// How the latest run ended; nil without runs or when it never finished.
    var lastResult: JournalEvent.RunResult? {
        runs.last?.result
    }

    /// Folds one more entry in.
    package mutating func apply(_ entry: JournalEntry) {
        if let run = runs.lastIndex(where: { $0.id == entry.event.runId }) { runs[run].lastEntry = entry.time }
        switch entry.event {
        case .runStarted(let event):
            runs.append(
                Run(
                    id: event.runId, started: entry.time, user: event.user, pid: event.pid,
                    targetVersion: event.targetVersion, nodes: event.nodes, lastEntry: entry.time))
        case .runFinished(let event):
            guard let run = runs.lastIndex(where: { $0.id == event.runId }) else { return }
            runs[run].finished = entry.time
            runs[run].result = event.result
            runs[run].exitCode = event.exitCode
        case .nodeStarted(let event):
            startNode(event, at: entry.time)
        case .stepStarted(let event):
            guard let name = event.node else { return }
            updateInProgress(name, entry) { started, _ in started = event.step }
        case .stepFinished(let event):
            guard let name = event.node, event.ok else { return }
            updateInProgress(name, entry) { _, finished in finished = event.step }
        case .nodeFinished(let event):
            update(event.node, entry) { $0.status = .finished(hop: event.hop) }
        case .nodeFailed(let event):
            update(event.node, entry) { $0.status = .failed(hop: event.hop, step: event.step, reason: event.reason) }
        case .rollbackStarted(let event):
            update(event.node, entry) { $0.status = .rollingBack(hop: event.hop) }
        case .rollbackFinished(let event):
            update(event.node, entry) { $0.status = .rolledBack(hop: event.hop, ok: event.ok) }
        case .cordonRestored(let event):
            restoreCordon(event, at: entry.time)
        case .batchStarted:
            // The grouping of nodes changes no node's state.
            break
        }
    }

    private mutating func startNode(_ event: JournalEvent.NodeStarted, at time: Date) {
        var node =
            node(named: event.node)
            ?? Node(
                name: event.node, host: event.host, role: event.role, status: .notStarted,
                originalCordon: event.cordonedBefore, isOpen: false, runId: event.runId, hop: event.hop,
                hopVersion: event.hopVersion, fromVersion: event.fromVersion, lastEntry: time)
        if !node.isOpen { node.originalCordon = event.cordonedBefore }
        node.host = event.host
        node.role = event.role
        node.hop = event.hop
        node.hopVersion = event.hopVersion
        node.fromVersion = event.fromVersion
        node.runId = event.runId
        node.lastEntry = time
        node.status = .inProgress(hop: event.hop, lastStartedStep: nil, lastFinishedStep: nil)
        node.isOpen = true
        store(node)
    }

    private mutating func restoreCordon(_ event: JournalEvent.CordonRestored, at time: Date) {
        var node =
            node(named: event.node)
            ?? Node(
                name: event.node, host: event.node, role: "", status: .notStarted, originalCordon: event.cordoned,
                isOpen: false, runId: event.runId, hop: 0, hopVersion: "", fromVersion: "", lastEntry: time)
        node.status = .cordonRestored(cordoned: event.cordoned)
        node.isOpen = false
        node.runId = event.runId
        node.lastEntry = time
        store(node)
    }

    /// Changes a node the journal started; entries about other nodes are ignored (an etcd snapshot
    /// step names its node before that node's own upgrade starts).
    private mutating func update(_ name: String, _ entry: JournalEntry, _ change: (inout Node) -> Void) {
        guard let index = nodeIndex[name] else { return }
        change(&nodes[index])
        nodes[index].runId = entry.event.runId
        nodes[index].lastEntry = entry.time
        nodes[index].isOpen = Self.isOpen(nodes[index].status)
    }

    private mutating func updateInProgress(
        _ name: String, _ entry: JournalEntry, _ change: (inout StepAction?, inout StepAction?) -> Void
    ) {
        guard let index = nodeIndex[name],
            case .inProgress(let hop, var started, var finished) = nodes[index].status
        else { return }
        change(&started, &finished)
        update(name, entry) { $0.status = .inProgress(hop: hop, lastStartedStep: started, lastFinishedStep: finished) }
    }

    private mutating func store(_ node: Node) {
        if let index = nodeIndex[node.name] {
            nodes[index] = node
        } else {
            nodeIndex[node.name] = nodes.count
            nodes.append(node)
        }
    }

    private static func isOpen(_ status: NodeStatus) -> Bool {
        switch status {
        case .inProgress, .failed, .rollingBack, .rolledBack(_, ok: false): true
        case .notStarted, .finished, .rolledBack(_, ok: true), .cordonRestored: false
        }
    }
}
