import K8sUpSupport

/// One command of a step list: a shell command line with `{{ name }}` placeholders, and the conditions
/// that must all hold for a host before it runs there.
package struct PlaybookShellCommand: Sendable, Equatable {
    /// Literal shell text, or a placeholder whose value is inserted shell-quoted.
    package enum Piece: Sendable, Equatable {
        case text(String)
        case placeholder(name: String, location: SourceLocation)
    }

    /// The command line as written in the playbook.
    package let text: String
    package let pieces: [Piece]
    /// All must hold (an empty list always does).
    package let conditions: [PlaybookCondition]
    /// Where the command starts in the playbook.
    package let location: SourceLocation
    /// Whether k8sup may run the command again by itself when the ssh connection dropped while it ran
    /// (`rerun: false` says no: a second copy next to one still running on the node would do harm).
    package let rerun: Bool

    package init(
        text: String, pieces: [Piece], conditions: [PlaybookCondition], location: SourceLocation, rerun: Bool = true
    ) {
        self.text = text
        self.pieces = pieces
        self.conditions = conditions
        self.location = location
        self.rerun = rerun
    }

    /// The placeholder names the command line uses, in order of appearance.
    var placeholderNames: [String] {
        pieces.compactMap {
            if case .placeholder(let name, _) = $0 { return name }
            return nil
        }
    }
}
