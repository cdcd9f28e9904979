import Foundation
import Glibc

/// The directory where k8sup keeps its state (journal, lock manifests, ssh sockets, logs): `--state-dir`,
/// else `.k8sup` inside the inventory directory, or beside an inventory file, of the first `-i` source.
/// `apply`, `status` and `unlock` all resolve it here, so they agree on which journal they mean.
enum StateDirectory {
    /// The journal's file name inside the state directory.
    static let journalName = "journal.jsonl"

    /// `--state-dir`, else the default for the loaded inventory.
    static func resolve(explicit: String?, inventory loaded: LoadedInventory?) -> String {
        if let explicit { return explicit }
        // A directory inventory gets `.k8sup` inside it (Ansible skips hidden names); a file, beside it.
        let base = loaded?.varsDirectories.first?.path ?? "."
        return PathNames.normalized(base + "/.k8sup")
    }

    static func journalPath(in directory: String) -> String {
        directory + "/" + journalName
    }

    /// Creates the directory (and missing parents) private to the user (0700); an existing directory is
    /// left as it is.
    static func create(_ directory: String) throws(JournalError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreateDirectory(path: directory, reason: "it exists and is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
        }
    }

    /// `strerror(errno)` for messages.
    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
