import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `FakeRunner`, the test double other suites use in place of `ProcessRunner`.
@Suite struct FakeRunnerTests {
    @Test func recordsCommandsInOrderAndAnswersByDisplayLine() async throws {
        let runner = FakeRunner()
        runner.on("kubectl get nodes -o json", .success(stdout: "{}"))
        runner.on("kubectl drain node-1", .failure(exit: 1, stderr: "cannot evict"))
        let nodes = try await runner.run(Command("kubectl", ["get", "nodes", "-o", "json"], timeout: .seconds(5)))
        let drain = try await runner.run(Command("kubectl", ["drain", "node-1"], timeout: .seconds(5)))
        #expect(nodes.stdout == "{}")
        #expect(drain.termination == .exited(1))
        #expect(runner.displayLines == ["kubectl get nodes -o json", "kubectl drain node-1"])
        #expect(runner.commands.map(\.timeout) == [.seconds(5), .seconds(5)])
    }

    @Test func refusesAnUnexpectedCommandNamingIt() async {
        let runner = FakeRunner()
        runner.on("kubectl version", .success())
        let error = await #expect(throws: FakeRunner.UnexpectedCommand.self) {
            try await runner.run(Command("kubeadm", ["reset", "-f"], timeout: .seconds(5)))
        }
        #expect(error?.description == "FakeRunner: unexpected command: kubeadm reset -f; it knows:\n  kubectl version")
        #expect(runner.displayLines == ["kubeadm reset -f"])
        #expect(runner.unusedResponses == ["kubectl version"])
    }

    @Test func givesSeveralAnswersInTurnAndRepeatsTheLast() async throws {
        let runner = FakeRunner()
        runner.on("check", where: { $0.executable == "kubectl" }, .failure(), .success(stdout: "Ready"))
        var statuses: [Int32] = []
        for _ in 0..<3 {
            statuses.append(try await runner.run(Command("kubectl", ["get", "node"], timeout: .seconds(1))).exitStatus)
        }
        #expect(statuses == [1, 0, 0])
    }

    @Test func throwsACannedError() async {
        let runner = FakeRunner()
        runner.on("ssh node-1 true", throwing: CommandError.executableNotFound("ssh", searchPath: "/usr/bin"))
        await #expect(throws: CommandError.executableNotFound("ssh", searchPath: "/usr/bin")) {
            try await runner.run(Command("ssh", ["node-1", "true"], timeout: .seconds(1)))
        }
    }

    @Test func matchesTheMaskedDisplayLineAndReplaysOutputLines() async throws {
        let runner = FakeRunner()
        runner.on("kubeadm join '--token=***'", .success(stdout: "a\nb", stderr: "warn\n"))
        let collector = LineCollector()
        let command = Command("kubeadm", ["join", "--token=abc"], timeout: .seconds(1), secretArguments: [1])
        _ = try await runner.run(command, output: collector.sink)
        #expect(collector.lines(.stdout) == ["a", "b"])
        #expect(collector.lines(.stderr) == ["warn"])
    }
}
