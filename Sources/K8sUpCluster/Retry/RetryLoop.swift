import Foundation
import K8sUpSupport

/// Runs an operation again after transient failures, waiting `Backoff` between attempts, until it
/// succeeds, fails in a way a retry would not change, or its budget is spent. The one retry loop of
/// k8sup: kubectl calls and ssh connections (`RetryingRunner`) and the drain's re-runs all go through it.
///
/// The budget counts from the start of the first attempt. No attempt starts after it; the last wait is
/// cut short so that a last attempt starts right at its end.
package struct RetryLoop: Sendable {
    package init(
        budget: Duration, backoff: Backoff = Backoff(), clock: any WallClock = SystemWallClock(),
        random: any RandomSource = SystemRandomSource()
    ) {
        self.budget = budget
        self.backoff = backoff
        self.clock = clock
        self.random = random
    }

    /// How one attempt ended.
    package enum Attempt<Value> {
        /// Done: it succeeded, or failed in a way a retry would not change.
        case finished(Value)
        /// Failed in a way that may pass; `cause` says how, in the failing tool's own words.
        case transient(Value, cause: String)
    }

    /// A failed attempt that is about to be retried: what the waiting line says.
    package struct Notice: Sendable, Equatable {
        /// The attempt that failed, from 1.
        package var attempt: Int
        package var cause: String
        /// The wait before the next attempt.
        package var delay: Duration
        /// Since the first attempt started.
        var elapsed: Duration
        package var budget: Duration
    }

    /// How the loop ended.
    package struct Outcome<Value> {
        /// What the last attempt gave.
        package var value: Value
        package var attempts: Int
        /// From the start of the first attempt to the end of the last.
        package var elapsed: Duration
        /// The cause of the last attempt's transient failure when the budget ran out; nil when the last
        /// attempt finished.
        package var gaveUp: String?
    }

    package var budget: Duration
    package var backoff = Backoff()
    package var clock: any WallClock = SystemWallClock()
    package var random: any RandomSource = SystemRandomSource()

    /// Runs `attempt` (given its number, from 1, and the budget left) until it finishes or the budget is
    /// spent, calling `onRetry` before each wait.
    package func run<Value>(
        _ attempt: (_ number: Int, _ remaining: Duration) async throws -> Attempt<Value>,
        onRetry: (Notice) -> Void
    ) async throws -> Outcome<Value> {
        let start = clock.now()
        func elapsed() -> Duration { .milliseconds(Int64((clock.now().timeIntervalSince(start) * 1000).rounded())) }
        var number = 1
        while true {
            let outcome = try await attempt(number, max(.zero, budget - elapsed()))
            let spent = elapsed()
            switch outcome {
            case .finished(let value):
                return Outcome(value: value, attempts: number, elapsed: spent, gaveUp: nil)
            case .transient(let value, let cause):
                guard spent < budget else {
                    return Outcome(value: value, attempts: number, elapsed: spent, gaveUp: cause)
                }
                let delay = min(backoff.delay(beforeRetry: number, unit: random.unit()), budget - spent)
                onRetry(Notice(attempt: number, cause: cause, delay: delay, elapsed: spent, budget: budget))
                try await clock.sleep(for: delay)
                number += 1
            }
        }
    }
}
