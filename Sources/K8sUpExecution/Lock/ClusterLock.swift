import Foundation
import K8sUpSupport

/// The cluster-side lock that keeps two `apply` runs, from any machines, off one cluster: the Lease
/// `kube-system/k8sup`, holding this run's identity and renewed while it runs.
///
/// Taking it is a `kubectl create` (fails if it exists); an expired Lease is taken over with a
/// `kubectl replace` carrying the resourceVersion k8sup read, so of two runs taking over at once only
/// one wins. Every renewal is such a conditional replace too: if anyone else wrote or deleted the
/// Lease, the renewal fails and the lock is *lost* — the executor checks `isLost` at each safe point
/// and stops. Call `release()` after stopping `keepRenewed`; it deletes the Lease only if it is ours.
package actor ClusterLock {
    /// How `release()` ended.
    package enum ReleaseOutcome: Sendable, Equatable {
        case released
        /// There was no Lease.
        case absent
        /// Someone else holds it now (it expired and was taken over): it was left alone.
        case heldByOther(String)
    }

    static let defaultDuration = Duration.seconds(300)
    /// Create/take-over rounds before giving up with `LockError.contended`.
    static let maximumAttempts = 3

    package nonisolated let identity: RunIdentity
    /// The version the run upgrades to, recorded in the `k8sup.io/target` annotation.
    package nonisolated let target: String
    nonisolated let durationSeconds: Int
    private let client: LeaseClient
    private let clock: any WallClock
    /// The Lease as last written by this run.
    private var held: LeaseRecord?
    private var lastRenewed: Date?
    private var lostReason: String?
    private var released = false

    package init(
        runner: any CommandRunning, kubectl: @escaping @Sendable ([String], Duration) -> Command,
        stateDirectory: String, identity: RunIdentity, target: String, leaseDuration: Duration = defaultDuration,
        clock: any WallClock = SystemWallClock()
    ) {
        client = LeaseClient(runner: runner, kubectl: kubectl, stateDirectory: stateDirectory)
        self.identity = identity
        self.target = target
        durationSeconds = max(1, Int(leaseDuration.components.seconds))
        self.clock = clock
    }

    /// The lock was taken over, deleted, or could not be renewed before it expired.
    var isLost: Bool { lostReason != nil }

    /// This run holds the lock and has not lost it.
    var isHeld: Bool { held != nil && !isLost && !released }

    /// Throws `LockError.lost` once the lock is lost: for the executor's safe points.
    package func checkHeld() throws(LockError) {
        if let lostReason { throw .lost(reason: lostReason) }
    }

    /// Takes the lock, or takes over an expired one.
    /// - Throws: `LockError.held` naming the holder when another run holds it; `.contended` when it
    ///   kept changing; `.kubectl` when kubectl fails otherwise.
    @discardableResult
    package func acquire() async throws -> LeaseRecord {
        for _ in 0..<Self.maximumAttempts {
            let now = clock.now()
            let fresh = LeaseRecord(
                holder: identity.holder, acquireTime: now, renewTime: now, durationSeconds: durationSeconds,
                transitions: 0, resourceVersion: nil, runId: identity.runId, target: target)
            switch try await client.create(fresh) {
            case .written(let stored): return try took(stored, at: now)
            case .alreadyExists: break
            case .conflict, .notFound: continue
            }
            // Deleted between the create and the get: try creating again.
            guard let existing = try await client.get() else { continue }
            let takeOver =
                existing.holder == identity.holder || existing.isFree(at: now)
                || identity.isGoneFromThisMachine(existing.holder)
            guard takeOver else {
                throw LockError.held(
                    holder: existing.holder, since: existing.acquireTime, renewed: existing.renewTime,
                    expires: existing.expires)
            }
            guard let version = existing.resourceVersion else {
                throw LockError.unreadable(reason: "the Lease has no metadata.resourceVersion")
            }
            var takeover = fresh
            takeover.resourceVersion = version
            takeover.transitions = existing.transitions + (existing.holder == identity.holder ? 0 : 1)
            switch try await client.replace(takeover) {
            case .written(let stored): return try took(stored, at: now)
            // Another run moved first; the next round reads who holds it now.
            case .conflict, .notFound, .alreadyExists: continue
            }
        }
        throw LockError.contended
    }

    /// Moves the renew time to now, only if nobody else touched the Lease since this run last wrote it.
    /// - Throws: `LockError.lost` (and the lock is lost from then on) when the Lease was changed or
    ///   deleted; other errors (kubectl, network) leave the lock held — it still counts until it expires.
    package func renew() async throws {
        try checkHeld()
        guard var lease = held, !released else { return }
        let now = clock.now()
        lease.renewTime = now
        let outcome = try await client.replace(lease)
        guard !released else { return }
        switch outcome {
        case .written(let stored):
            held = try Self.checked(stored)
            lastRenewed = now
        case .conflict, .alreadyExists:
            // A renewal retried after its answer was lost finds its own write: the Lease holds exactly
            // what this run sent.
            if let current = try? await client.get(), Self.isOwnWrite(current, of: lease) {
                held = try Self.checked(current)
                lastRenewed = now
                return
            }
            try lose("another client changed the Lease since this run last renewed it")
        case .notFound:
            try lose("the Lease was deleted (by 'k8sup unlock' or by hand)")
        }
    }

    /// Renews the lock every `interval` (a third of the lease duration by default) until the task is
    /// cancelled, the lock is released, or it is lost. Transient failures are retried until the Lease
    /// would expire before the next attempt; then the lock counts as lost.
    package func keepRenewed(every interval: Duration? = nil) async {
        let interval = interval ?? .seconds(durationSeconds) / 3
        while !released, !isLost {
            do {
                try await clock.sleep(for: interval)
                try await renew()
            } catch is CancellationError {
                return
            } catch LockError.lost {
                return
            } catch {
                let last = lastRenewed ?? clock.now()
                let expiry = last.addingTimeInterval(Double(durationSeconds))
                if clock.now().addingTimeInterval(interval.timeInterval) >= expiry {
                    lostReason =
                        "could not renew it since \(RFC3339.format(last, fractionDigits: 0)) and it expires "
                        + "before the next attempt (last error: \(ErrorText.firstLine(error)))"
                    return
                }
            }
        }
    }

    /// Gives the lock up: deletes the Lease if this run holds it. Never throws because it is gone. Its
    /// calls get the put-back retry budget: a lock left behind stops the next run until it expires.
    @discardableResult
    package func release() async throws -> ReleaseOutcome {
        released = true
        held = nil
        var client = self.client
        client.budget = .putBack
        guard let existing = try await client.get() else { return .absent }
        guard existing.holder == identity.holder else { return .heldByOther(existing.holder) }
        try await client.delete()
        return .released
    }

    /// `current` is the Lease as this run wrote it in `written`: same holder, run and renew time.
    static func isOwnWrite(_ current: LeaseRecord?, of written: LeaseRecord) -> Bool {
        guard let current, current.holder == written.holder, current.runId == written.runId else { return false }
        return current.renewTime.map(RFC3339.microTime) == written.renewTime.map(RFC3339.microTime)
    }

    private func took(_ stored: LeaseRecord, at time: Date) throws -> LeaseRecord {
        let lease = try Self.checked(stored)
        held = lease
        lastRenewed = time
        lostReason = nil
        released = false
        return lease
    }

    private func lose(_ reason: String) throws -> Never {
        lostReason = reason
        throw LockError.lost(reason: reason)
    }

    /// A Lease k8sup can renew: without a resourceVersion a replace would not be conditional.
    private static func checked(_ lease: LeaseRecord) throws(LockError) -> LeaseRecord {
        guard lease.resourceVersion != nil else {
            throw .unreadable(reason: "kubectl printed the Lease without metadata.resourceVersion")
        }
        return lease
    }
}
