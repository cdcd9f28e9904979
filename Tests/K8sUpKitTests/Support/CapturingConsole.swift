import Synchronization

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// A console that keeps what commands write, for assertions.
final class CapturingConsole: Console {
    private let streams = Mutex<(output: String, error: String)>(("", ""))

    func writeOutput(_ text: String) { streams.withLock { $0.output += text } }
    func writeError(_ text: String) { streams.withLock { $0.error += text } }

    var output: String { streams.withLock { $0.output } }
    var error: String { streams.withLock { $0.error } }
}

/// Runs the k8sup CLI in-process and returns the exit code with both streams.
func runK8sup(
    _ arguments: [String], environment: [String: String] = [:], terminal: Bool = false
) async -> (code: ExitCode, output: String, error: String) {
    let console = CapturingConsole()
    let context = CommandContext(
        console: console, environment: environment, workingDirectory: TestPaths.packageRoot, outputIsTerminal: terminal)
    let code = await CLI.run(arguments: arguments, context: context)
    return (code, console.output, console.error)
}
