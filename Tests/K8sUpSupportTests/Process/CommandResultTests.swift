import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `CommandResult` helpers and the messages of `CommandError`.
@Suite struct CommandResultTests {
    @Test func stderrTailKeepsTheLastNonEmptyLines() {
        let result = CommandResult.failure(stderr: "one\ntwo\n\nthree\nfour\n")
        #expect(result.stderrTail(lines: 2) == "three\nfour")
        #expect(result.stderrTail(lines: 10) == "one\ntwo\nthree\nfour")
    }

    @Test func stderrTailFallsBackToStdoutWhenStderrIsEmpty() {
        #expect(
            CommandResult.failure(stdout: "E: Unable to locate package\n", stderr: "\n").stderrTail()
                == "E: Unable to locate package")
    }

    @Test func failedMessageNamesTheExitAndTheOutput() {
        let command = Command("kubectl", ["get", "nodes"], timeout: .seconds(30))
        let result = CommandResult.failure(stderr: "error: You must be logged in\nto the server (Unauthorized)\n")
        #expect(
            CommandError(command, result)?.description
                == "kubectl get nodes failed (exit 1): error: You must be logged in\n    to the server (Unauthorized)")
    }

    @Test func killedMessageNamesTheSignal() {
        let command = Command("kubeadm", ["upgrade", "plan"], timeout: .seconds(30))
        let result = CommandResult(termination: .signalled(9))
        #expect(
            CommandError(command, result)?.description
                == "kubeadm upgrade plan failed (killed by SIGKILL, exit 137) with no output")
    }

    @Test func timedOutMessageNamesTheTimeout() {
        let command = Command("kubectl", ["get", "nodes"], timeout: .seconds(30))
        #expect(
            CommandError(command, .timedOut(stderr: "waiting\n"))?.description
                == "kubectl get nodes timed out after 30s and was stopped: waiting")
    }

    @Test func successIsNoError() {
        #expect(CommandError(Command("true", timeout: .seconds(1)), .success()) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(30), "30s"), (.seconds(120), "2m"), (.seconds(90), "1m30s"), (.milliseconds(1500), "1.5s"),
        (.milliseconds(250), "250ms"),
    ])
    func durationsReadCompactly(duration: Duration, text: String) {
        #expect(duration.compactDescription == text)
    }
}
