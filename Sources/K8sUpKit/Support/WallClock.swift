import Foundation

/// The time of day and waiting, behind a protocol so lock expiry and renewal can be tested without
/// waiting for real minutes.
protocol WallClock: Sendable {
    func now() -> Date
    /// Waits `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The machine's clock.
struct SystemWallClock: WallClock {
    func now() -> Date { Date() }

    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
