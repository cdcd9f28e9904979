import K8sUpReaders
import K8sUpSupport

/// The lines of a playbook file, to point errors at the exact character of a command (a placeholder, a
/// quote) rather than only at where the YAML scalar starts.
///
/// The YAML reader gives each scalar's starting place but not its style, so the scalar's text is
/// matched against the file from there: plain and quoted scalars on their line, block scalars (`>-`)
/// from the next line, folded line breaks as one space. When the text does not match (escapes in a
/// double-quoted scalar, for instance), every offset maps to the scalar's start, which is still right.
struct PlaybookSourceText {
    private let lines: [[Character]]

    init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array($0) }
    }

    /// Maps a character offset of `value` (the scalar's text) to its place in the file.
    func locator(for node: YAMLNode, value: String) -> @Sendable (Int) -> SourceLocation {
        let base = node.location
        let fallback: @Sendable (Int) -> SourceLocation = { _ in base }
        guard base.line >= 1, base.line <= lines.count, base.column >= 1 else { return fallback }
        let first = lines[base.line - 1]
        var line = base.line - 1
        var column = base.column - 1
        guard column < first.count else { return fallback }
        switch first[column] {
        case "\"", "'":
            column += 1
        case "|", ">":
            line += 1
            guard line < lines.count else { return fallback }
            column = lines[line].prefix { $0 == " " || $0 == "\t" }.count
        default:
            break
        }
        guard let places = match(Array(value), fromLine: line, column: column) else { return fallback }
        let file = base.file
        return { offset in
            let place = offset < places.count ? places[offset] : places.last ?? (base.line - 1, base.column - 1)
            return SourceLocation(file: file, line: place.line + 1, column: place.column + 1)
        }
    }

    /// The 0-based line and column of each character of `text`, or nil when the file differs.
    private func match(_ text: [Character], fromLine startLine: Int, column startColumn: Int) -> [(
        line: Int, column: Int
    )]? {
        var places: [(line: Int, column: Int)] = []
        var line = startLine, column = startColumn
        for character in text {
            let current = lines[line]
            if column < current.count, current[column] == character {
                places.append((line, column))
                column += 1
            } else if character == " " || character == "\n",
                current[min(column, current.count)...].allSatisfy({ $0 == " " || $0 == "\t" }),
                line + 1 < lines.count
            {
                // A folded line break: the text continues at the next line's first non-blank.
                places.append((line, column))
                line += 1
                column = lines[line].prefix { $0 == " " || $0 == "\t" }.count
            } else {
                return nil
            }
        }
        return places
    }
}
