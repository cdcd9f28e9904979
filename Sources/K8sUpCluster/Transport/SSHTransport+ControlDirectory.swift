import Foundation
import Glibc
import K8sUpSupport

extension SSHTransport {
    /// The longest control directory, in UTF-8 bytes, that leaves room for ssh's sockets: a unix socket path
    /// holds at most 107 bytes, a socket is `<dir>/<40 hex digits of %C>` plus `-<8 hex digits>` behind a
    /// bastion, and ssh first binds it under a temporary name 17 bytes longer (OpenSSH `mux.c`). A longer
    /// directory makes the first ssh fail with "path too long for Unix domain socket".
    package static let maximumControlDirectoryLength = 107 - (1 + 40 + 9 + 17)

    /// Throws unless ssh can use the control directory as given: an absolute path (a relative one would
    /// depend on the working directory of each ssh), short enough, and without `${`, which ssh would
    /// expand as an environment variable. Changes nothing, so `--dry-run` can call it.
    func checkControlDirectory() throws(TransportError) {
        let path = controlDirectory
        guard path.hasPrefix("/") else {
            throw .controlDirectoryUnusable(path: path, reason: "it must be an absolute path")
        }
        if path.contains("${") {
            throw .controlDirectoryUnusable(
                path: path, reason: "it contains '${', which ssh would expand as an environment variable")
        }
        let length = path.utf8.count
        guard length <= Self.maximumControlDirectoryLength else {
            throw .controlDirectoryTooLong(path: path, length: length, limit: Self.maximumControlDirectoryLength)
        }
    }

    /// Checks the control directory, creates it with mode 0700 when missing, and makes sure it is a real
    /// directory (not a symlink) owned by this user and closed to others: whoever can write there could
    /// plant a socket that k8sup's ssh would take for a master connection. The per-user fallback root
    /// under /tmp (`ControlSocketNames.fallbackRoot`) gets the same checks when the directory is inside
    /// it, since whoever owns a parent can swap its entries. Call it once before the first ssh command.
    package func prepareControlDirectory() throws(TransportError) {
        try checkControlDirectory()
        let root = ControlSocketNames.fallbackRoot()
        if controlDirectory.hasPrefix(root + "/") { try Self.securePrivateDirectory(root) }
        try Self.securePrivateDirectory(controlDirectory)
    }

    private static func securePrivateDirectory(_ path: String) throws(TransportError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .controlDirectoryUnusable(path: path, reason: "cannot create it (\(error.localizedDescription))")
        }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw .controlDirectoryUnusable(path: path, reason: "cannot read it (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .controlDirectoryUnusable(path: path, reason: "it is not a directory (a symlink is refused too)")
        }
        guard status.st_uid == getuid() else {
            throw .controlDirectoryUnusable(path: path, reason: "it belongs to another user")
        }
        if status.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw .controlDirectoryUnusable(
                path: path, reason: "cannot make it private (\(String(cString: strerror(errno))))")
        }
    }

    /// The command that stops the host's master connection (`ssh -O exit`), for a clean exit before
    /// `ControlPersist` runs out; nil for a local host. It names the same control socket as `command`.
    func exitCommand(on connection: HostConnection, timeout: Duration) -> Command? {
        guard connection.kind == .ssh else { return nil }
        var arguments = SSHArguments()
        arguments.option("BatchMode=yes")
        arguments.option("ControlPath=" + controlPath(for: connection))
        arguments.append(contentsOf: destinationOptions(for: connection))
        arguments.append(contentsOf: ["-O", "exit", "--", connection.address])
        return Command(connection.sshExecutable, arguments.words, timeout: timeout, secretArguments: arguments.secret)
    }
}
