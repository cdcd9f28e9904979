/// One whole line of live output from a running command, for progress display and logs.
struct OutputChunk: Sendable, Hashable {
    /// Which of the child's output streams it came from.
    enum Source: Sendable, Hashable {
        case stdout
        case stderr
    }

    var source: Source
    /// The line without its `\n`.
    var line: String

    init(_ source: Source, _ line: String) {
        self.source = source
        self.line = line
    }
}
