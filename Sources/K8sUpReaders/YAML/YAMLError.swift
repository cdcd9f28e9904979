import K8sUpSupport

/// A syntax or typing error in a YAML (or JSON) data file, with the place it was found.
///
/// The message says in plain English what was expected and what was found, in the spirit of PyYAML's
/// messages (which Ansible shows), e.g. `hosts.yaml:4:3: expected a mapping key at this indentation…`.
package struct YAMLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Where the problem is: the file plus 1-based line and column (column counts Unicode characters).
    package var location: SourceLocation
    /// What is wrong, without the location.
    package var message: String

    package init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): \(message)" }
}
