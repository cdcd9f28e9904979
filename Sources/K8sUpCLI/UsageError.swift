/// A command line k8sup cannot act on (exit code 64). The message names the offending argument; the
/// CLI adds the command's usage line and where to find help.
struct UsageError: Error, Equatable, CustomStringConvertible {
    package let message: String
    /// The command the error belongs to (`inventory`), or nil for the top level.
    package let command: String?

    package init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    package var description: String { message }
}
