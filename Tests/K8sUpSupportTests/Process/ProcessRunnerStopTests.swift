import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `ProcessRunner` stopping children: timeouts and cancellation signal the whole process group,
/// SIGTERM first, SIGKILL after the grace period, and leave nothing running.
///
/// No test depends on the machine being idle. Lower bounds are exact (the timeout and grace period
/// were waited). An upper bound only has to tell "the runner did not wait for the children" from "it
/// did": the children sleep ten minutes and grace periods that must not be waited are five, while
/// `bound` is two minutes, far above what even a loaded two-core machine takes to stop a child (an
/// idle one takes well under a second) and far below the sleeps. Where the outcome shows what
/// happened (the signal that ended the child, a process still alive), that is asserted as well.
@Suite struct ProcessRunnerStopTests {
    /// Upper bound on anything that must not wait for a child's sleep or a long grace period.
    let bound = Duration.seconds(120)
    /// What the children sleep: long past `bound`.
    static let sleep = "sleep 600"
    /// A grace period the runner must not wait: long past `bound`.
    static let longGrace = Duration.seconds(300)

    @Test func timeoutStopsAChildThatHonoursSigtermWithoutWaitingForGrace() async throws {
        let result = try await ProcessRunner(gracePeriod: Self.longGrace).run(
            shell(Self.sleep, timeout: .milliseconds(200)))
        #expect(result.timedOut)
        #expect(result.termination == .signalled(SIGTERM))
        #expect(!result.succeeded)
        #expect(result.duration >= .milliseconds(200) && result.duration < bound)
    }

    @Test func timeoutKillsAGroupThatIgnoresSigterm() async throws {
        let runner = ProcessRunner(gracePeriod: .milliseconds(300))
        let script = "trap '' TERM; echo $$; \(Self.sleep) & echo $!; \(Self.sleep); wait"
        let start = ContinuousClock.now
        let result = try await runner.run(shell(script, timeout: .milliseconds(300)))
        let elapsed = ContinuousClock.now - start
        #expect(result.timedOut)
        #expect(result.termination == .signalled(SIGKILL))
        #expect(result.exitStatus == 137)
        #expect(result.duration >= .milliseconds(600) && result.duration < bound)
        #expect(elapsed < bound)
        let pids = printedPids(result)
        try #require(pids.count == 2)
        #expect(await LiveProcesses.waitUntilGone(group: pids[0]) == [])
        #expect(await LiveProcesses.waitUntilGone(pid: pids[1]))
    }

    @Test func timeoutStopsABackgroundChildThatKeepsThePipesOpen() async throws {
        let result = try await ProcessRunner().run(
            shell("\(Self.sleep) & echo $!; exit 0", timeout: .milliseconds(300)))
        #expect(result.timedOut)
        #expect(result.termination == .exited(0))
        #expect(result.duration >= .milliseconds(300) && result.duration < bound)
        let pids = printedPids(result)
        try #require(pids.count == 1)
        #expect(await LiveProcesses.waitUntilGone(pid: pids[0]))
    }

    /// A process that left the group (`setsid`) survives the group kill and keeps the pipes open; the
    /// runner gives up on them instead of waiting for it: the run returns while that process still lives.
    @Test func givesUpOnPipesHeldByAProcessThatLeftTheGroup() async throws {
        let runner = ProcessRunner(gracePeriod: .milliseconds(200), abandonAfter: .milliseconds(200))
        let start = ContinuousClock.now
        let result = try await runner.run(shell("setsid \(Self.sleep) & echo $!; exit 3", timeout: .milliseconds(200)))
        let elapsed = ContinuousClock.now - start
        let survivors = printedPids(result)
        defer { for pid in survivors { kill(pid, SIGKILL) } }
        #expect(result.timedOut)
        #expect(result.termination == .exited(3))
        try #require(survivors.count == 1)
        #expect(LiveProcesses.isAlive(survivors[0]), "the run waited for the process holding the pipes")
        #expect(result.duration >= .milliseconds(600) && result.duration < bound)
        #expect(elapsed < bound)
    }

    @Test func cancellingTheTaskStopsTheChildAndThrowsCancellation() async throws {
        let (lines, started) = AsyncStream.makeStream(of: OutputChunk.self)
        let task = Task {
            try await ProcessRunner(gracePeriod: Self.longGrace).run(
                shell("echo $$; \(Self.sleep)", timeout: .seconds(900)), output: { started.yield($0) })
        }
        let group = try #require(await lines.first { _ in true }.flatMap { pid_t($0.line) })
        let start = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - start < bound)  // SIGTERM did it: the long grace period was not waited
        #expect(await LiveProcesses.waitUntilGone(group: group) == [])
    }

    @Test func cancellingKillsAChildThatIgnoresSigtermAfterTheGracePeriod() async throws {
        let (lines, started) = AsyncStream.makeStream(of: OutputChunk.self)
        let task = Task {
            try await ProcessRunner(gracePeriod: .milliseconds(300)).run(
                shell("trap '' TERM; echo $$; \(Self.sleep) & \(Self.sleep); wait", timeout: .seconds(900)),
                output: { started.yield($0) })
        }
        let group = try #require(await lines.first { _ in true }.flatMap { pid_t($0.line) })
        let start = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(300) && elapsed < bound)
        #expect(await LiveProcesses.waitUntilGone(group: group) == [])
    }

    @Test func aTaskCancelledBeforehandStartsNothing() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("k8sup-\(UUID().uuidString)").path
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await ProcessRunner().run(shell("touch '\(marker)'"))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func timedOutErrorSaysTheLimit() async throws {
        let command = shell("echo 'still waiting for etcd' >&2; sleep 30", timeout: .milliseconds(250))
        let error = await #expect(throws: CommandError.self) { try await ProcessRunner().runChecked(command) }
        #expect(error?.description.hasSuffix("timed out after 250ms and was stopped: still waiting for etcd") == true)
    }
}
