import K8sUpCluster
import K8sUpSupport

/// Where a run's progress goes besides the journal: the progress lines on standard error, the
/// `--events` file, and the per-node logs. Made before the cluster lock is taken, so that waiting for
/// the lock (and releasing it) shows as well.
package struct RunOutput {
    /// The progress printer, then the events file when there is one.
    package let observers: [any ExecutionObserving]
    package let log: CommandLogFiles
    package let progressInterval: Duration

    /// - Parameters:
    ///   - eventsPath: `--events FILE`, or nil.
    ///   - writeProgress: Writes a progress line (to standard error).
    package init(
        stateDirectory: String, eventsPath: String?, redactor: SecretRedactor, progressInterval: Duration,
        writeProgress: @escaping @Sendable (String) -> Void
    ) throws {
        var observers: [any ExecutionObserving] = [ProgressPrinter(redactor: redactor, write: writeProgress)]
        if let eventsPath { observers.append(try EventsFile(path: eventsPath, redactor: redactor)) }
        self.observers = observers
        log = try CommandLogFiles(directory: stateDirectory + "/logs", redactor: redactor)
        self.progressInterval = progressInterval
    }

    /// Reports a retry that happened outside any wait (a Lease renewal) as a waiting line of the run:
    /// on the terminal, in the events file and in the run's log.
    package func reportOutsideWaits(_ message: String, retry: RetryLoop.Notice) {
        var event = ExecutionEvent(.waiting, message: message)
        event.attempt = retry.attempt
        event.retryDelay = retry.delay.timeInterval
        ObserverGroup(observers: observers).record(event)
        log.write("~ " + message, node: nil)
    }

    /// Reports the waits outside the executor (the cluster lock) to the terminal, the events file and
    /// the run's log.
    package var heartbeat: Heartbeat {
        Heartbeat(
            interval: progressInterval, clock: SystemWallClock(), observer: ObserverGroup(observers: observers),
            log: log)
    }
}
