import Foundation

/// Where commands read an operator's answers from (confirmations). Behind a protocol so tests can
/// script answers, and so a command can tell whether anyone is there to answer.
package protocol ConsoleInput: Sendable {
    /// Standard input is a terminal: a person can answer a question.
    var isTerminal: Bool { get }
    /// One line without its newline; nil at end of input.
    func readLine() -> String?
}

/// The process's standard input.
package struct StandardInput: ConsoleInput {
    package init() {}

    package var isTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    package func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }
}

/// No input at all (not a terminal, end of input at once): the default for contexts built in tests.
package struct NoInput: ConsoleInput {
    package init() {}

    package var isTerminal: Bool { false }

    package func readLine() -> String? { nil }
}
