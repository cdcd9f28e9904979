/// Whether and how a command that failed may be run again, as its call site declares it (each kubectl
/// call's class is documented where it is built). Only a retrying runner acts on it; nil never retries.
package enum CommandRetry: Sendable, Hashable {
    /// An idempotent kubectl call: a transient failure of the cluster API (connection refused or reset,
    /// timeouts, HTTP 429 outside the Eviction API, 5xx, an etcd leader change) is retried.
    case kubectl(RetryBudget)
    /// A command run over ssh: a connection that failed before the remote command ran is retried; one
    /// that dropped while the command ran is run again only when the command is `rerunnable`.
    case ssh(RetryBudget, rerunnable: Bool)

    package var budget: RetryBudget {
        switch self {
        case .kubectl(let budget), .ssh(let budget, _): budget
        }
    }

    /// The same rule with the longer of its budget and `budget` (a put-back makes every retry patient).
    package func atLeast(_ budget: RetryBudget) -> CommandRetry {
        guard budget == .putBack else { return self }
        switch self {
        case .kubectl: return .kubectl(.putBack)
        case .ssh(_, let rerunnable): return .ssh(.putBack, rerunnable: rerunnable)
        }
    }
}

/// Which budget a retried call gets.
package enum RetryBudget: Sendable, Hashable {
    /// The normal one (`--api-retry-budget`, 2m by default).
    case operation
    /// The longer one of the actions that put a node back (uncordon, the rollback and its readiness
    /// looks, the cordon restore) and of the Lease release: giving up there means paging a person.
    case putBack
    /// A short one for pre-flight's look at whether a host answers ssh at all: one refused connection
    /// must not block a plan, but a host that is down should be reported within seconds, not minutes.
    case probe
}

/// How a retried command's last failure was classified, kept on its result so that the failure message
/// can say what failed (the cluster API, the host) and for how long it was retried.
package struct RetryRecord: Sendable, Hashable {
    package init(
        failure: RetryRecord.Failure, cause: String, attempts: Int, elapsed: Duration, notRetried: Bool = false
    ) {
        self.failure = failure
        self.cause = cause
        self.attempts = attempts
        self.elapsed = elapsed
        self.notRetried = notRetried
    }

    package enum Failure: Sendable, Hashable {
        /// kubectl: the cluster API failed transiently.
        case clusterAPI
        /// ssh could not connect: the remote command never ran.
        case unreachable
        /// The ssh connection dropped while the remote command ran.
        case connectionDropped
    }

    package var failure: Failure
    /// The line that says why, in the failing tool's words.
    package var cause: String
    package var attempts: Int
    /// From the first attempt's start to the last one's end.
    package var elapsed: Duration
    /// The command was not run again although the failure may pass: a dropped connection of a command
    /// the playbook marks `rerun: false`.
    package var notRetried = false

    /// `retried for 2m, 9 attempts`; `not retried` when the budget allowed no retry.
    package var summary: String {
        guard attempts > 1 else { return "not retried" }
        // Whole seconds once it is long enough for tenths not to matter.
        let shown = elapsed >= .seconds(10) ? .seconds(Int64(elapsed.timeInterval.rounded())) : elapsed
        return "retried for \(shown.compactDescription), \(attempts) attempts"
    }

    /// What failed and why, in one line that leads a failure message: `the cluster API kept failing:
    /// Error from server (ServiceUnavailable): … (retried for 2m0s, 9 attempts)`, `unreachable: ssh:
    /// connect to host 10.0.0.12 port 22: Connection refused (retried for 2m0s, 9 attempts)`.
    package var headline: String {
        switch failure {
        case .clusterAPI:
            return "the cluster API kept failing: \(cause) (\(summary))"
        case .unreachable:
            return "unreachable: \(cause) (\(summary))"
        case .connectionDropped where notRetried:
            return "the ssh connection dropped while the command ran (\(cause)); the playbook marks this command "
                + "rerun: false, so k8sup did not run it again: check the node, then run apply again"
        case .connectionDropped:
            return "the ssh connection kept dropping while the command ran: \(cause) (\(summary))"
        }
    }
}
