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
@testable import K8sUpUseCases
@testable import PythonParity

/// While waiting for a node after `restart_kubelet`, the executor looks at the kubelet's systemd unit
/// (`kubelet_status`) every 5 s beside its kubectl looks: a failed unit, or one systemd restarted 3 times
/// since the first look, starts the rollback at once, with the kubelet's journal (`kubelet_logs`) in the
/// message. One worker w1 going from v1.29.8 to v1.30.4 on a `FakeRunner`; time is a `VirtualClock`
/// that moves only while the wait sleeps between looks, so "at once" is measured, not hoped for.
@Suite("Kubelet watch")
struct KubeletWatchTests {
    /// The executor fixture's playbook with both kubelet looks.
    static let playbook =
        "name: t\n" + ExecutorFixture.playbook + """

            kubelet_status:
              - echo status
            kubelet_logs:
              - echo logs
            """

    /// What `kubelet_logs` prints: 25 lines, of which a message carries the last 20.
    static let journal = (1...25).map { "Jun 14 10:00:\(10 + $0) w1 kubelet[42]: line \($0)" }

    static func unit(_ active: String, _ sub: String, restarts: Int, exit: Int = 1) -> String {
        "ActiveState=\(active)\nSubState=\(sub)\nNRestarts=\(restarts)\nExecMainStatus=\(exit)\n"
    }

    static let running = unit("active", "running", restarts: 0, exit: 0)

    static func crashLoop(_ restarts: Int) -> String { unit("activating", "auto-restart", restarts: restarts) }

    /// How one test's run went.
    struct Run {
        let fixture: ExecutorFixture
        let result: Executor.Result
        /// Virtual seconds from the start of the run to its end.
        let seconds: Double

        /// The host lines that ran, from `restart` on (the wait and what followed it).
        var fromRestart: [String] {
            Array(fixture.hostLines.drop { $0 != "restart" })
        }
    }

    /// Counts the unit looks before the rollback, from the answers' closures.
    final class Counter: Sendable {
        private let state = Mutex(0)
        var value: Int { state.withLock { $0 } }
        func next() -> Int {
            state.withLock { count in
                count += 1
                return count - 1
            }
        }
    }

    /// Upgrades w1 to the end. Before `rollback_kubelet` ran, the n-th unit look shows `unit[n]` (the last
    /// repeating) and the node is NotReady at v1.29.8 (Ready at v1.30.4 once `readyAfterLooks` looks were
    /// taken); after it, the unit shows `rolledBack` and the node is Ready at v1.29.8.
    static func upgrade(
        unit looks: [CommandResult], rolledBack: String = running, readyAfterLooks: Int? = nil,
        playbook: String = playbook, step: Double = 1
    ) async throws -> Run {
        var fixture = ExecutorFixture()
        fixture.settings = ExecutionSettings(nodeReadyTimeout: .seconds(600), verifyInterval: .seconds(1))
        let runner = fixture.runner
        let rolledBackYet: @Sendable () -> Bool = {
            runner.commands.contains { ExecutorFixture.runs($0, "echo rollback 1.29.8") }
        }
        let counter = Counter()
        runner.on("kubelet_status", where: { ExecutorFixture.shellLine($0) == "echo status" }) { _ in
            rolledBackYet() ? .success(stdout: rolledBack) : looks[min(counter.next(), looks.count - 1)]
        }
        runner.on(
            "kubelet_logs", where: { ExecutorFixture.shellLine($0) == "echo logs" },
            .success(stdout: journal.joined(separator: "\n") + "\n"))
        runner.on("node looks", where: { $0.displayLine == "kubectl get node w1 -o json" }) { _ in
            if rolledBackYet() { return .success(stdout: ExecutorFixture.nodeJSON("w1", version: "v1.29.8")) }
            if let readyAfterLooks, counter.value >= readyAfterLooks {
                return .success(stdout: ExecutorFixture.nodeJSON("w1", version: "v1.30.4"))
            }
            return .success(stdout: ExecutorFixture.nodeJSON("w1", ready: false, version: "v1.29.8"))
        }
        for verb in [
            "cordon w1", "uncordon w1", "drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s",
        ] {
            runner.on("kubectl " + verb, .success())
        }
        fixture.answerShell()
        let clock = VirtualClock()
        let start = clock.now()
        let node = ExecutorFixture.node("w1")
        let plan = fixture.plan([node])
        let executor = Executor(
            plan: plan, tools: try fixture.tools(hosts: ["w1"], clock: clock, playbookFile: playbook))
        let result = try await finish(Task { try await executor.run() }, on: clock, step: step)
        return Run(fixture: fixture, result: result, seconds: clock.now().timeIntervalSince(start))
    }

