import K8sUpUseCases

/// A `k8sup` subcommand. Adding a command means one type conforming to this and one line in
/// `CLI.commands`.
protocol Subcommand {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; throws usage, input or runtime errors for `CLI` to map to exit codes.
    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode
}
