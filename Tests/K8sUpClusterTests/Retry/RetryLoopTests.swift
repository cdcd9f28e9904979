import Foundation
import K8sUpTestSupport
import Synchronization
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The backoff and the budget, on a clock that never sleeps.
@Suite struct RetryLoopTests {
    @Test func theBackoffDoublesFromOneSecondToAFifteenSecondCap() {
        let backoff = Backoff()
        let waits = (1...7).map { backoff.delay(beforeRetry: $0, unit: 0.5) }
        #expect(
            waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(15), .seconds(15), .seconds(15)])
    }

    @Test func theJitterStaysWithinTwentyPercentEitherWay() {
        let backoff = Backoff()
        #expect(backoff.delay(beforeRetry: 3, unit: 0) == .milliseconds(3200))
        #expect(backoff.delay(beforeRetry: 3, unit: 0.75) == .milliseconds(4400))
        #expect(backoff.delay(beforeRetry: 9, unit: 0.999_999) == .milliseconds(18000))
        for unit in stride(from: 0.0, to: 1.0, by: 0.01) {
            let wait = backoff.delay(beforeRetry: 5, unit: unit)
            #expect(wait >= .seconds(12) && wait <= .seconds(18))
        }
    }

    /// Runs a loop whose attempts fail transiently `failures` times (each taking `takes` seconds), then succeed.
    private func loop(budget: Duration, failures: Int, takes: Double = 0, random: Double = 0.5) async throws
        -> (RetryLoop.Outcome<Int>, [RetryLoop.Notice], InstantClock)
    {
        let clock = InstantClock()
        let notices = Mutex<[RetryLoop.Notice]>([])
        let outcome = try await RetryLoop(budget: budget, clock: clock, random: FixedRandom(value: random)).run {
            number, _ in
            clock.pass(takes)
            return number <= failures ? .transient(number, cause: "refused \(number)") : .finished(number)
        } onRetry: { notice in
            notices.withLock { $0.append(notice) }
        }
        return (outcome, notices.withLock { $0 }, clock)
    }

    @Test func aTransientFailureIsRetriedUntilItPassesEachRetryReportedFirst() async throws {
        let (outcome, notices, clock) = try await loop(budget: .seconds(120), failures: 3)
        #expect(outcome.value == 4)
        #expect(outcome.attempts == 4)
        #expect(outcome.gaveUp == nil)
        #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(notices.map(\.attempt) == [1, 2, 3])
        #expect(notices.map(\.cause) == ["refused 1", "refused 2", "refused 3"])
        #expect(notices.map(\.delay) == clock.sleeps)
        #expect(notices.map(\.elapsed) == [.zero, .seconds(1), .seconds(3)])
        #expect(notices.allSatisfy { $0.budget == .seconds(120) })
    }

    @Test func theBudgetEndsTheRetriesWithTheLastCauseAndALastAttemptAtItsEnd() async throws {
        let (outcome, notices, clock) = try await loop(budget: .seconds(40), failures: 1000)
        // 1 + 2 + 4 + 8 + 15 = 30 s; the next 15 s wait is cut to the 10 s left.
        #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(15), .seconds(10)])
        #expect(outcome.attempts == 7)
        #expect(outcome.gaveUp == "refused 7")
        #expect(outcome.elapsed == .seconds(40))
        #expect(notices.count == 6)
    }

    @Test func theAttemptsOwnTimeCountsAgainstTheBudget() async throws {
        let (outcome, _, clock) = try await loop(budget: .seconds(20), failures: 1000, takes: 10)
        // 10 s attempt, 1 s wait, 10 s attempt: past the budget.
        #expect(clock.sleeps == [.seconds(1)])
        #expect(outcome.attempts == 2)
        #expect(outcome.elapsed == .seconds(21))
    }

    @Test func aZeroBudgetTriesOnce() async throws {
        let (outcome, notices, clock) = try await loop(budget: .zero, failures: 1000)
        #expect(outcome.attempts == 1)
        #expect(outcome.gaveUp == "refused 1")
        #expect(notices.isEmpty && clock.sleeps.isEmpty)
    }

    @Test func theAttemptIsToldHowMuchOfTheBudgetIsLeft() async throws {
        let clock = InstantClock()
        let seen = Mutex<[Duration]>([])
        _ = try await RetryLoop(budget: .seconds(10), clock: clock, random: FixedRandom()).run { number, remaining in
            seen.withLock { $0.append(remaining) }
            return number < 3 ? .transient(0, cause: "x") : .finished(0)
        } onRetry: { _ in
        }
        #expect(seen.withLock { $0 } == [.seconds(10), .seconds(9), .seconds(7)])
    }
}
