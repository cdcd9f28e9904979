/// A failure to set up or read a node's sandbox, with a message for the operator.
public struct SandboxError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
