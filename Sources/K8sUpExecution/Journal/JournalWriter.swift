import Glibc
import K8sUpSupport
import Synchronization

/// Appends entries to `<state dir>/journal.jsonl`: one JSON object per line, each written with a single
/// write(2) and fsync'd before `append` returns, so after a crash the file holds every entry whose
/// `append` returned, plus at most one torn last line (which `JournalReader` ignores).
///
/// The directory is created 0700 and the file 0600 (an existing file is made 0600): the journal names
/// hosts and users. Safe to use from several tasks; appends are serialised. `append` blocks its thread
/// for the fsync (milliseconds on a local disk): call it at step boundaries, not in tight loops.
package final class JournalWriter: JournalRecording {
    package let path: String
    /// The open descriptor; -1 once closed.
    private let descriptor: Mutex<Int32>

    /// Opens (creating if needed) the journal in `directory`.
    package init(directory: String) throws(JournalError) {
        try StateDirectory.create(directory)
        let path = StateDirectory.journalPath(in: directory)
        self.path = path
        var info = stat()
        let existed = stat(path, &info) == 0
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: ErrorText.errnoText()) }
        // An existing file keeps its mode on open; a journal someone made readable is made private again.
        guard fchmod(fd, 0o600) == 0 else {
            let reason = ErrorText.errnoText()
            Glibc.close(fd)
            throw .cannotOpen(path: path, reason: "cannot make it private (mode 0600): \(reason)")
        }
        if !existed {
            // The new directory entry must be durable too, or a crash could lose the whole file.
            let directoryFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directoryFD >= 0 {
                _ = fsync(directoryFD)
                Glibc.close(directoryFD)
            }
        }
        descriptor = Mutex(fd)
    }

    deinit {
        close()
    }

    package func append(_ entry: JournalEntry) throws(JournalError) {
        let line: String
        do {
            line = try entry.line() + "\n"
        } catch {
            throw .cannotWrite(path: path, reason: "cannot encode the entry: \(ErrorText.describe(error))")
        }
        try descriptor.withLock { fd throws(JournalError) in
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: "the journal was already closed") }
            try write(Array(line.utf8), to: fd)
            guard fsync(fd) == 0 else { throw .cannotWrite(path: path, reason: ErrorText.errnoText()) }
        }
    }

    /// Closes the file; later appends throw.
    package func close() {
        descriptor.withLock { fd in
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
        }
    }

    /// One write(2) for the whole line; the loop only matters for a signal or a full disk mid-write.
    private func write(_ bytes: [UInt8], to fd: Int32) throws(JournalError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: ErrorText.errnoText())
            }
            offset += written
        }
    }
}
