import Foundation
import K8sUpCluster
import K8sUpSupport

/// What `k8sup status` shows: the journal's runs and each node's journal state beside its live (or
/// snapshot) version, Ready and cordon state, with the nodes that need attention flagged, and those the
/// cluster shows otherwise than the journal says. `-o json` prints this value (`apiVersion: k8sup/v1`,
/// `kind: Status`).
package struct StatusReport: Encodable, Sendable, Equatable {
    package var apiVersion = "k8sup/v1"
    package var kind = "Status"
    package var journal: Journal
    package var runs: [Run]
    package var cluster: Cluster
    package var nodes: [Node]
    /// Some node of the cluster is not as the journal says (its `journalMismatch` says how): the journal
    /// may be from an earlier cluster, or the nodes changed since. False when no cluster could be read.
    var journalMismatch: Bool

    package struct Journal: Encodable, Sendable, Equatable {
        var path: String
        var exists: Bool
        var entries: Int
        /// Lines the reader skipped (a torn last line).
        var notes: [String]
    }

    package struct Run: Encodable, Sendable, Equatable {
        var id: String
        var started: String
        var user: String
        var pid: Int32
        var targetVersion: String
        var lastEntry: String
        var finished: String?
        /// The run's result, or `unfinished` when it crashed or was killed.
        var result: String
        var exitCode: Int32?
    }

    package struct Cluster: Encodable, Sendable, Equatable {
        /// Where the live columns come from; nil when no cluster could be read.
        var source: String?
        /// Why the cluster could not be read.
        var error: String?

        /// The live columns come from a saved snapshot, which may be older than the journal.
        var isSnapshot: Bool { source?.hasPrefix(StatusReport.snapshotSourcePrefix) ?? false }
    }

    /// How `source` starts for a snapshot (`snapshot PATH (ORIGIN)`).
    package static let snapshotSourcePrefix = "snapshot "

    package struct Node: Encodable, Sendable, Equatable {
        var name: String
        var journal: JournalNode?
        var live: LiveNode?
        /// What the operator should know, or nil.
        var attention: String?
        /// How the live node differs from what the journal says, or nil.
        var journalMismatch: String?
    }

    struct JournalNode: Encodable, Sendable, Equatable {
        /// `in-progress`, `finished`, `failed`, `rolling-back`, `rolled-back`, `rollback-failed`,
        /// `cordon-restored`.
        var status: String
        /// The status in words.
        var summary: String
        var hop: Int
        var hopVersion: String
        var fromVersion: String
        var runId: String
        var open: Bool
        var originalCordon: Bool
    }

    struct LiveNode: Encodable, Sendable, Equatable {
        var kubeletVersion: String?
        var ready: Bool?
        var cordoned: Bool
    }

    /// Builds the report; `cluster` is nil when none could be read (`clusterError` says why).
    package init(
        journalPath: String, contents: JournalReader.Contents, cluster: ClusterState?, clusterError: String?
    ) {
        let state = JournalState(contents.entries)
        journal = Journal(
            path: journalPath, exists: contents.exists, entries: contents.entries.count, notes: contents.notes)
        runs = state.runs.map { run in
            Run(
                id: run.id, started: Self.time(run.started), user: run.user, pid: run.pid,
                targetVersion: run.targetVersion, lastEntry: Self.time(run.lastEntry),
                finished: run.finished.map(Self.time), result: run.result?.rawValue ?? "unfinished",
                exitCode: run.exitCode)
        }
        self.cluster = Cluster(source: cluster?.source, error: clusterError)
        // The cluster's order (the inventory's, usually), then nodes only the journal knows.
        var names = (cluster?.nodes ?? []).map(\.name)
        let inCluster = Set(names)
        names += state.nodes.map(\.name).filter { !inCluster.contains($0) }
        nodes = names.map { name in
            let recorded = state.node(named: name)
            let live = cluster?.node(named: name).map {
                LiveNode(
                    kubeletVersion: $0.kubeletVersion?.description, ready: $0.isReady, cordoned: $0.isUnschedulable)
            }
            var mismatch: String?
            if let recorded, let live { mismatch = JournalMismatch.describe(recorded, live: live) }
            return Node(
                name: name, journal: recorded.map(Self.journalNode), live: live,
                attention: recorded.flatMap { Self.attention($0, live: live) }, journalMismatch: mismatch)
        }
        journalMismatch = nodes.contains { $0.journalMismatch != nil }
    }

    /// The state directory the journal is in.
    package var stateDirectory: String {
        let suffix = "/" + StateDirectory.journalName
        return journal.path.hasSuffix(suffix) ? String(journal.path.dropLast(suffix.count)) : journal.path
    }

    private static func journalNode(_ node: JournalState.Node) -> JournalNode {
        let (status, summary) = describe(node.status)
        return JournalNode(
            status: status, summary: summary, hop: node.hop, hopVersion: node.hopVersion,
            fromVersion: node.fromVersion, runId: node.runId, open: node.isOpen, originalCordon: node.originalCordon)
    }

    /// A short status name and its description.
    package static func describe(_ status: JournalState.NodeStatus) -> (String, String) {
        switch status {
        case .notStarted:
            return ("not-started", "not started")
        case .inProgress(_, let started, let finished):
            var text = "interrupted"
            if let started { text += " at \(started.rawValue)" }
            if let finished, finished != started { text += " (last done: \(finished.rawValue))" }
            return ("in-progress", text)
        case .finished:
            return ("finished", "finished")
        case .failed(_, let step, let reason):
            return ("failed", "failed at \(step.rawValue): \(reason)")
        case .rollingBack:
            return ("rolling-back", "rollback did not finish")
        case .rolledBack(_, ok: true):
            return ("rolled-back", "rolled back")
        case .rolledBack(_, ok: false):
            return ("rollback-failed", "rollback failed")
        case .cordonRestored(let cordoned):
            return ("cordon-restored", cordoned ? "cordon restored (cordoned)" : "cordon restored (uncordoned)")
        }
    }

    private static func attention(_ node: JournalState.Node, live: LiveNode?) -> String? {
        if case .rolledBack(_, ok: false) = node.status {
            return "its rollback failed: repair it by hand (see the node's log in the state directory)"
        }
        guard node.isOpen else { return nil }
        if let live, live.cordoned, !node.originalCordon {
            return "cordoned by k8sup; the next apply restores it (it was not cordoned before)"
        }
        return "left unfinished; the next apply finishes or undoes it"
    }

    private static func time(_ date: Date) -> String {
        RFC3339.format(date, fractionDigits: 0)
    }
}
