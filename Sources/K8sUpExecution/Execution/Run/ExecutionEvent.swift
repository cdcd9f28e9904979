import Foundation

/// One thing that happened during `apply`: the executor reports everything it does as events, and the
/// progress lines on stderr, the `--events` file and the journal are all written from them.
package struct ExecutionEvent: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable {
        case runStarted = "run-started"
        case hopStarted = "hop-started"
        case nodeStarted = "node-started"
        case stepStarted = "step-started"
        case stepFinished = "step-finished"
        /// Something holds a step up (a drain waiting on a PodDisruptionBudget, a node not Ready yet), or
        /// a wait still goes on: every progress interval (30 s) while it lasts, `message` says
        /// `still waiting after 1m30s — <what for>` and `elapsed` how long it has lasted. A retry after a
        /// transient failure is one too, with `attempt` and `retryDelay` set.
        case waiting
        case nodeFinished = "node-finished"
        case nodeFailed = "node-failed"
        case rollbackStarted = "rollback-started"
        case rollbackFinished = "rollback-finished"
        /// A node left cordoned by an interrupted run was put back as it was before k8sup touched it.
        case cordonRestored = "cordon-restored"
        /// `--batch auto`: a batch of workers begins; `nodes` are its workers, `planned` those the plan
        /// had in it, `message` why they differ.
        case batchStarted = "batch-started"
        case runFinished = "run-finished"
    }

    package var time: Date
    package var kind: Kind
    package var hop: Int?
    /// The hop's version, `v1.29.15`.
    package var version: String?
    package var node: String?
    package var host: String?
    package var step: String?
    /// `n` of `[n/N]`: the node upgrade's position in the run, from 1.
    package var position: Int?
    /// `N` of `[n/N]`.
    package var total: Int?
    /// For step-finished, node and rollback events: whether it went well.
    package var ok: Bool?
    /// Seconds since the step (or node, or run) started; for `waiting`, since the wait started.
    package var elapsed: Double?
    package var message: String?
    /// node-started, node-finished, cordon-restored: whether the node was cordoned before k8sup touched it
    /// (the state it is left in).
    var cordonedBefore: Bool?
    /// node-started: the kubelet version before the hop.
    package var from: String?
    /// node-started: `control-plane` or `worker`.
    package var role: String?
    /// run-finished: the exit code.
    package var exitCode: Int32?
    /// waiting, for a retry: the number of the attempt that failed (from 1).
    package var attempt: Int?
    /// waiting, for a retry: seconds until the next attempt.
    var retryDelay: Double?
    /// batch-started: the batch's number in its hop, its workers and those the plan had in it.
    var batch: Int?
    var nodes: [String]?
    var planned: [String]?

    package init(
        _ kind: Kind, time: Date = Date(), hop: Int? = nil, version: String? = nil, node: String? = nil,
        host: String? = nil, step: String? = nil, position: Int? = nil, total: Int? = nil, ok: Bool? = nil,
        elapsed: Double? = nil, message: String? = nil
    ) {
        self.time = time
        self.kind = kind
        self.hop = hop
        self.version = version
        self.node = node
        self.host = host
        self.step = step
        self.position = position
        self.total = total
        self.ok = ok
        self.elapsed = elapsed
        self.message = message
    }
}

/// Receives the executor's events: progress printer, events file, journal. Called from several tasks.
package protocol ExecutionObserving: Sendable {
    func record(_ event: ExecutionEvent)
}

/// Hands each event to several observers in turn.
package struct ObserverGroup: ExecutionObserving {
    package init(observers: [any ExecutionObserving]) {
        self.observers = observers
    }

    package let observers: [any ExecutionObserving]

    package func record(_ event: ExecutionEvent) {
        for observer in observers { observer.record(event) }
    }
}
