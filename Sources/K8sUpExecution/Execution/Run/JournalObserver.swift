import K8sUpPlanning
import Synchronization

/// Writes the executor's events that change what a re-run must know into the journal: each node's
/// state before k8sup touched it, every step begun and ended, failures, rollbacks and restored cordon
/// states. The run's start and end are written by `ApplyExecution`, which knows the whole run.
///
/// A journal that cannot be written is a reason to stop: a later run could not resume safely. The
/// first failure is kept; `checkWritable()` throws it at the executor's next safe point.
package final class JournalObserver: ExecutionObserving {
    private let journal: any JournalRecording
    private let runId: String
    /// Failure messages quote command output, which may print a secret var's value.
    private let redactor: SecretRedactor
    private let failure = Mutex<JournalError?>(nil)

    package init(journal: any JournalRecording, runId: String, redactor: SecretRedactor = SecretRedactor(values: [])) {
        self.journal = journal
        self.runId = runId
        self.redactor = redactor
    }

    package func record(_ event: ExecutionEvent) {
        var event = event
        event.message = event.message.map(redactor.redact)
        guard let entry = Self.journalEvent(event, runId: runId) else { return }
        do {
            try journal.record(entry, at: event.time)
        } catch {
            failure.withLock { if $0 == nil { $0 = error } }
        }
    }

    /// Throws the first write failure, if any.
    package func checkWritable() throws(JournalError) {
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// The journal's form of an execution event; nil for events the journal does not keep (progress,
    /// waiting, the run's own start and end).
    static func journalEvent(_ event: ExecutionEvent, runId: String) -> JournalEvent? {
        let hop = event.hop ?? 0
        let step = event.step.flatMap(StepAction.init(rawValue:))
        switch event.kind {
        case .nodeStarted:
            guard let node = event.node else { return nil }
            return .nodeStarted(
                .init(
                    runId: runId, hop: hop, hopVersion: event.version ?? "", node: node, host: event.host ?? node,
                    role: event.role ?? "", fromVersion: event.from ?? "", cordonedBefore: event.cordonedBefore ?? false
                ))
        case .stepStarted:
            guard let step else { return nil }
            return .stepStarted(.init(runId: runId, hop: hop, node: event.node, step: step))
        case .stepFinished:
            guard let step else { return nil }
            return .stepFinished(
                .init(
                    runId: runId, hop: hop, node: event.node, step: step, ok: event.ok ?? false, message: event.message)
            )
        case .nodeFinished:
            guard let node = event.node else { return nil }
            return .nodeFinished(
                .init(
                    runId: runId, hop: hop, node: node, version: event.version ?? "",
                    cordoned: event.cordonedBefore ?? false))
        case .nodeFailed:
            guard let node = event.node else { return nil }
            return .nodeFailed(
                .init(runId: runId, hop: hop, node: node, step: step ?? .preflight, reason: event.message ?? ""))
        case .rollbackStarted:
            guard let node = event.node else { return nil }
            return .rollbackStarted(.init(runId: runId, hop: hop, node: node))
        case .rollbackFinished:
            guard let node = event.node else { return nil }
            return .rollbackFinished(
                .init(runId: runId, hop: hop, node: node, ok: event.ok ?? false, message: event.message))
        case .cordonRestored:
            guard let node = event.node else { return nil }
            return .cordonRestored(.init(runId: runId, node: node, cordoned: event.cordonedBefore ?? false))
        case .batchStarted:
            return .batchStarted(
                .init(
                    runId: runId, hop: hop, batch: event.batch ?? 0, nodes: event.nodes ?? [],
                    planned: event.planned ?? [], reason: event.message ?? ""))
        case .runStarted, .hopStarted, .waiting, .runFinished:
            return nil
        }
    }
}
