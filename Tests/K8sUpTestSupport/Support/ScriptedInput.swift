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

/// A terminal whose operator types the given lines.
package final class ScriptedInput: ConsoleInput {
    package let isTerminal: Bool
    private let lines: Mutex<[String]>

    package init(_ lines: [String], isTerminal: Bool = true) {
        self.isTerminal = isTerminal
        self.lines = Mutex(lines)
    }

    package func readLine() -> String? {
        lines.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
