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

/// A console that keeps what commands write, for assertions.
package final class CapturingConsole: Console {
    package init() {}

    private let streams = Mutex<(output: String, error: String)>(("", ""))

    package func writeOutput(_ text: String) { streams.withLock { $0.output += text } }
    package func writeError(_ text: String) { streams.withLock { $0.error += text } }

    package var output: String { streams.withLock { $0.output } }
    package var error: String { streams.withLock { $0.error } }
}

/// Runs the k8sup CLI in-process and returns the exit code with both streams.
package func runK8sup(
    _ arguments: [String], environment: [String: String] = [:], terminal: Bool = false
) async -> (code: ExitCode, output: String, error: String) {
    let console = CapturingConsole()
    let context = CommandContext(
        console: console, environment: environment, workingDirectory: TestPaths.packageRoot, outputIsTerminal: terminal)
    let code = await CLI.run(arguments: arguments, context: context)
    return (code, console.output, console.error)
}
