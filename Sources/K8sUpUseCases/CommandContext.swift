/// What a use case needs from the outside world, so it runs the same from the command line and from a
/// test: the console, the environment, the current directory and whoever answers questions.
package struct CommandContext: Sendable {
    package let console: any Console
    package let environment: [String: String]
    package let workingDirectory: String
    /// Standard output is a terminal (colour is only used there, and never with `NO_COLOR`).
    package let outputIsTerminal: Bool
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
    package var usesColour: Bool {
        outputIsTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }
}
