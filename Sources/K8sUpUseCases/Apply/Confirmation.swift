import Foundation

/// Asking before a command changes something: `--yes` answers for the operator; without it a question
/// goes to standard error and the answer comes from a terminal. With no terminal to ask (CI, a pipe),
/// the command refuses instead of guessing.
enum Confirmation {
    /// Whether to go ahead: true with `--yes` or a "y"/"yes" answer, false for any other answer.
    /// - Throws: `RequestError` when `--yes` is absent and standard input is not a terminal.
    static func confirm(
        _ question: String, assumeYes: Bool, context: CommandContext, command: String
    ) throws(RequestError) -> Bool {
        if assumeYes { return true }
        guard context.input.isTerminal else { throw .cannotAskWithoutTerminal(command: command) }
        context.console.writeError(question + " [y/N] ")
        let answer = context.input.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
