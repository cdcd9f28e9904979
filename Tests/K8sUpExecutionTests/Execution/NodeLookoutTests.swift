import Foundation
import K8sUpTestSupport
import Synchronization
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpSupport

/// The looks at nodes asked for while a read runs are read together by the next read, each look gets
/// its own node, and a node the answer lacks fails only its own look.
@Suite("Node lookout")
struct NodeLookoutTests {
    private static let kubectl = KubectlCommands(
        kubectl: "kubectl", drainTimeout: .seconds(30), nodeReadyTimeout: .seconds(60))

    @Test func looksAskedWhileAReadRunsAreReadTogetherByTheNext() async throws {
        let runner = GatedRunner { command in
            let names = command.arguments.filter { $0.hasPrefix("w") }
            if names.count == 1 { return CommandResult.success(stdout: ExecutorFixture.nodeJSON(names[0])) }
            let items = names.map { ExecutorFixture.nodeJSON($0, version: "v1.29.8", cordoned: $0 == "w3") }
            return CommandResult.success(stdout: #"{"kind":"List","items":["# + items.joined(separator: ",") + "]}")
        }
        let lookout = NodeLookout(runner: runner, kubectl: Self.kubectl, log: nil)
        let first = Task { try await lookout.look(at: "w1") }
        await runner.waitUntilRunning()
        let second = Task { try await lookout.look(at: "w2") }
        while await lookout.waitingLooks < 1 { await Task.yield() }
        let third = Task { try await lookout.look(at: "w3", budget: .putBack) }
        while await lookout.waitingLooks < 2 { await Task.yield() }
        runner.open()

        let w1 = try await first.value
        let w2 = try await second.value
        let w3 = try await third.value
        #expect(w1.name == "w1" && w1.kubeletVersion == KubeVersion("v1.30.4"))
        #expect(w2.name == "w2" && w2.kubeletVersion == KubeVersion("v1.29.8") && !w2.isUnschedulable)
        #expect(w3.name == "w3" && w3.isUnschedulable)
        #expect(runner.lines == ["kubectl get node w1 -o json", "kubectl get nodes w2 w3 -o json"])
        // The shared read is retried as long as the most patient look asked for.
        #expect(runner.commands.last?.retry == .kubectl(.putBack))
    }

    @Test func aNodeTheAnswerLacksFailsOnlyItsOwnLook() async throws {
        let runner = GatedRunner { command in
            guard command.arguments.contains("nodes") else {
                return CommandResult.success(stdout: ExecutorFixture.nodeJSON("w1"))
            }
            return CommandResult.failure(
                stdout: #"{"kind":"List","items":["# + ExecutorFixture.nodeJSON("w2") + "]}",
                stderr: #"Error from server (NotFound): nodes "w9" not found"#)
        }
        let lookout = NodeLookout(runner: runner, kubectl: Self.kubectl, log: nil)
        let first = Task { try await lookout.look(at: "w1") }
        await runner.waitUntilRunning()
        let found = Task { try await lookout.look(at: "w2") }
        while await lookout.waitingLooks < 1 { await Task.yield() }
        let missing = Task { try await lookout.look(at: "w9") }
        while await lookout.waitingLooks < 2 { await Task.yield() }
        runner.open()

        _ = try await first.value
        #expect(try await found.value.name == "w2")
        let error = await #expect(throws: CommandError.self) { try await missing.value }
        #expect(error?.description.contains(#"nodes "w9" not found"#) == true)
    }

    @Test func aReadThatFailsFailsEveryLookOfItsRound() async throws {
        let runner = GatedRunner { _ in CommandResult.failure(stderr: "error: You must be logged in to the server") }
        runner.open()
        let lookout = NodeLookout(runner: runner, kubectl: Self.kubectl, log: nil)
        await #expect(throws: CommandError.self) { try await lookout.look(at: "w1") }
        // The lookout reads again for the next look; nothing stays stuck behind the failed read.
        await #expect(throws: CommandError.self) { try await lookout.look(at: "w2") }
        #expect(runner.lines == ["kubectl get node w1 -o json", "kubectl get node w2 -o json"])
    }
}

/// Answers with `answer`, holding its first command until `open()`: the looks asked for meanwhile queue up.
private final class GatedRunner: CommandRunning {
    private let answer: @Sendable (Command) -> CommandResult
    private let state = Mutex<(commands: [Command], open: Bool)>(([], false))

    init(answer: @escaping @Sendable (Command) -> CommandResult) { self.answer = answer }

    var commands: [Command] { state.withLock { $0.commands } }
    var lines: [String] { commands.map(\.displayLine) }

    func open() { state.withLock { $0.open = true } }

    func waitUntilRunning() async {
        while state.withLock({ $0.commands.isEmpty }) { await Task.yield() }
    }

    func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        state.withLock { $0.commands.append(command) }
        while !state.withLock({ $0.open }) { await Task.yield() }
        return answer(command)
    }
}
