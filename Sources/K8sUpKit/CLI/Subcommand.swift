/// What a command needs from the outside world, so commands stay testable: the console, the
/// environment and the current directory.
public struct CommandContext: Sendable {
    public let console: any Console
    public let environment: [String: String]
    public let workingDirectory: String

    public init(console: any Console, environment: [String: String], workingDirectory: String) {
        self.console = console
        self.environment = environment
        self.workingDirectory = workingDirectory
    }
}

/// A `k8sup` subcommand. Adding a command means one type conforming to this and one line in
/// `CLI.commands`.
protocol Subcommand {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; throws usage, input or runtime errors for `CLI` to map to exit codes.
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode
}
