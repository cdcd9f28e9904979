import K8sUpReaders
import K8sUpSupport
import PythonParity

/// A problem in a scenario file (or a faults body), with the place it was found.
package struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String

    package init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): \(message)" }
}
