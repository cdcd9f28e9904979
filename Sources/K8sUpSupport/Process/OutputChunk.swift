/// One whole line of live output from a running command, for progress display and logs.
package struct OutputChunk: Sendable, Hashable {
    /// Which of the child's output streams it came from.
    package enum Source: Sendable, Hashable {
        case stdout
        case stderr
    }

    package var source: Source
    /// The line without its `\n`.
    package var line: String

    package init(_ source: Source, _ line: String) {
        self.source = source
        self.line = line
    }
}
