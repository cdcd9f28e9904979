import Foundation
import K8sUpTestSupport
import Synchronization
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// No silent minute: every kind of wait `apply` does reports every interval while it lasts, saying what
/// it waits for and how long it has waited. Time is a `VirtualClock` the tests step 30 s at a time.
@Suite("Heartbeat")
struct HeartbeatTests {
    @Test func aWaitReportsEveryIntervalWithGrowingElapsedTimeUntilItEnds() async throws {
        let clock = VirtualClock()
        let events = EventList()
        let log = MemoryLog()
        let heartbeat = Heartbeat(interval: .seconds(30), clock: clock, observer: events, log: log)
        let template = ExecutionEvent(.stepStarted, hop: 1, version: "v1.30.4", node: "w1", step: "wait-ready")
        let work = Task {
            try await heartbeat.waiting(template, for: "w1: NotReady (timeout 10m)") { _ in
                try await clock.sleep(for: .seconds(100))
                return "done"
            }
        }
        try await Heartbeats.beat(clock, events, step: "wait-ready")
        Heartbeats.expectGrowing(Heartbeats.beats(events), saying: "w1: NotReady (timeout 10m)")
        #expect(Heartbeats.beats(events).allSatisfy { $0.kind == .waiting && $0.node == "w1" && $0.hop == 1 })
        #expect(log.lines.contains("w1: ~ wait-ready: still waiting after 1m30s — w1: NotReady (timeout 10m)"))
        clock.advance(10)
        #expect(try await work.value == "done")
        // Over: its heartbeat has stopped and reports no more.
        #expect(clock.sleepers == 0)
        clock.advance(300)
        #expect(Heartbeats.beats(events).count == 3)
    }

