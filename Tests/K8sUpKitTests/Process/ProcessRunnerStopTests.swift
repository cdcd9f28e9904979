import Foundation
import Testing

@testable import K8sUpKit

/// `ProcessRunner` stopping children: timeouts and cancellation signal the whole process group,
/// SIGTERM first, SIGKILL after the grace period, and leave nothing running.
///
/// Timing is checked twice, on `result.duration`, which the runner measures on its own threads, and on
/// the wall clock (`slack`), since the awaiting test resumes only when the Swift concurrency pool has a
/// free thread. Lower bounds are exact (the grace period was waited); upper bounds only need to be far
/// below the children's own sleeps, because a loaded two-core machine (CI building and testing at once)
/// delays even the runner's threads by seconds.
@Suite struct ProcessRunnerStopTests {
    // Generous: the children would run 100 s if the runner failed to stop them, and a loaded
    // machine can keep the awaiting task from resuming for several seconds.
    let slack = Duration.seconds(20)

    @Test func timeoutStopsAChildThatHonoursSigtermWithoutWaitingForGrace() async throws {
        let result = try await ProcessRunner(gracePeriod: .seconds(5)).run(
            shell("sleep 30", timeout: .milliseconds(200)))
        #expect(result.timedOut)
        #expect(result.termination == .signalled(SIGTERM))
        #expect(!result.succeeded)
        #expect(result.duration >= .milliseconds(200) && result.duration < .seconds(15))
    }

    @Test func timeoutKillsAGroupThatIgnoresSigterm() async throws {
        let runner = ProcessRunner(gracePeriod: .milliseconds(300))
        let script = "trap '' TERM; echo $$; sleep 100 & echo $!; sleep 100; wait"
        let start = ContinuousClock.now
        let result = try await runner.run(shell(script, timeout: .milliseconds(300)))
        let elapsed = ContinuousClock.now - start
        #expect(result.timedOut)
        #expect(result.termination == .signalled(SIGKILL))
        #expect(result.exitStatus == 137)
        #expect(result.duration >= .milliseconds(600) && result.duration < .seconds(15))
        #expect(elapsed < .milliseconds(600) + slack)
        let pids = printedPids(result)
        try #require(pids.count == 2)
        #expect(await LiveProcesses.waitUntilGone(group: pids[0]) == [])
        #expect(!LiveProcesses.isAlive(pids[1]))
    }

    @Test func timeoutStopsABackgroundChildThatKeepsThePipesOpen() async throws {
        let result = try await ProcessRunner().run(shell("sleep 100 & echo $!; exit 0", timeout: .milliseconds(300)))
        #expect(result.timedOut)
        #expect(result.termination == .exited(0))
        #expect(result.duration >= .milliseconds(300) && result.duration < .seconds(15))
        let pids = printedPids(result)
        try #require(pids.count == 1)
        #expect(!LiveProcesses.isAlive(pids[0]))
    }

    /// A process that left the group (`setsid`) survives the group kill and keeps the pipes open; the
    /// runner gives up on them instead of waiting for it.
    @Test func givesUpOnPipesHeldByAProcessThatLeftTheGroup() async throws {
        let runner = ProcessRunner(gracePeriod: .milliseconds(200), abandonAfter: .milliseconds(200))
        let start = ContinuousClock.now
        let result = try await runner.run(shell("setsid sleep 10 & echo $!; exit 3", timeout: .milliseconds(200)))
        let elapsed = ContinuousClock.now - start
        for pid in printedPids(result) { kill(pid, SIGKILL) }
        #expect(result.timedOut)
        #expect(result.termination == .exited(3))
        #expect(printedPids(result).count == 1)
        #expect(result.duration >= .milliseconds(600) && result.duration < .seconds(8))
        #expect(elapsed < .milliseconds(600) + slack)
    }

    @Test func cancellingTheTaskStopsTheChildAndThrowsCancellation() async throws {
        let (lines, started) = AsyncStream.makeStream(of: OutputChunk.self)
        let task = Task {
            try await ProcessRunner(gracePeriod: .seconds(10)).run(
                shell("echo $$; sleep 100", timeout: .seconds(30)), output: { started.yield($0) })
        }
        let group = try #require(await lines.first { _ in true }.flatMap { pid_t($0.line) })
        let start = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - start < slack)  // SIGTERM did it: no 10 s grace period
        #expect(await LiveProcesses.waitUntilGone(group: group) == [])
    }

    @Test func cancellingKillsAChildThatIgnoresSigtermAfterTheGracePeriod() async throws {
        let (lines, started) = AsyncStream.makeStream(of: OutputChunk.self)
        let task = Task {
            try await ProcessRunner(gracePeriod: .milliseconds(300)).run(
                shell("trap '' TERM; echo $$; sleep 100 & sleep 100; wait", timeout: .seconds(30)),
                output: { started.yield($0) })
        }
        let group = try #require(await lines.first { _ in true }.flatMap { pid_t($0.line) })
        let start = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(300) && elapsed < .milliseconds(300) + slack)
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
