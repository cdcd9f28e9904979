import Foundation

/// Runs an operation again after transient failures, waiting `Backoff` between attempts, until it
/// succeeds, fails in a way a retry would not change, or its budget is spent. The one retry loop of
/// k8sup: kubectl calls and ssh connections (`RetryingRunner`) and the drain's re-runs all go through it.
///
/// The budget counts from the start of the first attempt. No attempt starts after it; the last wait is
/// cut short so that a last attempt starts right at its end.
struct RetryLoop: Sendable {
    /// How one attempt ended.
    enum Attempt<Value> {
        /// Done: it succeeded, or failed in a way a retry would not change.
        case finished(Value)
        /// Failed in a way that may pass; `cause` says how, in the failing tool's own words.
        case transient(Value, cause: String)
    }

    /// A failed attempt that is about to be retried: what the waiting line says.
    struct Notice: Sendable, Equatable {
        /// The attempt that failed, from 1.
        var attempt: Int
        var cause: String
        /// The wait before the next attempt.
        var delay: Duration
        /// Since the first attempt started.
        var elapsed: Duration
        var budget: Duration
    }

    /// How the loop ended.
    struct Outcome<Value> {
        /// What the last attempt gave.
        var value: Value
        var attempts: Int
        /// From the start of the first attempt to the end of the last.
        var elapsed: Duration
        /// The cause of the last attempt's transient failure when the budget ran out; nil when the last
        /// attempt finished.
        var gaveUp: String?
    }

    var budget: Duration
    var backoff = Backoff()
    var clock: any WallClock = SystemWallClock()
    var random: any RandomSource = SystemRandomSource()

    /// Runs `attempt` (given its number, from 1, and the budget left) until it finishes or the budget is
    /// spent, calling `onRetry` before each wait.
    func run<Value>(
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
