import K8sUpSupport

/// What a session showed of each of its command lines once it is over: which began, their output and
/// the statuses that arrived, and the output that belongs to no line. Built from the events of
/// `SessionOutputParser`.
package struct SessionTranscript: Sendable, Equatable {
    /// One command line of the session.
    package struct Line: Sendable, Equatable {
        /// Its begin marker arrived: it certainly started.
        package var began = false
        /// Its exit status; nil when it did not arrive (not run, or the connection dropped or the session
        /// timed out while it ran).
        package var status: Int32?
        package var stdout: [String] = []
        package var stderr: [String] = []
    }

    package var lines: [Line]
    /// Output outside every frame: ssh's own messages, a refusal before the script ran.
    package var stdout: [String] = []
    package var stderr: [String] = []

    package init(count: Int) {
        lines = Array(repeating: Line(), count: count)
    }

    package mutating func apply(_ event: SessionOutputParser.Event) {
        switch event {
        case .began(let index) where lines.indices.contains(index):
            lines[index].began = true
        case .ended(let index, let status) where lines.indices.contains(index):
            lines[index].began = true
            lines[index].status = status
        case .output(let index?, let chunk) where lines.indices.contains(index):
            switch chunk.source {
            case .stdout: lines[index].stdout.append(chunk.line)
            case .stderr: lines[index].stderr.append(chunk.line)
            }
        case .output(_, let chunk):
            switch chunk.source {
            case .stdout: stdout.append(chunk.line)
            case .stderr: stderr.append(chunk.line)
            }
        default:
            break
        }
    }

    /// The first line whose status did not arrive, when no line failed before it; nil when every line
    /// ended or one failed (the script stops at a failure, so nothing after it ran).
    package var firstUnfinished: Int? {
        for (index, line) in lines.enumerated() {
            guard let status = line.status else { return index }
            if status != 0 { return nil }
        }
        return nil
    }

    /// The line that failed with its status, if one did.
    package var failed: (index: Int, status: Int32)? {
        for (index, line) in lines.enumerated() {
            guard let status = line.status else { return nil }
            if status != 0 { return (index, status) }
        }
        return nil
    }
}
