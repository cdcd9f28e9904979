import Foundation
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
import Synchronization
import Testing

/// A clock only the test moves: `sleep` waits until `advance` takes the time past its deadline (or the
/// task is cancelled). Tests of waits that report every 30 s step it 30 s at a time and look at what
/// was reported after each step — no real waiting, no timing to hope for.
package final class VirtualClock: WallClock {
    private struct Sleeper {
        let id: Int
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    private let state: Mutex<State>

    package init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex(State(now: start))
    }

    package func now() -> Date { state.withLock { $0.now } }

    /// How many tasks sleep on this clock now.
    package var sleepers: Int { state.withLock { $0.sleepers.count } }

    package func sleep(for duration: Duration) async throws {
        try await sleep(until: now().addingTimeInterval(duration.timeInterval))
    }

    package func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the time on by `seconds` and wakes every sleeper whose deadline has come.
    package func advance(_ seconds: Double) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.addingTimeInterval(seconds)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}

/// Waits for `work` to end, moving `clock` on `step` seconds each time `sleepers` tasks sleep on it (a
/// wait's heartbeat and the wait's own loop between two looks): virtual time passes only while the work
/// is idle, so a loop that sleeps on the clock goes on, look after look, without real waiting.
package func finish<Value: Sendable>(
    _ work: Task<Value, any Error>, on clock: VirtualClock, step: Double = 1, whenSleeping sleepers: Int = 2
) async throws -> Value {
    let ticker = Task {
        while !Task.isCancelled {
            if clock.sleepers >= sleepers { clock.advance(step) }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
    defer { ticker.cancel() }
    return try await work.value
}

/// A runner whose chosen commands take a while on a `VirtualClock` (a package download, a drain, a
/// slow apiserver); everything else is answered by the `FakeRunner` at once.
package struct SlowRunner: CommandRunning {
    package init(fake: FakeRunner, clock: VirtualClock, slow: [(matches: @Sendable (Command) -> Bool, takes: Duration)])
    {
        self.fake = fake
        self.clock = clock
        self.slow = slow
    }

    package let fake: FakeRunner
    package let clock: VirtualClock
    /// How long a command takes, by the predicate that picks it.
    package let slow: [(matches: @Sendable (Command) -> Bool, takes: Duration)]

    package func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        if let rule = slow.first(where: { $0.matches(command) }) {
            try await clock.sleep(for: rule.takes)
        }
        return try await fake.run(command, output: output)
    }
}

/// Waits until `condition` holds, polling; records an issue (and throws) when it never does. The
/// limit only keeps a broken test from hanging: the conditions waited for hold within moments.
package func eventually(
    _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ condition: @Sendable () -> Bool
) async throws {
    for _ in 0..<60_000 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(1))
    }
    Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
    throw CancellationError()
}
