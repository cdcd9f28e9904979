/// A failure to set up or read a node's sandbox, with a message for the operator.
package struct SandboxError: Error, CustomStringConvertible, Sendable, Equatable {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
