/// What a command needs from the outside world, so commands stay testable: the console, the
/// environment and the current directory.
package struct CommandContext: Sendable {
    let console: any Console
    package let environment: [String: String]
    package let workingDirectory: String
    /// Standard output is a terminal (colour is only used there, and never with `NO_COLOR`).
    let outputIsTerminal: Bool
    /// Answers to confirmation questions.
    package let input: any ConsoleInput

    package init(
        console: any Console, environment: [String: String], workingDirectory: String, outputIsTerminal: Bool = false,
        input: any ConsoleInput = NoInput()
    ) {
        self.console = console
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.outputIsTerminal = outputIsTerminal
        self.input = input
    }

    /// Colour for results: a terminal, `NO_COLOR` unset (https://no-color.org), and not `TERM=dumb`.
    var usesColour: Bool {
        outputIsTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }
}

/// A `k8sup` subcommand. Adding a command means one type conforming to this and one line in
/// `CLI.commands`.
protocol Subcommand {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; throws usage, input or runtime errors for `CLI` to map to exit codes.
    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode
}
