/// The fields of each journal event. `hop` is the hop's number in the plan (1-based); `step` is a
/// `StepAction` raw value (`upgrade-kubelet`); versions are as the plan prints them (`v1.30.4`).
extension JournalEvent {
    /// Who started which upgrade, of what.
    struct RunStarted: Codable, Sendable, Equatable {
        var runId: String
        var k8supVersion: String
        /// `user@host` of the machine k8sup ran on.
        var user: String
        var pid: Int32
        /// The `-i` paths.
        var inventory: [String]
        var targetVersion: String
        /// Each hop's version, in order.
        var hops: [String]
        /// The nodes the plan touches (across all hops), in plan order.
        var nodes: [String]
    }

    /// The node's state before k8sup touched it in this hop.
    struct NodeStarted: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var hopVersion: String
        var node: String
        /// The inventory host the node's commands run on.
        var host: String
        /// `control-plane` or `worker`.
        var role: String
        /// The kubelet version before this hop.
        var fromVersion: String
        /// `spec.unschedulable` before k8sup touched the node: the cordon state to leave it in.
        var cordonedBefore: Bool
    }

    /// A step began. `node` is nil for a hop-wide step (`preflight`, `stage`).
    struct StepStarted: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var node: String?
        var step: StepAction
    }

    /// A step ended, well (`ok`) or not; `message` says why not, or what it found.
    struct StepFinished: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var node: String?
        var step: StepAction
        var ok: Bool
        var message: String?
    }

    /// The node runs `version` and is in its original cordon state (`cordoned`).
    struct NodeFinished: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var node: String
        var version: String
        var cordoned: Bool
    }

    struct NodeFailed: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var node: String
        var step: StepAction
        var reason: String
    }

    struct RollbackStarted: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var node: String
    }

    /// `ok`: the kubelet is back at the old version, Ready, and in its original cordon state.
    struct RollbackFinished: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var node: String
        var ok: Bool
        var message: String?
    }

    /// The node was put back to its original cordon state (`cordoned`).
    struct CordonRestored: Codable, Sendable, Equatable {
        var runId: String
        var node: String
        var cordoned: Bool
    }

    /// How a run ended, with the exit code k8sup returned.
    struct RunFinished: Codable, Sendable, Equatable {
        var runId: String
        var result: RunResult
        var exitCode: Int32
    }

    /// The outcome of an `apply`.
    enum RunResult: String, Codable, Sendable, Equatable, CaseIterable {
        case succeeded, failed, interrupted, blocked, refused
    }

    /// `--batch auto`: the workers of a batch as it begins, and those the plan had in it; they differ
    /// when the pods moved since the plan (the same nodes and steps, grouped anew).
    struct BatchStarted: Codable, Sendable, Equatable {
        var runId: String
        var hop: Int
        var batch: Int
        var nodes: [String]
        var planned: [String]
        /// Why the batch differs from the plan's, or that it does not.
        var reason: String
    }
}
