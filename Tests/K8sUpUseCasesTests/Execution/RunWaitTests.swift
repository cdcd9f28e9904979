import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// The waits around the nodes report like the nodes' own: `--pause`, the pre-flight re-read of the
/// cluster before a later hop, taking and releasing the cluster lock. Time is a `VirtualClock`.
@Suite("Waits between nodes and around the run")
struct RunWaitTests {

    /// Two workers that upgrade at once (their looks show them at v1.30.4 from the start).
    private static func answerWorkers(_ fixture: ExecutorFixture, _ names: [String]) {
        fixture.answerShell()
        for name in names {
            fixture.runner.on("kubectl get node \(name) -o json", .success(stdout: ExecutorFixture.nodeJSON(name)))
            for verb in [
                "cordon \(name)", "uncordon \(name)",
                "drain \(name) --ignore-daemonsets --delete-emptydir-data --force --timeout=30s",
            ] {
                fixture.runner.on("kubectl " + verb, .success())
            }
        }
    }

    @Test func pauseSaysAtOnceHowLongAndBeforeWhichNodeThenReportsWhileItLasts() async throws {
        var fixture = ExecutorFixture()
        fixture.settings.pause = .seconds(300)
        Self.answerWorkers(fixture, ["w1", "w2"])
        let clock = VirtualClock()
        let nodes = [ExecutorFixture.node("w1"), ExecutorFixture.node("w2")]
        let executor = Executor(
            plan: fixture.plan(hops: [fixture.hop(nodes)]),
            tools: try fixture.tools(hosts: ["w1", "w2"], clock: clock))
        let work = Task { try await executor.run() }
        let pausing = "pausing 5m before w2, as --pause asked"
        let events = fixture.events
        try await eventually("the pause is announced") {
            events.all.contains { $0.step == "pause" && $0.message == pausing }
        }
        try await Heartbeats.beat(clock, fixture.events, step: "pause")
        Heartbeats.expectGrowing(Heartbeats.beats(fixture.events, step: "pause"), saying: pausing)
        #expect(!fixture.events.all.contains { $0.node == "w2" })
        clock.advance(210)
        #expect(try await work.value == .succeeded)
        #expect(fixture.events.summary(node: "w2").last == "node-finished true")
    }

    @Test func rereadingTheClusterBeforeALaterHopReports() async throws {
        let fixture = ExecutorFixture()
        Self.answerWorkers(fixture, ["w1", "w2"])
        let clock = VirtualClock()
        var second = fixture.hop([ExecutorFixture.node("w2")])
        second.number = 2
        var executor = Executor(
            plan: fixture.plan(hops: [fixture.hop([ExecutorFixture.node("w1")]), second]),
            tools: try fixture.tools(hosts: ["w1", "w2"], clock: clock))
        executor.preflight = { _ in
            try await clock.sleep(for: .seconds(100))
            return []
        }
        let work = Task { try await executor.run() }
        try await Heartbeats.beat(clock, fixture.events, step: "preflight")
        Heartbeats.expectGrowing(
            Heartbeats.beats(fixture.events, step: "preflight"),
            saying: "re-reading the cluster for the pre-flight checks of hop 2")
        clock.advance(10)
        #expect(try await work.value == .succeeded)
    }

    @Test func takingAndReleasingTheClusterLockReport() async throws {
        let harness = try LockHarness()
        defer { harness.cleanUp() }
        let clock = VirtualClock(LockHarness.start)
        harness.runner.on(
            "create", where: LockHarness.verb("create"),
            .success(stdout: leaseJSON(holder: LockHarness.holder, renewed: LockHarness.start)))
        harness.runner.on(
            "get", where: LockHarness.verb("get"),
            .success(stdout: leaseJSON(holder: LockHarness.holder, renewed: LockHarness.start)))
        harness.runner.on("delete", where: LockHarness.verb("delete"), .success())
        let runner = SlowRunner(
            fake: harness.runner, clock: clock,
            slow: [(LockHarness.verb("create"), .seconds(100)), (LockHarness.verb("delete"), .seconds(100))])
        let lock = ClusterLock(
            runner: runner, kubectl: { Command("kubectl", ["--context", "prod"] + $0, timeout: $1) },
            stateDirectory: harness.directory, identity: LockHarness.identity, target: "v1.30.4", clock: clock)
        let events = EventList()
        let heartbeat = Heartbeat(interval: .seconds(30), clock: clock, observer: events, log: MemoryLog())
        let taking = Task { try await lock.acquire(reporting: heartbeat) }
        try await Heartbeats.beat(clock, events, step: "lock")
        Heartbeats.expectGrowing(
            Heartbeats.beats(events),
            saying: "taking the cluster lock (Lease kube-system/k8sup): kubectl has not answered yet")
        clock.advance(10)
        _ = try await taking.value
        let releasing = Task { try await lock.release(reporting: heartbeat) }
        try await Heartbeats.beat(clock, events, step: "lock")
        #expect(
            Heartbeats.beats(events).suffix(3).map(\.message)
                == ["30s", "1m00s", "1m30s"].map {
                    "still waiting after \($0) — releasing the cluster lock (Lease kube-system/k8sup): kubectl has not answered yet"
                })
        clock.advance(10)
        #expect(try await releasing.value == .released)
    }

    @Test func theIntervalComesFromTheEnvironmentForTestsAndDemos() throws {
        #expect(try ApplyExecution.progressInterval([:]) == nil)
        #expect(try ApplyExecution.progressInterval(["K8SUP_PROGRESS_INTERVAL": "250ms"]) == .milliseconds(250))
        #expect(throws: RequestError.self) { try ApplyExecution.progressInterval(["K8SUP_PROGRESS_INTERVAL": "0s"]) }
        #expect(throws: RequestError.self) { try ApplyExecution.progressInterval(["K8SUP_PROGRESS_INTERVAL": "soon"]) }
        #expect(ExecutionSettings().progressInterval == .seconds(30))
    }

    @Test func heartbeatLinesNameTheStepAsAColumn() {
        let printer = ProgressPrinter(redactor: SecretRedactor(values: [])) { _ in }
        var event = ExecutionEvent(
            .waiting, hop: 1, version: "v1.29.15", node: "worker-2", step: "wait-ready", position: 3, total: 8,
            elapsed: 90, message: "still waiting after 1m30s — worker-2: NotReady, kubelet v1.28.15 (timeout 10m)")
        #expect(
            printer.line(for: event)
                == "[3/8] v1.29.15 worker-2 wait-ready: still waiting after 1m30s — worker-2: NotReady, kubelet "
                + "v1.28.15 (timeout 10m)")
        event = ExecutionEvent(
            .waiting, step: "lock", elapsed: 30, message: "still waiting after 30s — taking the lock")
        #expect(printer.line(for: event) == "lock: still waiting after 30s — taking the lock")
    }
}
