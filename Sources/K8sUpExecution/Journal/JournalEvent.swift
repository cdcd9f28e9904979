/// What one journal line records. On disk each event is one flat JSON object: `time`, `event` (the
/// kebab-case name below) and the camelCase fields of its payload (see `JournalEvent+Payloads.swift`):
///
/// ```json
/// {"cordonedBefore":false,"event":"node-started","fromVersion":"v1.29.15","hop":1,"hopVersion":"v1.30.4",
///  "host":"worker-1","node":"worker-1","role":"worker","runId":"20250102T030405Z-4f2a","time":"2025-01-02T03:04:05.123Z"}
/// ```
///
/// The names and keys are a stable format: a newer k8sup must still read journals older ones wrote.
package enum JournalEvent: Sendable, Equatable {
    /// An `apply` began (after the lock was taken).
    case runStarted(RunStarted)
    /// k8sup is about to touch a node in a hop; records the node's state before it did.
    case nodeStarted(NodeStarted)
    case stepStarted(StepStarted)
    case stepFinished(StepFinished)
    /// The node is at the hop's version and back in its original cordon state.
    case nodeFinished(NodeFinished)
    /// A step of the node failed; a rollback (or a cordon restore) may follow.
    case nodeFailed(NodeFailed)
    case rollbackStarted(RollbackStarted)
    case rollbackFinished(RollbackFinished)
    /// A node's original cordon state was put back (by a re-run after an interrupted one, or after a
    /// failure that needed no rollback): the node is consistent again.
    case cordonRestored(CordonRestored)
    /// `--batch auto`: a batch of workers begins, as packed against the live cluster just before it.
    case batchStarted(BatchStarted)
    case runFinished(RunFinished)

    /// The `event` value on disk.
    package var name: String {
        switch self {
        case .runStarted: "run-started"
        case .nodeStarted: "node-started"
        case .stepStarted: "step-started"
        case .stepFinished: "step-finished"
        case .nodeFinished: "node-finished"
        case .nodeFailed: "node-failed"
        case .rollbackStarted: "rollback-started"
        case .rollbackFinished: "rollback-finished"
        case .cordonRestored: "cordon-restored"
        case .batchStarted: "batch-started"
        case .runFinished: "run-finished"
        }
    }

    /// Every event name, in the order a run writes them.
    package static let names = [
        "run-started", "node-started", "step-started", "step-finished", "node-finished", "node-failed",
        "rollback-started", "rollback-finished", "cordon-restored", "batch-started", "run-finished",
    ]

    /// The run the event belongs to.
    package var runId: String {
        switch self {
        case .runStarted(let event): event.runId
        case .nodeStarted(let event): event.runId
        case .stepStarted(let event): event.runId
        case .stepFinished(let event): event.runId
        case .nodeFinished(let event): event.runId
        case .nodeFailed(let event): event.runId
        case .rollbackStarted(let event): event.runId
        case .rollbackFinished(let event): event.runId
        case .cordonRestored(let event): event.runId
        case .batchStarted(let event): event.runId
        case .runFinished(let event): event.runId
        }
    }

    /// Encodes the payload's fields into the entry's own JSON object.
    func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case .runStarted(let event): try event.encode(to: encoder)
        case .nodeStarted(let event): try event.encode(to: encoder)
        case .stepStarted(let event): try event.encode(to: encoder)
        case .stepFinished(let event): try event.encode(to: encoder)
        case .nodeFinished(let event): try event.encode(to: encoder)
        case .nodeFailed(let event): try event.encode(to: encoder)
        case .rollbackStarted(let event): try event.encode(to: encoder)
        case .rollbackFinished(let event): try event.encode(to: encoder)
        case .cordonRestored(let event): try event.encode(to: encoder)
        case .batchStarted(let event): try event.encode(to: encoder)
        case .runFinished(let event): try event.encode(to: encoder)
        }
    }

    /// Decodes the payload of the event called `name` from the entry's JSON object; nil for a name
    /// this k8sup does not know.
    static func decodePayload(named name: String, from decoder: any Decoder) throws -> JournalEvent? {
        switch name {
        case "run-started": .runStarted(try RunStarted(from: decoder))
        case "node-started": .nodeStarted(try NodeStarted(from: decoder))
        case "step-started": .stepStarted(try StepStarted(from: decoder))
        case "step-finished": .stepFinished(try StepFinished(from: decoder))
        case "node-finished": .nodeFinished(try NodeFinished(from: decoder))
        case "node-failed": .nodeFailed(try NodeFailed(from: decoder))
        case "rollback-started": .rollbackStarted(try RollbackStarted(from: decoder))
        case "rollback-finished": .rollbackFinished(try RollbackFinished(from: decoder))
        case "cordon-restored": .cordonRestored(try CordonRestored(from: decoder))
        case "batch-started": .batchStarted(try BatchStarted(from: decoder))
        case "run-finished": .runFinished(try RunFinished(from: decoder))
        default: nil
        }
    }
}
