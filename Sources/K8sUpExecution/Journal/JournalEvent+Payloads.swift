import K8sUpPlanning

/// The fields of each journal event. `hop` is the hop's number in the plan (1-based); `step` is a
/// `StepAction` raw value (`upgrade-kubelet`); versions are as the plan prints them (`v1.30.4`).
extension JournalEvent {
    /// Who started which upgrade, of what.
    package struct RunStarted: Codable, Sendable, Equatable {
        package init(
            runId: String, k8supVersion: String, user: String, pid: Int32, inventory: [String], targetVersion: String,
            hops: [String], nodes: [String]
        ) {
            self.runId = runId
            self.k8supVersion = k8supVersion
            self.user = user
            self.pid = pid
            self.inventory = inventory
            self.targetVersion = targetVersion
            self.hops = hops
            self.nodes = nodes
        }

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
    package struct NodeStarted: Codable, Sendable, Equatable {
        package init(
            runId: String, hop: Int, hopVersion: String, node: String, host: String, role: String, fromVersion: String,
            cordonedBefore: Bool
        ) {
            self.runId = runId
            self.hop = hop
            self.hopVersion = hopVersion
            self.node = node
            self.host = host
            self.role = role
            self.fromVersion = fromVersion
            self.cordonedBefore = cordonedBefore
        }

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
    package struct StepStarted: Codable, Sendable, Equatable {
        package init(runId: String, hop: Int, node: String? = nil, step: StepAction) {
            self.runId = runId
            self.hop = hop
            self.node = node
            self.step = step
        }

        var runId: String
        var hop: Int
        var node: String?
        var step: StepAction
    }

    /// A step ended, well (`ok`) or not; `message` says why not, or what it found.
    package struct StepFinished: Codable, Sendable, Equatable {
        package init(runId: String, hop: Int, node: String? = nil, step: StepAction, ok: Bool, message: String? = nil) {
            self.runId = runId
            self.hop = hop
            self.node = node
            self.step = step
            self.ok = ok
            self.message = message
        }

        var runId: String
        var hop: Int
        var node: String?
        var step: StepAction
        var ok: Bool
        var message: String?
    }

    /// The node runs `version` and is in its original cordon state (`cordoned`).
    package struct NodeFinished: Codable, Sendable, Equatable {
        package init(runId: String, hop: Int, node: String, version: String, cordoned: Bool) {
            self.runId = runId
            self.hop = hop
            self.node = node
            self.version = version
            self.cordoned = cordoned
        }

        var runId: String
        var hop: Int
        var node: String
        var version: String
        var cordoned: Bool
    }

    package struct NodeFailed: Codable, Sendable, Equatable {
        package init(runId: String, hop: Int, node: String, step: StepAction, reason: String) {
            self.runId = runId
            self.hop = hop
            self.node = node
            self.step = step
            self.reason = reason
        }

        var runId: String
        var hop: Int
        var node: String
        var step: StepAction
        var reason: String
    }

    package struct RollbackStarted: Codable, Sendable, Equatable {
        package init(runId: String, hop: Int, node: String) {
            self.runId = runId
            self.hop = hop
            self.node = node
        }

        var runId: String
        var hop: Int
        var node: String
    }

    /// `ok`: the kubelet is back at the old version, Ready, and in its original cordon state.
    package struct RollbackFinished: Codable, Sendable, Equatable {
        package init(runId: String, hop: Int, node: String, ok: Bool, message: String? = nil) {
            self.runId = runId
            self.hop = hop
            self.node = node
            self.ok = ok
            self.message = message
        }

        var runId: String
        var hop: Int
        var node: String
        var ok: Bool
        var message: String?
    }

    /// The node was put back to its original cordon state (`cordoned`).
    package struct CordonRestored: Codable, Sendable, Equatable {
        package init(runId: String, node: String, cordoned: Bool) {
            self.runId = runId
            self.node = node
            self.cordoned = cordoned
        }

        var runId: String
        var node: String
        var cordoned: Bool
    }

    /// How a run ended, with the exit code k8sup returned.
    package struct RunFinished: Codable, Sendable, Equatable {
        package init(runId: String, result: RunResult, exitCode: Int32) {
            self.runId = runId
            self.result = result
            self.exitCode = exitCode
        }

        var runId: String
        var result: RunResult
        var exitCode: Int32
    }

    /// The outcome of an `apply`.
    package enum RunResult: String, Codable, Sendable, Equatable, CaseIterable {
        case succeeded, failed, interrupted, blocked, refused
    }

    /// `--batch auto`: the workers of a batch as it begins, and those the plan had in it; they differ
    /// when the pods moved since the plan (the same nodes and steps, grouped anew).
    package struct BatchStarted: Codable, Sendable, Equatable {
        package var runId: String
        package var hop: Int
        package var batch: Int
        package var nodes: [String]
        package var planned: [String]
        /// Why the batch differs from the plan's, or that it does not.
        package var reason: String

        package init(runId: String, hop: Int, batch: Int, nodes: [String], planned: [String], reason: String) {
            self.runId = runId
            self.hop = hop
            self.batch = batch
            self.nodes = nodes
            self.planned = planned
            self.reason = reason
        }
    }
}
