/// A place in an input file, for error messages an operator can act on: `hosts.yaml:12:5`.
package struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file as the operator named it (or a description such as `<string>` for in-memory input).
    package var file: String
    /// 1-based line number; 0 when the position within the file is unknown.
    package var line: Int
    /// 1-based column number; 0 when only the line is known.
    package var column: Int

    package init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out the parts that are unknown.
    package var description: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
