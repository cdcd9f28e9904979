import Foundation
import K8sUpCluster
import K8sUpSupport
import Synchronization

/// Keeps a long wait from going silent. Any wait — a drain, a node coming up, the cluster lock,
/// `--pause`, a command on a node, a retry loop — runs its work inside `waiting(_:for:_:)`; while the
/// work runs, every `interval` (30 s by default) a `waiting` event says for how long it has waited
/// and for what:
///
/// ```
/// [3/8] v1.29.15 worker-2 wait-ready: still waiting after 1m30s — worker-2: NotReady, kubelet v1.28.15 (timeout 10m)
/// ```
///
/// The event goes to the observers (progress lines, `--events`) and the line to the node's log (the
/// run's log for waits that belong to no node). The work gets the running `Wait`: it updates what the
/// next beat says (`update`) and reports a change at once (`report`).
///
/// A command the `RetryingRunner` retries inside the wait reports each failed attempt on it, with its
/// error, so the operator sees why it still waits (the wait is bound to `RetryReporting.wait` while the
/// work runs):
///
/// ```
/// [1/8] v1.29.15 cp-1 cordon-drain: the cluster API failed: Error from server (ServiceUnavailable): the server is currently unable to handle the request; trying `kubectl cordon cp-1` again in 2.1s (attempt 2 failed, 1.1s of the 2m retry budget spent)
/// ```
package struct Heartbeat: Sendable {
    /// How often a running wait reports.
    var interval: Duration
    var clock: any WallClock
    let observer: any ExecutionObserving
    let log: any CommandLogging

    /// Runs `body`, reporting every `interval` while it runs.
    /// - Parameters:
    ///   - template: The event the reports are made from (hop, node, step …); its kind becomes `waiting`.
    ///   - status: What is waited for, in words: `worker-2: NotReady, kubelet v1.28.15 (timeout 10m)`.
    func waiting<Result>(
        _ template: ExecutionEvent, for status: String, _ body: (Wait) async throws -> Result
    ) async throws -> Result {
        let wait = Wait(template: template, status: status, started: clock.now(), heartbeat: self)
        let retried = RetryReporting.Reporter { notice, message in
            wait.report(message, retry: notice)
            wait.update(
                "retrying after \(notice.attempt) failed attempt(s), within a \(notice.budget.compactDescription) "
                    + "retry budget; the last: \(notice.cause)")
        }
        // Bound around the group rather than inside its body, where binding a task-local is not allowed.
        return try await RetryReporting.$wait.withValue(retried) {
            try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { beats in
                beats.addTask { await beat(wait) }
                defer {
                    wait.finish()
                    beats.cancelAll()
                }
                return try await body(wait)
            }
        }
    }

    /// Reports at `started + interval`, `+ 2 × interval` … until cancelled. Beats missed while the
    /// machine was too busy are not made up for: the next one says how long it has really been.
    private func beat(_ wait: Wait) async {
        let step = max(0.001, interval.timeInterval)
        var next = wait.started.addingTimeInterval(step)
        while true {
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
            let now = clock.now()
            wait.beat(at: now)
            repeat { next = next.addingTimeInterval(step) } while next <= now
        }
    }

    /// Records `event` and writes its message to the log of its node (or the run's).
    fileprivate func record(_ event: ExecutionEvent) {
        observer.record(event)
        if let message = event.message {
            log.write("~ " + (event.step.map { $0 + ": " } ?? "") + message, node: event.node)
        }
    }
}

/// One wait while it runs, for the code that waits: what the heartbeat says it waits for, and a way to
/// report a change at once.
package final class Wait: Sendable {
    package let started: Date
    private let template: ExecutionEvent
    private let heartbeat: Heartbeat
    private let state: Mutex<(status: String, finished: Bool)>

    fileprivate init(template: ExecutionEvent, status: String, started: Date, heartbeat: Heartbeat) {
        var template = template
        template.kind = .waiting
        self.template = template
        self.started = started
        self.heartbeat = heartbeat
        state = Mutex((status, false))
    }

    /// What the next beat says is waited for.
    package var status: String { state.withLock { $0.status } }

    /// Changes what the next beats say is waited for.
    package func update(_ status: String) {
        state.withLock { $0.status = status }
    }

    /// Reports `message` now (something changed: a pod refused eviction, an attempt failed); `retry`
    /// adds the failed attempt's number and the wait before the next to the event.
    package func report(_ message: String, retry: RetryLoop.Notice? = nil) {
        let now = heartbeat.clock.now()
        state.withLock { state in
            guard !state.finished else { return }
            var reported = event(at: now, message: message)
            reported.attempt = retry?.attempt
            reported.retryDelay = retry?.delay.timeInterval
            heartbeat.record(reported)
        }
    }

    /// `still waiting after 1m30s — <status>`.
    fileprivate func beat(at now: Date) {
        state.withLock { state in
            // Under the lock: no beat may follow the line that says how the wait ended.
            guard !state.finished else { return }
            let elapsed = ProgressPrinter.seconds(now.timeIntervalSince(started))
            heartbeat.record(event(at: now, message: "still waiting after \(elapsed) — " + state.status))
        }
    }

    fileprivate func finish() {
        state.withLock { $0.finished = true }
    }

    private func event(at now: Date, message: String) -> ExecutionEvent {
        var event = template
        event.time = now
        event.elapsed = now.timeIntervalSince(started)
        event.message = message
        return event
    }
}
