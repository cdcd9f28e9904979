import Foundation

/// Where commands write: results to standard output, diagnostics to standard error. Behind a protocol
/// so tests capture both streams without touching the real file descriptors.
package protocol Console: Sendable {
    func writeOutput(_ text: String)
    func writeError(_ text: String)
}

extension Console {
    /// Prints `k8sup: warning: …` on standard error.
    func warn(_ message: String) {
        writeError("k8sup: warning: \(message)\n")
    }
}

/// The real terminal: unbuffered writes to file descriptors 1 and 2.
struct StandardConsole: Console {
    package init() {}

    func writeOutput(_ text: String) {
        FileHandle.standardOutput.writeAll(text)
    }

    func writeError(_ text: String) {
        FileHandle.standardError.writeAll(text)
    }
}

extension FileHandle {
    /// Writes everything, ignoring EPIPE (`k8sup … | head` must not die with a signal or an exception).
    func writeAll(_ text: String) {
        try? write(contentsOf: Data(text.utf8))
    }
}
