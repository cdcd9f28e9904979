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

/// Checks that a message speaks an operator's words.
package enum OperatorWords {
    /// Internal names and Swift dumps found in `text`: camelCase identifiers, module-qualified type
    /// names, `Optional(…)`, NSError dumps.
    package static func leaks(in text: String) -> [String] {
        var found = text.matches(of: /\b[a-z]+[A-Z][A-Za-z]*\b/).map { String($0.output) }
        found += text.matches(of: /\b(?:K8sUp[A-Za-z]*|PythonParity)\./).map { String($0.output) }
        for marker in ["Optional(", "Error Domain=", "Context(codingPath"] where text.contains(marker) {
            found.append(marker)
        }
        return found
    }
}
