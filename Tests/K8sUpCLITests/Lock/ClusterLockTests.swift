import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// The cluster lock over a scripted kubectl: taking, refusing, taking over, renewing, losing, releasing.
@Suite struct ClusterLockTests {
    typealias H = LockHarness
    static let other = "dev@ci-7 pid 99 run run-0"
    static let alreadyExists =
        #"Error from server (AlreadyExists): error when creating "FILE": leases.coordination.k8s.io "k8sup" already exists"#
    static let conflict =
        #"Error from server (Conflict): error when replacing "FILE": Operation cannot be fulfilled on "#
        + #"leases.coordination.k8s.io "k8sup": the object has been modified; please apply your changes to the "#
        + "latest version and try again"
    static let notFound =
        #"Error from server (NotFound): error when replacing "FILE": leases.coordination.k8s.io "k8sup" not found"#

    @Test func acquiresAFreshLockWithOneCreate() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: H.verb("create"), .success(stdout: leaseJSON(holder: H.holder, renewed: H.start)))
        let lock = h.lock()
        let lease = try await lock.acquire()
        #expect(h.lines == [H.create])
        #expect(lease.resourceVersion == "100")
        #expect(await lock.isHeld)
        let written = try #require(h.parsedManifests.first)
        #expect(
            written
                == LeaseRecord(
                    holder: H.holder, acquireTime: H.start, renewTime: H.start, durationSeconds: 300, transitions: 0,
                    resourceVersion: nil, runId: "run-1", target: "v1.30.4"))
        // The manifest file is removed once kubectl has read it (the state directory's .gitignore stays).
        let left = try FileManager.default.contentsOfDirectory(atPath: h.directory)
        #expect(left.filter { $0 != StateDirectory.gitignoreName }.isEmpty)
    }

    @Test func theManifestIsALeaseWithMicroTimes() throws {
        let lease = LeaseRecord(
            holder: H.holder, acquireTime: H.start, renewTime: H.start.addingTimeInterval(0.25), durationSeconds: 300,
            transitions: 2, resourceVersion: "7", runId: "run-1", target: "v1.30.4")
        let manifest = lease.manifest()
        #expect(manifest.contains(#""apiVersion" : "coordination.k8s.io/v1""#))
        #expect(manifest.contains(#""renewTime" : "2025-01-02T03:04:05.250000Z""#))
        #expect(manifest.contains(#""k8sup.io/run-id" : "run-1""#))
        #expect(try LeaseRecord.parse(manifest) == lease)
    }

    @Test func refusesALockHeldByAnotherLiveRunAndNamesIt() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on("create", where: H.verb("create"), .failure(stderr: Self.alreadyExists))
        h.runner.on(H.get, .success(stdout: leaseJSON(holder: Self.other, renewed: H.start.addingTimeInterval(-60))))
        await #expect {
            try await h.lock().acquire()
        } throws: { error in
            guard case .held(let holder, _, _, let expires) = error as? LockError else { return false }
            return holder == Self.other && expires == H.start.addingTimeInterval(240)
        }
        #expect(h.lines == [H.create, H.get])
        let message = LockError.held(
            holder: Self.other, since: H.start.addingTimeInterval(-3600), renewed: H.start.addingTimeInterval(-60),
            expires: H.start.addingTimeInterval(240)
        ).description
        #expect(message.contains("locked by another k8sup run: \(Self.other) holds Lease kube-system/k8sup"))
        #expect(message.contains("since 2025-01-02T02:04:05Z, renewed 2025-01-02T03:03:05Z"))
        #expect(message.contains("if it is dead") && message.contains("'k8sup unlock'"))
        #expect(CLI.exitCode(for: LockError.contended) == .failure)
    }

    @Test func takesOverAnExpiredLockWithItsResourceVersion() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on("create", where: H.verb("create"), .failure(stderr: Self.alreadyExists))
        let stale = leaseJSON(
            holder: Self.other, renewed: H.start.addingTimeInterval(-301), resourceVersion: "41", transitions: 3)
        h.runner.on(H.get, .success(stdout: stale))
        h.runner.on(
            "replace", where: H.verb("replace"),
            .success(stdout: leaseJSON(holder: H.holder, renewed: H.start, resourceVersion: "42")))
        let lease = try await h.lock().acquire()
        #expect(h.lines == [H.create, H.get, H.replace])
        #expect(lease.resourceVersion == "42")
        let takeover = try #require(h.parsedManifests.last)
        #expect(takeover.resourceVersion == "41" && takeover.holder == H.holder && takeover.transitions == 4)
        #expect(takeover.acquireTime == H.start && takeover.renewTime == H.start)
    }

    @Test func losingTheTakeOverRaceIsARefusalNamingTheWinner() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on("create", where: H.verb("create"), .failure(stderr: Self.alreadyExists))
        let winner = "eve@desk pid 7 run run-9"
        h.runner.on(
            H.get, .success(stdout: leaseJSON(holder: Self.other, renewed: H.start.addingTimeInterval(-900))),
            .success(stdout: leaseJSON(holder: winner, renewed: H.start, resourceVersion: "43")))
        h.runner.on("replace", where: H.verb("replace"), .failure(stderr: Self.conflict))
        await #expect {
            try await h.lock().acquire()
        } throws: { error in
            guard case .held(let holder, _, _, _) = error as? LockError else { return false }
            return holder == winner
        }
        #expect(h.lines == [H.create, H.get, H.replace, H.create, H.get])
    }

    @Test func otherKubectlFailuresAreReportedAsSuch() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: H.verb("create"),
            .failure(stderr: "error: stat /home/ops/.kube/prod: no such file or directory, not found"))
        await #expect {
            try await h.lock().acquire()
        } throws: { error in
            guard case .kubectl = error as? LockError else { return false }
            return "\(error)".contains("cannot use the cluster lock")
        }
    }

    @Test func renewsWithTheLastResourceVersionAndANewRenewTime() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: H.verb("create"),
            .success(stdout: leaseJSON(holder: H.holder, acquired: H.start, renewed: H.start)))
        h.runner.on(
            "replace", where: H.verb("replace"),
            .success(stdout: leaseJSON(holder: H.holder, acquired: H.start, renewed: H.start, resourceVersion: "101")),
            .success(stdout: leaseJSON(holder: H.holder, acquired: H.start, renewed: H.start, resourceVersion: "102")))
        let lock = h.lock()
        try await lock.acquire()
        h.clock.advance(100)
        try await lock.renew()
        h.clock.advance(100)
        try await lock.renew()
        #expect(h.lines == [H.create, H.replace, H.replace])
        let renewals = h.parsedManifests.dropFirst()
        #expect(renewals.map(\.resourceVersion) == ["100", "101"])
        #expect(renewals.map(\.renewTime) == [H.start.addingTimeInterval(100), H.start.addingTimeInterval(200)])
        #expect(renewals.allSatisfy { $0.acquireTime == H.start && $0.holder == H.holder })
    }

    @Test func aConflictOrADeletedLeaseMeansTheLockIsLost() async throws {
        for (stderr, reason) in [(Self.conflict, "another client changed"), (Self.notFound, "was deleted")] {
            let h = try H()
            defer { h.cleanUp() }
            h.runner.on(
                "create", where: H.verb("create"), .success(stdout: leaseJSON(holder: H.holder, renewed: H.start)))
            h.runner.on("replace", where: H.verb("replace"), .failure(stderr: stderr))
            let lock = h.lock()
            try await lock.acquire()
            await #expect {
                try await lock.renew()
            } throws: { error in
                guard case .lost(let message) = error as? LockError else { return false }
                return message.contains(reason)
            }
            let (lost, held) = (await lock.isLost, await lock.isHeld)
            #expect(lost && !held)
            await #expect(throws: LockError.self) { try await lock.checkHeld() }
        }
    }

    @Test func keepRenewedRenewsEveryThirdOfTheDurationUntilTheLockIsLost() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: H.verb("create"), .success(stdout: leaseJSON(holder: H.holder, renewed: H.start)))
        h.runner.on(
            "replace", where: H.verb("replace"),
            .success(stdout: leaseJSON(holder: H.holder, renewed: H.start, resourceVersion: "101")),
            .success(stdout: leaseJSON(holder: H.holder, renewed: H.start, resourceVersion: "102")),
            .failure(stderr: Self.conflict))
        let lock = h.lock(duration: .seconds(30))
        try await lock.acquire()
        await lock.keepRenewed()
        #expect(await lock.isLost)
        #expect(h.parsedManifests.dropFirst().map(\.renewTime) == [10, 20, 30].map { H.start.addingTimeInterval($0) })
    }

    @Test func keepRenewedToleratesABriefOutageButNotOnePastTheExpiry() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: H.verb("create"), .success(stdout: leaseJSON(holder: H.holder, renewed: H.start)))
        h.runner.on(
            "replace", where: H.verb("replace"),
            .failure(stderr: "Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout"))
        let lock = h.lock(duration: .seconds(30))
        try await lock.acquire()
        await lock.keepRenewed()
        // Tried at 10 s and 20 s; by 30 s the Lease would have expired, so the lock counts as lost.
        #expect(h.lines == [H.create, H.replace, H.replace])
        await #expect {
            try await lock.checkHeld()
        } throws: { error in
            "\(error)".contains("could not renew it since 2025-01-02T03:04:05Z")
        }
    }

    @Test func keepRenewedStopsWhenCancelled() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: H.verb("create"), .success(stdout: leaseJSON(holder: H.holder, renewed: H.start)))
        let lock = h.lock()
        try await lock.acquire()
        let task = Task { await lock.keepRenewed() }
        task.cancel()
        await task.value
        let lost = await lock.isLost
        #expect(!lost)
    }

    @Test func releaseDeletesOnlyOurOwnLease() async throws {
        let cases: [(String?, ClusterLock.ReleaseOutcome, [String])] = [
            (H.holder, .released, [H.get, H.delete]),
            (Self.other, .heldByOther(Self.other), [H.get]),
            (nil, .absent, [H.get]),
        ]
        for (holder, outcome, lines) in cases {
            let h = try H()
            defer { h.cleanUp() }
            h.runner.on(H.get, .success(stdout: holder.map { leaseJSON(holder: $0, renewed: H.start) } ?? ""))
            h.runner.on(H.delete, .success())
            #expect(try await h.lock().release() == outcome)
            #expect(h.lines == lines)
        }
    }

    @Test func releaseIgnoresALeaseDeletedInBetween() async throws {
        let h = try H()
        defer { h.cleanUp() }
        h.runner.on(
            H.get, .failure(stderr: #"Error from server (NotFound): leases.coordination.k8s.io "k8sup" not found"#))
        #expect(try await h.lock().release() == .absent)
    }
}
