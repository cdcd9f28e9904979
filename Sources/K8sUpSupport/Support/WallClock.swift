import Foundation

/// The time of day and waiting, behind a protocol so lock expiry and renewal, and the progress a long
/// wait reports, can be tested without waiting for real minutes.
package protocol WallClock: Sendable {
    func now() -> Date
    /// Waits `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
    /// Waits until `deadline` (returns at once when it has passed); throws `CancellationError` when the
    /// task is cancelled.
    func sleep(until deadline: Date) async throws
}

extension WallClock {
    package func sleep(until deadline: Date) async throws {
        let remaining = deadline.timeIntervalSince(now())
        guard remaining > 0 else { return try Task.checkCancellation() }
        try await sleep(for: .milliseconds(Int64((remaining * 1000).rounded(.up))))
    }
}

/// The machine's clock.
package struct SystemWallClock: WallClock {
    package init() {}

    package func now() -> Date { Date() }

    package func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
