import Foundation
import Glibc
import K8sUpInventory
import K8sUpSupport

/// The directory where k8sup keeps its state (journal, lock manifests, ssh sockets, logs): `--state-dir`,
/// else `.k8sup` inside the inventory directory, or beside an inventory file, of the first `-i` source.
/// `apply`, `status` and `unlock` all resolve it here, so they agree on which journal they mean.
package enum StateDirectory {
    /// The journal's file name inside the state directory.
    static let journalName = "journal.jsonl"

    /// `--state-dir`, else the default for the loaded inventory.
    package static func resolve(explicit: String?, inventory loaded: LoadedInventory?) -> String {
        if let explicit { return explicit }
        // A directory inventory gets `.k8sup` inside it (Ansible skips hidden names); a file, beside it.
        let base = loaded?.varsDirectories.first?.path ?? "."
        return PathNames.normalized(base + "/.k8sup")
    }

    package static func journalPath(in directory: String) -> String {
        directory + "/" + journalName
    }

    /// The `.gitignore` k8sup puts in the state directory: the default one sits inside the inventory
    /// directory, which is usually in the operator's git repository.
    static let gitignoreName = ".gitignore"
    static let gitignoreText = """
        # Written by k8sup: its state (journal, command logs, ssh sockets) belongs to the machine that ran it and
        # names hosts and users, so git ignores this whole directory. k8sup never replaces this file if you edit it.
        *

        """

    /// Creates the directory (and missing parents) private to the user (0700); an existing directory is
    /// left as it is. Either way it gets a `.gitignore` of its own when it has none (see `ignoreInGit`).
    package static func create(_ directory: String) throws(JournalError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreateDirectory(path: directory, reason: "it exists and is not a directory")
            }
            ignoreInGit(directory, created: false)
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
        }
        ignoreInGit(directory, created: true)
    }

    /// Writes the `.gitignore` unless one is there. An existing directory only gets it when it is k8sup's:
    /// empty, named `.k8sup`, or holding a journal — so `--state-dir .` in a repository without a
    /// `.gitignore` does not make git ignore the operator's own files. Best effort: a read-only
    /// directory fails later, on the journal, with a clear message.
    static func ignoreInGit(_ directory: String, created: Bool) {
        if !created {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let isK8sups =
                entries.isEmpty || entries.contains(journalName)
                || PathNames.normalized(directory).split(separator: "/").last == ".k8sup"
            guard isK8sups else { return }
        }
        // O_EXCL: an existing file, the operator's or ours, is never replaced.
        let fd = open(directory + "/" + gitignoreName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(gitignoreText.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
