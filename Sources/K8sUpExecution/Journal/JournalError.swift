/// Why the journal could not be written or read. Each message names the file (and line) and what to do.
package enum JournalError: Error, Equatable, CustomStringConvertible {
    /// The state directory could not be created or is not a directory.
    case cannotCreateDirectory(path: String, reason: String)
    /// The journal file could not be opened (or made private) for appending.
    case cannotOpen(path: String, reason: String)
    /// An entry could not be written or synced to disk.
    case cannotWrite(path: String, reason: String)
    /// The journal exists but could not be read.
    case cannotRead(path: String, reason: String)
    /// A line other than a torn last one is not a journal entry.
    case badLine(path: String, line: Int, reason: String)

    package var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create the state directory \(path): \(reason); pass --state-dir with a writable directory"
        case .cannotOpen(let path, let reason):
            return "cannot open the journal \(path) for writing: \(reason); nothing was changed"
        case .cannotWrite(let path, let reason):
            return "cannot write the journal \(path): \(reason); "
                + "the disk may be full — free space before running k8sup again, since it resumes from this file"
        case .cannotRead(let path, let reason):
            return "cannot read the journal \(path): \(reason)"
        case .badLine(let path, let line, let reason):
            return "\(path):\(line): not a k8sup journal entry (\(reason)); the journal is append-only JSON "
                + "lines written by k8sup — restore the file or move it aside (k8sup then forgets the earlier runs)"
        }
    }

    /// Reading errors are bad input (exit 65); writing errors are failures of this run (exit 1).
    package var isInputError: Bool {
        switch self {
        case .badLine, .cannotRead: true
        case .cannotCreateDirectory, .cannotOpen, .cannotWrite: false
        }
    }
}
