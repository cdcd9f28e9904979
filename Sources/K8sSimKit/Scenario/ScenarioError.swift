import K8sUpCluster
import K8sUpInventory
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// A problem in a scenario file (or a faults body), with the place it was found.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
