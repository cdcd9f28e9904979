import K8sUpSupport

/// A `CommandRunning` that runs a command again after a transient failure, as the command's `retry`
/// rule allows (commands without one run once): kubectl calls after a transient failure of the cluster
/// API (`KubectlFailure`), ssh commands after a connection that failed before the command ran, and
/// after one that dropped while it ran when the playbook marks the command re-runnable (`SSHFailure`).
/// The attempts go through `RetryLoop` within the rule's budget.
///
/// Each retry is reported as a line with the error: to the wait the command runs in (the heartbeat of
/// `apply` binds `RetryReporting.wait`), else to `fallback`. A result that still fails after the budget
/// (or that was not run again) carries a `RetryRecord` saying what failed and how often it was tried.
package struct RetryingRunner: CommandRunning {
    package let base: any CommandRunning
    /// `--api-retry-budget`.
    var operationBudget: Duration
    /// The put-back actions' and the Lease release's budget.
    var putBackBudget: Duration
    package var backoff = Backoff()
    package var clock: any WallClock = SystemWallClock()
    package var random: any RandomSource = SystemRandomSource()
    /// Reports a retry that happens outside any wait: the failed attempt and the waiting line.
    package var fallback: @Sendable (RetryLoop.Notice, String) -> Void = { _, _ in }

    /// The default of `--api-retry-budget`.
    package static let defaultBudget = Duration.seconds(120)
    /// The put-back budget is the longer of this and the operation budget.
    static let minimumPutBackBudget = Duration.seconds(300)
    /// Pre-flight's reachability probe: the shorter of this and the operation budget (with the backoff,
    /// four attempts over about 15 s).
    static let probeBudget = Duration.seconds(15)

    package init(base: any CommandRunning, budget: Duration = defaultBudget, putBackBudget: Duration? = nil) {
        self.base = base
        operationBudget = budget
        self.putBackBudget = putBackBudget ?? max(budget, Self.minimumPutBackBudget)
    }

    /// How long a rule of `kind` may go on retrying.
    package func budget(_ kind: RetryBudget) -> Duration {
        switch kind {
        case .operation: operationBudget
        case .putBack: putBackBudget
        case .probe: min(operationBudget, Self.probeBudget)
        }
    }

    package func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        guard let rule = command.retry else { return try await base.run(command, output: output) }
        let loop = RetryLoop(budget: budget(rule.budget), backoff: backoff, clock: clock, random: random)
        var last: Classified?
        let outcome = try await loop.run { _, _ in
            var result = try await base.run(command, output: output)
            // kubectl exits 0 after a cordon or uncordon it could not apply; k8sup counts it as exit 1.
            if case .kubectl = rule, KubectlFailure.unreportedFailure(result) != nil {
                result.termination = .exited(1)
            }
            last = Self.classify(result, rule: rule, timeout: command.timeout)
            guard let last, last.retry else { return .finished(result) }
            return .transient(result, cause: last.cause)
        } onRetry: { notice in
            guard let last else { return }
            report(notice, message: Self.message(notice, failure: last.failure, command: command))
        }
        var result = outcome.value
        if let last, !result.succeeded {
            result.retryRecord = RetryRecord(
                failure: last.failure, cause: last.cause, attempts: outcome.attempts, elapsed: outcome.elapsed,
                notRetried: !last.retry)
        }
        return result
    }

    /// A failure the rule knows about: what failed, its cause, and whether the rule allows a retry.
    struct Classified: Equatable {
        var failure: RetryRecord.Failure
        var cause: String
        var retry: Bool
    }

    static func classify(_ result: CommandResult, rule: CommandRetry, timeout: Duration) -> Classified? {
        switch rule {
        case .kubectl:
            return KubectlFailure.transientCause(result, timeout: timeout).map {
                Classified(failure: .clusterAPI, cause: $0, retry: true)
            }
        case .ssh(_, let rerunnable):
            switch SSHFailure.classify(result) {
            case .notConnected(let cause)?: return Classified(failure: .unreachable, cause: cause, retry: true)
            case .dropped(let cause)?: return Classified(failure: .connectionDropped, cause: cause, retry: rerunnable)
            case nil: return nil
            }
        }
    }

    private func report(_ notice: RetryLoop.Notice, message: String) {
        (RetryReporting.wait?.report ?? fallback)(notice, message)
    }

    /// The waiting line of a retry: what failed with its error first, then when the next attempt comes.
    package static func message(_ notice: RetryLoop.Notice, failure: RetryRecord.Failure, command: Command) -> String {
        let when =
            "in \(notice.delay.compactDescription) (attempt \(notice.attempt) failed, "
            + "\(notice.elapsed.compactDescription) of the \(notice.budget.compactDescription) retry budget spent)"
        switch failure {
        case .clusterAPI:
            return "the cluster API failed: \(notice.cause); trying `\(shortLine(command))` again " + when
        case .unreachable:
            return "unreachable: \(notice.cause); connecting again " + when
        case .connectionDropped:
            return "the ssh connection dropped while the command ran (\(notice.cause)); running it again, "
                + "as the playbook allows, " + when
        }
    }

    /// The command line without `--kubeconfig`/`--context` and their values: `kubectl cordon cp-1`.
    static func shortLine(_ command: Command) -> String {
        var words: [String] = []
        var skip = false
        for argument in command.arguments {
            if skip {
                skip = false
                continue
            }
            if argument == "--kubeconfig" || argument == "--context" {
                skip = true
                continue
            }
            words.append(argument)
        }
        return Command(command.executable, words, timeout: command.timeout).displayLine
    }
}

/// Where `RetryingRunner` reports a retry while a wait runs: the heartbeat binds the running wait here,
/// so a retried command deep inside a wait (a Lease call, a readiness look) reports on that wait's
/// node and step.
package enum RetryReporting {
    @TaskLocal package static var wait: Reporter?

    /// The closure in a class: a task-local of a bare (optional) function type crashed release builds
    /// in `swift_task_localValuePush`.
    package final class Reporter: Sendable {
        let report: @Sendable (RetryLoop.Notice, String) -> Void

        package init(_ report: @escaping @Sendable (RetryLoop.Notice, String) -> Void) {
            self.report = report
        }
    }
}
