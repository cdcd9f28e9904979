import K8sUpSupport
import PythonParity

/// A var a playbook declares under `vars:`: a name its commands may use, with the default that inventory
/// vars of the same name override per host. Without a default, every host must set it.
package struct PlaybookVariable: Sendable, Equatable {
    package let name: String
    /// A string, integer or boolean; nil when declared empty (`name:`), so the inventory must set it.
    package let defaultValue: DataValue?
    /// Where it is declared, for errors about it.
    package let location: SourceLocation

    package init(name: String, defaultValue: DataValue?, location: SourceLocation) {
        self.name = name
        self.defaultValue = defaultValue
        self.location = location
    }
}
