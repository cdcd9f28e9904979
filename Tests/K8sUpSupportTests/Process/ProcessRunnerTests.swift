import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `ProcessRunner` with real `/bin/sh` children: how they end, what they see, what they print.
@Suite struct ProcessRunnerTests {
    let runner = ProcessRunner()

    @Test(arguments: [0, 1, 42] as [Int32])
    func reportsTheExitCode(code: Int32) async throws {
        let result = try await runner.run(shell("exit \(code)"))
        #expect(result.termination == .exited(code))
        #expect(result.exitStatus == code)
        #expect(result.succeeded == (code == 0))
        #expect(!result.timedOut)
    }

    @Test(arguments: [("-9", SIGKILL, 137), ("-TERM", SIGTERM, 143)] as [(String, Int32, Int32)])
    func reportsTheSignalThatKilledTheChild(option: String, signal: Int32, status: Int32) async throws {
        let result = try await runner.run(shell("kill \(option) $$; sleep 5"))
        #expect(result.termination == .signalled(signal))
        #expect(result.exitStatus == status)
        #expect(!result.succeeded)
        #expect(!result.timedOut)
    }

    @Test func capturesBothStreamsAndTheDuration() async throws {
        let result = try await runner.run(shell("echo out; echo err >&2; sleep 0.1"))
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
        #expect(!result.stdoutTruncated && !result.stderrTruncated)
        // At least the child's sleep; the upper bound only catches a duration that is not this run's
        // (a loaded machine can take seconds to start a shell).
        #expect(result.duration >= .milliseconds(100) && result.duration < .seconds(120))
    }

    @Test func missingExecutableIsReportedBeforeAnythingRuns() async throws {
        var command = Command("k8sup-no-such-tool", ["version"], timeout: .seconds(120))
        command.environment = ["PATH": "/nonexistent/bin:/usr/bin"]
        let collector = LineCollector()
        let error = await #expect(throws: CommandError.self) { try await runner.run(command, output: collector.sink) }
        #expect(error == .executableNotFound("k8sup-no-such-tool", searchPath: "/nonexistent/bin:/usr/bin"))
        #expect(error?.description.contains("k8sup-no-such-tool: command not found") == true)
        #expect(error?.description.contains("/nonexistent/bin:/usr/bin") == true)
    }

    @Test func missingWorkingDirectoryIsALaunchFailure() async throws {
        var command = shell("pwd")
        command.workingDirectory = "/nonexistent-k8sup-dir"
        let error = await #expect(throws: CommandError.self) { try await runner.run(command) }
        #expect(error?.description.contains("working directory /nonexistent-k8sup-dir does not exist") == true)
    }

    @Test func runsInTheWorkingDirectory() async throws {
        var command = shell("pwd")
        command.workingDirectory = "/usr/bin"
        #expect(try await runner.run(command).stdout == "/usr/bin\n")
    }

    @Test func mergesTheExtraEnvironmentOverTheInheritedOne() async throws {
        var command = shell(#"printf '%s\n' "$K8SUP_RUNNER_TEST" "$PATH" "$HOME""#)
        command.environment = ["K8SUP_RUNNER_TEST": "extra value", "HOME": "/tmp/k8sup-home"]
        let result = try await runner.run(command)
        let inheritedPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        #expect(result.stdout == "extra value\n\(inheritedPath)\n/tmp/k8sup-home\n")
    }

    @Test func looksTheExecutableUpOnThePath() async throws {
        let result = try await runner.run(Command("printf", ["%s", "found"], timeout: .seconds(120)))
        #expect(result.stdout == "found")
    }

    /// Swift concurrency threads block most signals, and a child inherits its parent thread's mask.
    /// (Not through `sh`: dash clears its mask at startup and would hide the problem.)
    @Test func childStartsWithNoSignalsBlocked() async throws {
        let result = try await runner.run(Command("grep", ["SigBlk", "/proc/self/status"], timeout: .seconds(120)))
        #expect(result.stdout == "SigBlk:\t0000000000000000\n")
    }

    /// A child that reads stdin finds it empty at once, whatever k8sup's own stdin is. The check runs
    /// in a separate process whose stdin is a pipe nobody writes to, where an inherited stdin would
    /// keep `cat` waiting until the timeout.
    @Test func stdinIsDevNull() async {
        await #expect(processExitsWith: .success) {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0, dup2(ends[0], 0) == 0 else { exit(2) }
            let result = try await ProcessRunner().run(
                Command("cat", timeout: .seconds(60)), output: nil)
            let fd0 = try await ProcessRunner().run(shell("readlink /proc/self/fd/0"))
            exit(result.succeeded && result.stdout.isEmpty && !result.timedOut && fd0.stdout == "/dev/null\n" ? 0 : 1)
        }
    }

    @Test func sinkGetsWholeLinesInOrderPerStreamIncludingAnUnterminatedLast() async throws {
        let collector = LineCollector()
        let script = "printf 'a\\nb\\n'; printf 'e1\\n' >&2; printf 'par'; sleep 0.05; printf 'tial'; printf e2 >&2"
        let result = try await runner.run(shell(script), output: collector.sink)
        #expect(collector.lines(.stdout) == ["a", "b", "partial"])
        #expect(collector.lines(.stderr) == ["e1", "e2"])
        #expect(result.stdout == "a\nb\npartial")
    }

    @Test func sinkJoinsALineWrittenInSeveralPieces() async throws {
        let collector = LineCollector()
        _ = try await runner.run(
            shell("printf hel; sleep 0.05; printf 'lo\\nwor'; sleep 0.05; printf 'ld\\n'"), output: collector.sink)
        #expect(collector.lines(.stdout) == ["hello", "world"])
    }

    @Test func runCheckedTurnsAFailureIntoAReadableError() async throws {
        let command = shell("echo starting; echo 'error: nodes is forbidden' >&2; exit 1")
        let error = await #expect(throws: CommandError.self) { try await runner.runChecked(command) }
        #expect(
            error?.description == "/bin/sh -c 'echo starting; echo '\\''error: nodes is forbidden'\\'' >&2; exit 1' "
                + "failed (exit 1): error: nodes is forbidden")
        #expect(try await runner.runChecked(shell("echo fine")).stdout == "fine\n")
    }
}