    static let lastTwenty = KubeletJournal(lines: Array(journal.suffix(20)))

    @Test func aFailedUnitStartsTheRollbackAtTheFirstLook() async throws {
        let run = try await Self.upgrade(unit: [.success(stdout: Self.unit("failed", "failed", restarts: 0))])
        #expect(
            run.result
                == .failed(
                    .kubeletDoesNotStart(
                        node: "w1", kubelet: "the new kubelet v1.30.4",
                        cause: "systemd unit kubelet failed (exit status 1)", journal: Self.lastTwenty)))
        // One look at the node and one at its unit, then the journal and the rollback.
        #expect(run.fromRestart.prefix(4) == ["restart", "status", "logs", "rollback 1.29.8"])
        #expect(run.seconds < 60, "the rollback started after \(run.seconds)s")
        #expect(
            run.fixture.events.summary(node: "w1").suffix(4) == [
                "step-finished wait-ready false", "node-failed wait-ready false", "rollback-started",
                "rollback-finished true",
            ])
        #expect(run.fixture.kubectlCalls.last == "uncordon w1")
        #expect(UseCaseOutcome(run.result).exitCode == .failure)
    }

    @Test func threeRestartsSinceTheRestartAreACrashLoopRolledBackAtOnce() async throws {
        let run = try await Self.upgrade(unit: (0...5).map { .success(stdout: Self.crashLoop(7 + $0)) })
        guard case .failed(let error) = run.result else {
            Issue.record("expected a failure, got \(run.result)")
            return
        }
        // Looks 5 s apart: the counter stood at 7 at the first, at 10 fifteen seconds later.
        let message = error.description
        #expect(
            message.hasPrefix(
                "w1: the new kubelet v1.30.4 does not start: systemd unit kubelet restarted 3 times in 15s (crash loop)\n"
                    + "  the kubelet's journal ended with:\n    Jun 14 10:00:16 w1 kubelet[42]: line 6\n"))
        #expect(message.hasSuffix("line 25") && !message.contains("line 5\n"))
        #expect(OperatorWords.leaks(in: String(message.prefix { $0 != "\n" })).isEmpty)
        #expect(
            run.fromRestart.prefix(7) == ["restart", "status", "status", "status", "status", "logs", "rollback 1.29.8"])
        #expect(run.seconds < 60, "the rollback started after \(run.seconds)s")
        // The operator saw the unit restarting while it waited, and the node's log and the node-failed
        // event (the journal's record) carry the kubelet's lines.
        let reports = run.fixture.events.all.filter { $0.kind == .waiting }.compactMap(\.message)
        #expect(reports.contains("w1: kubelet unit activating (auto-restart), exit status 1, 8 restarts"))
        #expect(run.fixture.log.lines.contains("w1: | Jun 14 10:00:35 w1 kubelet[42]: line 25"))
        #expect(
            run.fixture.log.lines.contains("w1: = kubelet unit activating (auto-restart), exit status 1, 9 restarts"))
        let failed = run.fixture.events.all.first { $0.kind == .nodeFailed }
        #expect(failed?.message == message)
        #expect(run.fixture.kubectlCalls.last == "uncordon w1")
    }

    @Test func twoRestartsThenRunningIsNoReasonToRollBack() async throws {
        let looks = [
            Self.crashLoop(0), Self.crashLoop(1), Self.crashLoop(2), Self.unit("active", "running", restarts: 2),
        ]
        let run = try await Self.upgrade(unit: looks.map { .success(stdout: $0) }, readyAfterLooks: 4)
        #expect(run.result == .succeeded)
        #expect(!run.fixture.hostLines.contains("rollback 1.29.8") && !run.fixture.hostLines.contains("logs"))
        #expect(run.fixture.events.summary(node: "w1").last == "node-finished true")
    }

    @Test func aLookThatFailsIsLoggedAndReadinessStillDecides() async throws {
        let refused = CommandResult.failure(
            exit: 255, stderr: "ssh: connect to host 10.0.0.21 port 22: Connection refused")
        let run = try await Self.upgrade(unit: [refused], readyAfterLooks: 2)
        #expect(run.result == .succeeded)
        #expect(run.fixture.log.lines.contains("w1: ! ssh: connect to host 10.0.0.21 port 22: Connection refused"))
        #expect(run.fixture.log.lines.contains("w1: = exit 255"))
    }

    /// A playbook written before the kubelet looks: k8sup waits on readiness alone, up to the timeout.
    @Test func withoutKubeletStatusTheWaitGoesByReadinessAlone() async throws {
        let run = try await Self.upgrade(
            unit: [.success(stdout: Self.unit("failed", "failed", restarts: 0))],
            playbook: "name: old\n" + ExecutorFixture.playbook, step: 10)
        guard case .failed(.notReady(let node, let version, let timeout, _, let journal)) = run.result else {
            Issue.record("expected the readiness timeout, got \(run.result)")
            return
        }
        #expect(node == "w1" && version == "v1.30.4" && timeout == "10m" && journal == KubeletJournal(lines: []))
        #expect(run.seconds >= 600)
        #expect(!run.fixture.hostLines.contains("status") && !run.fixture.hostLines.contains("logs"))
        #expect(run.fromRestart.prefix(2) == ["restart", "rollback 1.29.8"])
    }

    /// A kubelet that runs while the node stays NotReady (a CNI that does not come up) is not the unit's
    /// fault: the wait runs to its timeout, and the message then carries the kubelet's journal.
    @Test func aNodeNotReadyInTimeIsExplainedByTheJournalToo() async throws {
        let run = try await Self.upgrade(unit: [.success(stdout: Self.running)], step: 10)
        guard case .failed(let error) = run.result, case .notReady = error else {
            Issue.record("expected the readiness timeout, got \(run.result)")
            return
        }
        #expect(
            error.description.hasPrefix(
                "w1: not Ready at v1.30.4 within 10m (last seen: NotReady, kubelet v1.29.8)\n"
                    + "  the kubelet's journal ended with:\n    Jun 14 10:00:16 w1 kubelet[42]: line 6\n"))
        #expect(run.seconds >= 600)
    }

    /// The rollback's own wait looks too: a rolled-back kubelet that does not start stops the run at once
    /// for repair by hand (exit 3), with its journal, and the node stays cordoned.
    @Test func aRolledBackKubeletThatDoesNotStartNeedsRepairAtOnce() async throws {
        let run = try await Self.upgrade(
            unit: [.success(stdout: Self.unit("failed", "failed", restarts: 0))],
            rolledBack: Self.unit("failed", "failed", restarts: 0, exit: 203))
        guard case .needsRepair(let error) = run.result else {
            Issue.record("expected needsRepair, got \(run.result)")
            return
        }
        #expect(UseCaseOutcome(run.result).exitCode == .needsManualRepair)
        #expect(
            error.description.hasPrefix(
                "w1: the rollback to v1.29.8 failed: the rolled-back kubelet v1.29.8 does not start: systemd unit "
                    + "kubelet failed (exit status 203)\n  the kubelet's journal ended with:\n"))
        #expect(error.description.contains("line 25\nThe node needs repair by hand:"))
        #expect(run.seconds < 60, "the run stopped after \(run.seconds)s")
        #expect(!run.fixture.kubectlCalls.contains("uncordon w1"))
    }
}
