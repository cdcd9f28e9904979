/// A command line k8sup cannot act on (exit code 64). The message names the offending argument; the
/// CLI adds the command's usage line and where to find help.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// The command the error belongs to (`inventory`), or nil for the top level.
    public let command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }
}
