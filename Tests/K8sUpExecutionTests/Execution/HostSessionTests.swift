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

/// `HostSession`: several playbook lines in one session, reported line by line, and what runs again
/// after a dropped connection.
@Suite struct HostSessionTests {
    private func fixture() -> ExecutorFixture {
        var fixture = ExecutorFixture()
        fixture.settings.retryBackoff = Backoff(first: .milliseconds(1), cap: .milliseconds(2))
        return fixture
    }

    private func commands(_ lines: [(String, Bool)]) -> [HostCommandFactory.HostCommand] {
        lines.map { line, rerun in
            HostCommandFactory.HostCommand(
                shownLine: line, command: Command("/bin/sh", ["-c", line], timeout: .seconds(60)), line: line,
                rerun: rerun)
        }
    }

    private func step() -> ExecutionEvent {
        ExecutionEvent(.waiting, hop: 1, version: "v1.30.4", node: "w1", host: "w1", step: "upgrade-kubelet")
    }

    /// Answers sessions in turn: the `n`th session (from 0) drops in line `drops[n]` of its own, if any.
    private func answer(_ runner: FakeRunner, drops: [Int?], failing: Set<String> = []) {
        let calls = Mutex(0)
        runner.on("sessions", where: { SessionFake($0) != nil }) { command -> CommandResult in
            let call = calls.withLock { calls in
                defer { calls += 1 }
                return calls
            }
            guard let session = SessionFake(command) else { return .failure() }
            return session.result(dropIn: call < drops.count ? drops[call] : nil) { line in
                failing.contains(line)
                    ? SessionFake.Outcome(status: 3, stdout: "partial\n", stderr: "E: \(line) broke")
                    : SessionFake.Outcome(stdout: "out of \(line)\n")
            }
        }
    }

    private func sessions(_ runner: FakeRunner) -> [[String]] {
        runner.commands.compactMap { SessionFake($0)?.lines }
    }

    @Test func linesRunInOneSessionAndAreLoggedEachOnItsOwn() async throws {
        let fixture = fixture()
        answer(fixture.runner, drops: [])
        let outputs = try await HostSession(tools: try fixture.tools(hosts: ["w1"]), node: "w1", host: "w1").run(
            commands([("echo a", true), ("echo b", true)]), during: step(), doing: "upgrading the kubelet")
        #expect(sessions(fixture.runner) == [["echo a", "echo b"]])
        #expect(outputs == [["out of echo a"], ["out of echo b"]])
        let log = fixture.log.lines.filter { !$0.hasPrefix("w1: >") }
        #expect(
            log == [
                "w1: $ echo a", "w1: | out of echo a", "w1: = exit 0", "w1: $ echo b", "w1: | out of echo b",
                "w1: = exit 0",
            ])
    }

    @Test func aFailingLineIsNamedWithItsStatusAndOutputAndNothingAfterItRuns() async throws {
        let fixture = fixture()
        answer(fixture.runner, drops: [], failing: ["echo b"])
        let session = HostSession(tools: try fixture.tools(hosts: ["w1"]), node: "w1", host: "w1")
        await #expect {
            try await session.run(
                commands([("echo a", true), ("echo b", true), ("echo c", true)]), during: step(),
                doing: "upgrading the kubelet")
        } throws: { error in
            guard case .stepFailed(let node, let activity, let failure) = error as? ExecutionError else { return false }
            return node == "w1" && activity == "upgrading the kubelet" && failure.command == "echo b"
                && failure.how == "exit 3" && failure.reason == "E: echo b broke"
        }
        #expect(sessions(fixture.runner) == [["echo a", "echo b", "echo c"]])
        #expect(!fixture.log.lines.contains("w1: $ echo c"))
        #expect(fixture.log.lines.contains("w1: = exit 3"))
    }

    @Test func aDropRunsTheSessionAgainFromTheUnfinishedLineWhenItMayRunAgain() async throws {
        let fixture = fixture()
        // The first session drops in its second line; the second session runs the rest.
        answer(fixture.runner, drops: [1])
        let outputs = try await HostSession(tools: try fixture.tools(hosts: ["w1"]), node: "w1", host: "w1").run(
            commands([("echo a", false), ("echo b", true), ("echo c", false)]), during: step(),
            doing: "upgrading the kubelet")
        #expect(sessions(fixture.runner) == [["echo a", "echo b", "echo c"], ["echo b", "echo c"]])
        #expect(outputs == [["out of echo a"], ["out of echo b"], ["out of echo c"]])
        let retries = fixture.events.all.compactMap(\.message).filter { $0.contains("running it again") }
        #expect(retries.count == 1, "\(fixture.events.all.compactMap(\.message))")
        #expect(
            retries.first?.hasPrefix("the ssh connection dropped while the command ran (Connection to node") == true)
    }

    @Test func aDropInALineThatMustNotRunTwiceIsReportedAsUnknownAndNotRunAgain() async throws {
        let fixture = fixture()
        answer(fixture.runner, drops: [1])
        let session = HostSession(tools: try fixture.tools(hosts: ["w1"]), node: "w1", host: "w1")
        await #expect {
            try await session.run(
                commands([("echo a", true), ("kubeadm upgrade node", false), ("echo c", true)]), during: step(),
                doing: "running kubeadm upgrade node")
        } throws: { error in
            guard case .stepFailed(_, _, let failure) = error as? ExecutionError else { return false }
            return failure.command == "kubeadm upgrade node" && failure.how == "status unknown"
                && failure.retry?.notRetried == true && failure.reason.contains("rerun: false")
        }
        #expect(sessions(fixture.runner).count == 1)
    }

    @Test func aLineThatKeepsDroppingGivesUpWithinTheBudget() async throws {
        var fixture = fixture()
        fixture.settings.retryBackoff = Backoff(first: .milliseconds(1), cap: .milliseconds(1), jitter: 0)
        answer(fixture.runner, drops: Array(repeating: 0, count: 1000))
        // The retry budget is the retrying runner's: a short one here.
        let runner = RetryingRunner(base: fixture.runner, budget: .milliseconds(50))
        let tools = try fixture.tools(hosts: ["w1"], runner: runner)
        let session = HostSession(tools: tools, node: "w1", host: "w1")
        await #expect {
            try await session.run(commands([("echo a", true)]), during: step(), doing: "upgrading the kubelet")
        } throws: { error in
            guard case .stepFailed(_, _, let failure) = error as? ExecutionError else { return false }
            return failure.how == "status unknown" && failure.retry?.notRetried == false
                && failure.reason.hasPrefix("the ssh connection kept dropping while the command ran")
        }
        #expect(sessions(fixture.runner).count > 1)
    }
}
