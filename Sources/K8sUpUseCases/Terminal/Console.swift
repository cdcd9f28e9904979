import Foundation

/// Where commands write: results to standard output, diagnostics to standard error. Behind a protocol
/// so tests capture both streams without touching the real file descriptors.
package protocol Console: Sendable {
    func writeOutput(_ text: String)
    func writeError(_ text: String)
    /// Writes UTF-8 bytes to standard output: large results (`inventory --list`) go out without
    /// being turned into a `String` first.
    func writeOutput(bytes: [UInt8])
}

extension Console {
    package func writeOutput(bytes: [UInt8]) {
        writeOutput(String(decoding: bytes, as: UTF8.self))
    }

    /// Prints `k8sup: warning: …` on standard error.
    package func warn(_ message: String) {
        writeError("k8sup: warning: \(message)\n")
    }
}

/// The real terminal: unbuffered writes to file descriptors 1 and 2.
package struct StandardConsole: Console {
    package init() {}

    package func writeOutput(_ text: String) {
        FileHandle.standardOutput.writeAll(text)
    }

    package func writeError(_ text: String) {
        FileHandle.standardError.writeAll(text)
    }

    package func writeOutput(bytes: [UInt8]) {
        try? FileHandle.standardOutput.write(contentsOf: bytes)
    }
}

extension FileHandle {
    /// Writes everything, ignoring EPIPE (`k8sup … | head` must not die with a signal or an exception).
    func writeAll(_ text: String) {
        try? write(contentsOf: Data(text.utf8))
    }
}
