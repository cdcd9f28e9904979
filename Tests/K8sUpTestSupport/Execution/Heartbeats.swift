import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity
import Testing

/// What the heartbeat tests look at: the "still waiting" events of a wait, stepped out of a
/// `VirtualClock` 30 s at a time, and their growing elapsed times.
package enum Heartbeats {
    /// The heartbeats recorded so far (waiting events whose message says "still waiting").
    package static func beats(_ events: EventList, step: String? = nil) -> [ExecutionEvent] {
        events.all.filter {
            $0.kind == .waiting && ($0.message ?? "").hasPrefix("still waiting after")
                && (step == nil || $0.step == step)
        }
    }

    /// Steps the clock 30 s at a time, `count` times, waiting after each step for the beat it causes.
    /// - Parameter sleepers: How many tasks sleep on the clock while the wait runs (its heartbeat, and
    ///   whatever the waited-for work sleeps on).
    package static func beat(
        _ clock: VirtualClock, _ events: EventList, step: String, count: Int = 3, sleepers: Int = 2
    ) async throws {
        let before = beats(events, step: step).count
        for index in 1...count {
            try await eventually("\(sleepers) sleepers on the clock") { clock.sleepers == sleepers }
            clock.advance(30)
            try await eventually("beat \(index) of \(step)") { beats(events, step: step).count == before + index }
        }
    }

    /// The beats' elapsed times grow by the interval and each message says how long and what for.
    package static func expectGrowing(
        _ beats: [ExecutionEvent], saying status: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(beats.map(\.elapsed) == [30, 60, 90], sourceLocation: sourceLocation)
        #expect(
            beats.map(\.message) == ["30s", "1m00s", "1m30s"].map { "still waiting after \($0) — " + status },
            sourceLocation: sourceLocation)
    }
}