    @Test func aRetryLoopReportsEachFailureAtOnceAndItsBeatsSayWhatItRetries() async throws {
        let clock = VirtualClock()
        let events = EventList()
        let heartbeat = Heartbeat(interval: .seconds(30), clock: clock, observer: events, log: MemoryLog())
        let work = Task {
            try await heartbeat.waiting(ExecutionEvent(.waiting, step: "lock"), for: "reading the Lease") { wait in
                for attempt in 1...3 {
                    wait.report("attempt \(attempt) failed, retrying in 20s: connection refused")
                    wait.update("reading the Lease, after \(attempt) failed attempt(s)")
                    if attempt < 3 { try await clock.sleep(for: .seconds(20)) }
                }
            }
        }
        try await eventually("the first failure is reported") { events.all.count == 1 }
        #expect(events.all.first?.message == "attempt 1 failed, retrying in 20s: connection refused")
        #expect(events.all.first?.elapsed == 0)
        clock.advance(20)
        try await eventually("the second failure") { events.all.count == 2 }
        try await eventually("the heartbeat and the retry sleep") { clock.sleepers == 2 }
        clock.advance(10)
        try await eventually("a beat") { Heartbeats.beats(events).count == 1 }
        #expect(
            Heartbeats.beats(events).first?.message
                == "still waiting after 30s — reading the Lease, after 2 failed attempt(s)")
        clock.advance(10)
        try await work.value
        #expect(events.all.map(\.elapsed) == [0, 20, 30, 40])
    }

    @Test func aLongNodeCommandSaysWhichCommandRunsOnWhichHost() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        let clock = VirtualClock()
        let runner = SlowRunner(
            fake: fixture.runner, clock: clock,
            slow: [({ SessionFake($0)?.lines.first == "echo apply 1.30.4" }, .seconds(600))])
        let tools = try fixture.tools(hosts: ["c1"], runner: runner, clock: clock)
        let node = ExecutorFixture.node("c1", role: .controlPlane, apply: true)
        let run = NodeRun(
            node: node, hop: fixture.hop([node]), position: 1, total: 1, tools: tools, runtime: [:],
            cordonedBefore: false)
        let work = Task { try await PlaybookPhase(action: .kubeadmUpgradeApply).run(run) }
        try await Heartbeats.beat(clock, fixture.events, step: "kubeadm-upgrade-apply")
        Heartbeats.expectGrowing(
            Heartbeats.beats(fixture.events), saying: "`echo apply 1.30.4` on c1 (timeout 1m)")
        #expect(Heartbeats.beats(fixture.events).allSatisfy { $0.node == "c1" && $0.position == 1 && $0.total == 1 })
        clock.advance(600)
        try await work.value
    }

    @Test func stagingReportsEachNodeItWaitsFor() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        let clock = VirtualClock()
        let runner = SlowRunner(
            fake: fixture.runner, clock: clock,
            slow: [({ SessionFake($0)?.lines.first == "echo stage" }, .seconds(95))])
        let tools = try fixture.tools(hosts: ["w1"], runner: runner, clock: clock)
        let work = Task { try await HopPreparation(hop: fixture.hop([ExecutorFixture.node("w1")]), tools: tools).run() }
        try await Heartbeats.beat(clock, fixture.events, step: "stage")
        Heartbeats.expectGrowing(Heartbeats.beats(fixture.events), saying: "`echo stage` on w1 (timeout 1m)")
        #expect(Heartbeats.beats(fixture.events).allSatisfy { $0.node == "w1" && $0.version == "v1.30.4" })
        clock.advance(5)
        #expect(try await work.value == ["w1": ["package_version": "1.30.4-1.1"]])
    }

    @Test func aDrainSaysItDrainsAndItsTimeout() async throws {
        let fixture = ExecutorFixture()
        let clock = VirtualClock()
        let drain = "kubectl drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s"
        fixture.runner.on("kubectl cordon w1", .success())
        fixture.runner.on(drain, .success())
        let runner = SlowRunner(
            fake: fixture.runner, clock: clock, slow: [({ $0.displayLine == drain }, .seconds(100))])
        let tools = try fixture.tools(hosts: ["w1"], runner: runner, clock: clock)
        let node = ExecutorFixture.node("w1")
        let run = NodeRun(
            node: node, hop: fixture.hop([node]), position: 2, total: 3, tools: tools, runtime: [:],
            cordonedBefore: false)
        let work = Task { try await DrainPhase().run(run) }
        try await Heartbeats.beat(clock, fixture.events, step: "cordon-drain")
        Heartbeats.expectGrowing(
            Heartbeats.beats(fixture.events), saying: "draining w1: kubectl evicts its pods (timeout 30s)")
        clock.advance(10)
        try await work.value
        #expect(
            fixture.log.lines.contains(
                "w1: ~ cordon-drain: still waiting after 1m00s — draining w1: kubectl evicts its pods (timeout 30s)"))
    }

    /// `kubectl get node w1` shows the node NotReady at `version` until `up` is set, then Ready at it.
    private static func answerNode(
        _ fixture: ExecutorFixture, notReadyAt version: String, readyAt target: String, up: Flag
    ) {
        let notReady = ExecutorFixture.nodeJSON("w1", ready: false, version: version)
        let ready = ExecutorFixture.nodeJSON("w1", version: target)
        fixture.runner.on(
            "node looks", where: { $0.displayLine == "kubectl get node w1 -o json" },
            answer: { _ in .success(stdout: up.isOn ? ready : notReady) })
    }

    /// Waits until a readiness wait has looked at the node (and reported what it saw).
    private static func firstLook(_ events: EventList) async throws {
        try await eventually("the first look at the node") {
            events.all.contains { ($0.message ?? "").hasPrefix("waiting until w1 is Ready") }
        }
    }

    @Test func waitReadySaysWhatTheNodeShowsAndTheTimeout() async throws {
        var fixture = ExecutorFixture()
        fixture.settings = ExecutionSettings(nodeReadyTimeout: .seconds(1800), verifyInterval: .milliseconds(5))
        let up = Flag()
        Self.answerNode(fixture, notReadyAt: "v1.29.8", readyAt: "v1.30.4", up: up)
        let clock = VirtualClock()
        let tools = try fixture.tools(hosts: ["w1"], clock: clock)
        let node = ExecutorFixture.node("w1")
        let run = NodeRun(
            node: node, hop: fixture.hop([node]), position: 1, total: 1, tools: tools, runtime: [:],
            cordonedBefore: false)
        let work = Task { try await VerifyPhase().run(run) }
        try await Self.firstLook(fixture.events)
        // Two sleepers: the heartbeat, and the wait between two looks (on the same clock).
        try await Heartbeats.beat(clock, fixture.events, step: "wait-ready")
        Heartbeats.expectGrowing(
            Heartbeats.beats(fixture.events), saying: "w1: NotReady, kubelet v1.29.8 (timeout 30m)")
        // The change itself was reported once, at once, in words.
        let changes = fixture.events.all.filter {
            $0.kind == .waiting && !Heartbeats.beats(fixture.events).contains($0)
        }
        #expect(changes.map(\.message) == ["waiting until w1 is Ready at v1.30.4; now NotReady, kubelet v1.29.8"])
        up.turnOn()
        try await finish(work, on: clock)
    }

    @Test func theRollbacksReadinessWaitReportsToo() async throws {
        var fixture = ExecutorFixture()
        fixture.settings = ExecutionSettings(nodeReadyTimeout: .seconds(1800), verifyInterval: .milliseconds(5))
        fixture.answerShell()
        fixture.runner.on("kubectl uncordon w1", .success())
        let up = Flag()
        Self.answerNode(fixture, notReadyAt: "v1.29.8", readyAt: "v1.29.8", up: up)
        let clock = VirtualClock()
        let tools = try fixture.tools(hosts: ["w1"], clock: clock)
        let node = ExecutorFixture.node("w1")
        let run = NodeRun(
            node: node, hop: fixture.hop([node]), position: 1, total: 1, tools: tools, runtime: [:],
            cordonedBefore: false)
        run.pushUndo(.restoreCordon)
        run.pushUndo(.rollbackKubelet)
        let work = Task { try await RollbackProcedure(node: run).runRecorded() }
        try await Self.firstLook(fixture.events)
        try await Heartbeats.beat(clock, fixture.events, step: "rollback")
        Heartbeats.expectGrowing(
            Heartbeats.beats(fixture.events), saying: "w1: NotReady, kubelet v1.29.8 (timeout 30m)")
        up.turnOn()
        try await finish(work, on: clock)
        #expect(fixture.events.summary(node: "w1").last == "rollback-finished true")
    }
}

/// A switch a test turns on while the code under test reads it from other tasks.
final class Flag: Sendable {
    private let state = Mutex(false)

    var isOn: Bool { state.withLock { $0 } }

    func turnOn() { state.withLock { $0 = true } }
}
