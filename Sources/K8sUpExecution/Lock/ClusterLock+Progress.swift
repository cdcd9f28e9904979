extension ClusterLock {
    /// The column of the lock's progress lines.
    static let progressStep = "lock"

    /// `acquire()`, reporting while kubectl takes its time (an apiserver that answers slowly, a
    /// take-over round after another).
    @discardableResult
    package nonisolated func acquire(reporting heartbeat: Heartbeat) async throws -> LeaseRecord {
        try await heartbeat.waiting(
            ExecutionEvent(.waiting, step: Self.progressStep),
            for: "taking the cluster lock (\(LockError.leaseName)): kubectl has not answered yet"
        ) { _ in try await acquire() }
    }

    /// `release()`, reporting while kubectl takes its time.
    @discardableResult
    package nonisolated func release(reporting heartbeat: Heartbeat) async throws -> ReleaseOutcome {
        try await heartbeat.waiting(
            ExecutionEvent(.waiting, step: Self.progressStep),
            for: "releasing the cluster lock (\(LockError.leaseName)): kubectl has not answered yet"
        ) { _ in try await release() }
    }
}
