import Glibc
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity
import Synchronization

/// A `CommandRunning` for tests of code that runs commands (kubectl readers, the executor): it starts
/// nothing, records every `Command` it is asked to run, in order, and answers from canned responses.
///
/// ```swift
/// let runner = FakeRunner()
/// runner.on("kubectl get nodes -o json", .success(stdout: nodesJSON))
/// runner.on("kubectl drain node-1 --ignore-daemonsets", .failure(exit: 1, stderr: "error: cannot evict pod"))
/// runner.on("any ssh", where: { $0.executable == "ssh" }, .success())
/// runner.on("kubectl get node node-1 -o json", .success(stdout: notReady), .success(stdout: ready))
///
/// try await subject.upgrade(using: runner)
///
/// #expect(runner.displayLines == ["kubectl get nodes -o json", "kubectl drain node-1 --ignore-daemonsets"])
/// ```
///
/// - Matching: responses are tried in the order they were added and the first that matches answers.
///   A display-line key must equal `Command.displayLine` exactly: shell-quoted (`'a b'`), with secret
///   arguments shown as `***` (`'--token=***'`); print `runner.displayLines` to see what was asked.
///   A predicate key sees the whole `Command` (executable, arguments, environment, timeout).
/// - Several answers for one key are given in turn, and the last one repeats (for polling loops).
/// - An answer can be a thrown error (`on(_:throwing:)`), e.g. `CommandError.executableNotFound`.
/// - A command nothing matches is still recorded, and `run` throws `FakeRunner.UnexpectedCommand`,
///   whose message names the command and the keys that exist, so the test fails saying what ran.
/// - Live output: a canned result's stdout lines, then its stderr lines, go to the `output` sink.
/// - Like the real runner it throws `CancellationError` if the calling task is already cancelled.
package final class FakeRunner: CommandRunning {
    /// One canned answer: a result, or an error `run` throws.
    package enum Answer: Sendable {
        case result(CommandResult)
        case error(any Error)
        /// A result computed from the command (echo-like fakes).
        case computed(@Sendable (Command) -> CommandResult)
    }

    /// `run` was asked for a command no response matches.
    package struct UnexpectedCommand: Error, CustomStringConvertible {
        package init(command: Command, knownKeys: [String]) {
            self.command = command
            self.knownKeys = knownKeys
        }

        package let command: Command
        package let knownKeys: [String]

        package var description: String {
            let known =
                knownKeys.isEmpty
                ? " (it has no responses)"
                : "; it knows:\n"
                    + knownKeys.map { "  \($0)" }
                    .joined(separator: "\n")
            return "FakeRunner: unexpected command: \(command.displayLine)\(known)"
        }
    }

    /// A key and its answers; `uses` counts the commands it has answered.
    private struct Response {
        let key: String
        let matches: @Sendable (Command) -> Bool
        let answers: [Answer]
        var uses = 0
    }

    private let state = Mutex<(responses: [Response], commands: [Command])>(([], []))

    package init() {}

    /// Answers the command whose display line is exactly `displayLine` with `results`, in turn.
    package func on(_ displayLine: String, _ results: CommandResult...) {
        add(displayLine, { $0.displayLine == displayLine }, results.map(Answer.result))
    }

    /// Makes `run` throw `error` for the command whose display line is exactly `displayLine`.
    package func on(_ displayLine: String, throwing error: any Error) {
        add(displayLine, { $0.displayLine == displayLine }, [.error(error)])
    }

    /// Answers every command `predicate` accepts with `results`, in turn; `label` names the response
    /// in failure messages and `unusedResponses`.
    package func on(
        _ label: String, where predicate: @escaping @Sendable (Command) -> Bool, _ results: CommandResult...
    ) {
        add(label, predicate, results.map(Answer.result))
    }

    /// Every command asked for, in order, including unexpected ones.
    package var commands: [Command] { state.withLock { $0.commands } }

    /// `commands` as display lines: the easiest thing to compare in an `#expect`.
    package var displayLines: [String] { commands.map(\.displayLine) }

    /// The keys of responses no command has used yet (an expected command that never ran).
    package var unusedResponses: [String] {
        state.withLock { $0.responses.filter { $0.uses == 0 }.map(\.key) }
    }

    package func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        try Task.checkCancellation()
        let answer: Answer? = state.withLock { state in
            state.commands.append(command)
            guard let index = state.responses.firstIndex(where: { $0.matches(command) }) else { return nil }
            let response = state.responses[index]
            state.responses[index].uses += 1
            return response.answers[min(response.uses, response.answers.count - 1)]
        }
        switch answer {
        case .result(let result)?:
            if let output { Self.replay(result, to: output) }
            return result
        case .computed(let compute)?:
            let result = compute(command)
            if let output { Self.replay(result, to: output) }
            return result
        case .error(let error)?:
            throw error
        case nil:
            throw UnexpectedCommand(command: command, knownKeys: state.withLock { $0.responses.map(\.key) })
        }
    }

    /// Answers every command `predicate` accepts with what `answer` computes from it.
    package func on(
        _ label: String, where predicate: @escaping @Sendable (Command) -> Bool,
        answer: @escaping @Sendable (Command) -> CommandResult
    ) {
        add(label, predicate, [.computed(answer)])
    }

    private func add(_ key: String, _ matches: @escaping @Sendable (Command) -> Bool, _ answers: [Answer]) {
        precondition(!answers.isEmpty, "FakeRunner.on(\(key)): give at least one result")
        state.withLock { $0.responses.append(Response(key: key, matches: matches, answers: answers)) }
    }

    private static func replay(_ result: CommandResult, to output: @Sendable (OutputChunk) -> Void) {
        for (source, text) in [(OutputChunk.Source.stdout, result.stdout), (.stderr, result.stderr)] {
            var splitter = LineSplitter()
            for line in splitter.append(Array(text.utf8)) { output(OutputChunk(source, line)) }
            if let last = splitter.finish() { output(OutputChunk(source, last)) }
        }
    }
}

extension CommandResult {
    /// Exit 0 with the given output: a canned answer for `FakeRunner`.
    package static func success(stdout: String = "", stderr: String = "") -> CommandResult {
        CommandResult(termination: .exited(0), stdout: stdout, stderr: stderr)
    }

    /// A non-zero exit (1 unless given) with the given output.
    package static func failure(exit code: Int32 = 1, stdout: String = "", stderr: String = "") -> CommandResult {
        CommandResult(termination: .exited(code), stdout: stdout, stderr: stderr)
    }

    /// A command k8sup stopped at its timeout (it exited on SIGTERM).
    package static func timedOut(stdout: String = "", stderr: String = "") -> CommandResult {
        CommandResult(termination: .signalled(SIGTERM), timedOut: true, stdout: stdout, stderr: stderr)
    }
}
