import Foundation
import K8sUpSupport

/// Reads a journal back: every entry in order, and notes about anything skipped. A last line without
/// a newline that is not a valid entry is a write cut short by a crash: it is skipped with a note.
/// Any other line that is not an entry is an error naming `file:line`.
package enum JournalReader {
    /// What a journal holds.
    package struct Contents: Sendable, Equatable {
        package var entries: [JournalEntry]
        /// Things the reader skipped, for `status` to show.
        var notes: [String]
        /// The file exists (a missing journal reads as empty: k8sup never ran `apply` there).
        var exists: Bool
    }

    /// Reads the journal in `directory`.
    package static func read(directory: String, fileSystem: any FileSystemReading = LocalFileSystem())
        throws(JournalError)
        -> Contents
    {
        let path = StateDirectory.journalPath(in: directory)
        guard fileSystem.kind(of: path) != nil else { return Contents(entries: [], notes: [], exists: false) }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.bytes(of: path)
        } catch {
            throw .cannotRead(path: path, reason: error.localizedDescription)
        }
        return try parse(bytes, path: path)
    }

    /// Parses journal bytes; `path` names the file in messages.
    package static func parse(_ bytes: [UInt8], path: String) throws(JournalError) -> Contents {
        var contents = Contents(entries: [], notes: [], exists: true)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let endsWithNewline = bytes.last == UInt8(ascii: "\n")
        let decoder = JSONDecoder()
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                contents.entries.append(try decoder.decode(JournalEntry.self, from: Data(line)))
            } catch {
                if isLast && !endsWithNewline {
                    contents.notes.append(
                        "\(path):\(index + 1): the last line was cut off (k8sup stopped while writing it); "
                            + "ignored (\(line.count) bytes)")
                    continue
                }
                throw .badLine(path: path, line: index + 1, reason: ErrorText.describe(error))
            }
        }
        return contents
    }
}
