import K8sUpSupport

/// Splits a playbook command line into literal shell text and `{{ name }}` placeholders while following
/// the POSIX shell's quoting, so that placeholders the shell would not read as one quoted word are
/// refused when the playbook is loaded rather than misbehaving on a node.
///
/// Values are always inserted with `ShellQuoting.quote`, so a placeholder must stand where a shell word
/// (or part of one) can: not inside `'…'`, `"…"` or `$'…'`, and not right after `\` or `$`. Inside
/// `$( … )` and backticks quoting starts afresh, even within double quotes, as in the shell. Lines are
/// scanned, never evaluated; a `#` comment ends quote tracking.
struct PlaceholderScanner {
    /// The shell contexts that matter for quoting.
    private enum Context: Equatable {
        case plain, single, double, dollarSingle, backtick, substitution, comment

        /// How an error names a context a placeholder may not stand in; nil where it may.
        var quoteName: String? {
            switch self {
            case .single: return "inside single quotes"
            case .double: return "inside double quotes"
            case .dollarSingle: return "inside $'…' quotes"
            case .plain, .backtick, .substitution, .comment: return nil
            }
        }
    }

    private let characters: [Character]
    private let locate: (Int) -> SourceLocation
    private var stack: [(context: Context, offset: Int)] = [(.plain, 0)]
    private var pieces: [PlaybookShellCommand.Piece] = []
    private var literal = ""
    private var problems: [PlaybookError] = []
    private var index = 0

    /// - Parameter locate: the place in the file of a character offset of `text`.
    static func scan(_ text: String, locate: @escaping (Int) -> SourceLocation) -> (
        pieces: [PlaybookShellCommand.Piece], problems: [PlaybookError]
    ) {
        var scanner = PlaceholderScanner(characters: Array(text), locate: locate)
        scanner.run()
        return (scanner.pieces, scanner.problems)
    }

    private init(characters: [Character], locate: @escaping (Int) -> SourceLocation) {
        self.characters = characters
        self.locate = locate
    }

    private var context: Context { stack.last?.context ?? .plain }

    private func character(at offset: Int) -> Character? {
        offset < characters.count ? characters[offset] : nil
    }

    private mutating func run() {
        while index < characters.count {
            let current = characters[index]
            if current == "{", character(at: index + 1) == "{" {
                placeholder()
            } else if current == "}", character(at: index + 1) == "}" {
                problems.append(
                    .unbalancedBraces(
                        locate(index),
                        "'}}' without an opening '{{' (shell or awk braces must be written '} }' here)"))
                literal += "}}"
                index += 2
            } else {
                shellCharacter(current)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        if let open = stack.last(where: { $0.context != .substitution && $0.context != .comment }),
            let name = Self.openerName(open.context)
        {
            problems.append(.unterminatedQuote(locate(open.offset), quote: name))
        }
    }

    private static func openerName(_ context: Context) -> String? {
        switch context {
        case .single: return "single quote"
        case .double: return "double quote"
        case .dollarSingle: return "$' quote"
        case .backtick: return "backtick"
        case .plain, .substitution, .comment: return nil
        }
    }

    private mutating func placeholder() {
        let start = index
        var close = index + 2
        while close + 1 < characters.count, !(characters[close] == "}" && characters[close + 1] == "}") {
            close += 1
        }
        guard close + 1 < characters.count else {
            problems.append(.unbalancedBraces(locate(start), "'{{' is never closed by '}}'"))
            literal += String(characters[start...])
            index = characters.count
            return
        }
        let inner = String(characters[(start + 2)..<close])
        index = close + 2
        let name = inner.trimmingCharacters(in: .whitespaces)
        guard Self.isName(name) else {
            problems.append(.badPlaceholder(locate(start), text: inner))
            return
        }
        if let quote = context.quoteName {
            problems.append(.quotedPlaceholder(locate(start), name: name, context: quote))
        } else if context != .comment, start > 0, characters[start - 1] == "\\" || characters[start - 1] == "$" {
            problems.append(
                .quotedPlaceholder(locate(start), name: name, context: "right after '\(characters[start - 1])'"))
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        literal = ""
        pieces.append(.placeholder(name: name, location: locate(start)))
    }

    /// Copies one character (two for an escape or a two-character opener) and follows the quoting.
    private mutating func shellCharacter(_ current: Character) {
        let next = character(at: index + 1)
        var length = 1
        switch (context, current) {
        case (.comment, _):
            break
        case (.single, "'"), (.dollarSingle, "'"), (.double, "\""), (.backtick, "`"):
            stack.removeLast()
        case (.single, _):
            break
        case (_, "\\"):
            // An escaped `{{` is reported by `placeholder()`, so leave the braces to it.
            if next != "{" || character(at: index + 2) != "{" { length = next == nil ? 1 : 2 }
        case (.dollarSingle, _):
            break
        case (.double, "$") where next == "(":
            stack.append((.substitution, index))
            length = 2
        case (.double, "`"):
            stack.append((.backtick, index))
        case (.double, _):
            break
        case (_, "'"):
            stack.append((.single, index))
        case (_, "\""):
            stack.append((.double, index))
        case (_, "`"):
            stack.append((.backtick, index))
        case (_, "$") where next == "'":
            stack.append((.dollarSingle, index))
            length = 2
        case (_, "$") where next == "(":
            stack.append((.substitution, index))
            length = 2
        case (.substitution, "("):
            stack.append((.substitution, index))
        case (.substitution, ")"):
            stack.removeLast()
        case (_, "#") where isWordStart(index):
            stack.append((.comment, index))
        default:
            break
        }
        literal += String(characters[index..<min(index + length, characters.count)])
        index += length
    }

    /// Whether a `#` here starts a comment: at the start of the line or of a shell token.
    private func isWordStart(_ offset: Int) -> Bool {
        guard offset > 0 else { return true }
        return " \t;&|()<>".contains(characters[offset - 1])
    }

    /// Letters, digits and `_`, not starting with a digit: the names vars can have.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
