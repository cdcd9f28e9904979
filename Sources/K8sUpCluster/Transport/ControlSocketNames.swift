import Glibc

/// How k8sup names ssh control sockets so that a master connection is only ever shared by commands
/// that would have taken the same route as the same identity to the same cluster.
///
/// ssh's `%C` hashes only the local user, host, port and remote user. Two clusters whose nodes share
/// private addresses (reached over a VPN, or through a `ProxyCommand` in `ansible_ssh_common_args`) would
/// share a master connection under `%C` alone, and `ControlPersist` keeps it after a run: a command meant
/// for one cluster could reach the other's node. So:
/// - the control directory belongs to one state directory (`<state dir>/ssh`, or, when that is too long
///   for a socket path, `/tmp/k8sup-ssh-UID/<hash of the state directory's absolute path>`);
/// - a socket name adds a tag (`%C-<8 hex digits>`) hashing everything that changes the route or the
///   identity: the ssh executable, the key file, the common and extra args, and the whole jump chain
///   with the same settings of each hop. A plain `ssh` with none of them gets no tag.
package enum ControlSocketNames {
    /// The per-user directory under which fallback control directories live.
    static func fallbackRoot(uid: uid_t = getuid()) -> String {
        "/tmp/k8sup-ssh-\(uid)"
    }

    /// The control directory for a state directory whose own `ssh/` is too long for a socket path:
    /// `/tmp/k8sup-ssh-UID/` and 12 hex digits of its absolute path (34 bytes for the largest uid, within
    /// `SSHTransport.maximumControlDirectoryLength`).
    package static func fallbackDirectory(stateDirectory absolutePath: String, uid: uid_t = getuid()) -> String {
        fallbackRoot(uid: uid) + "/" + hex(fnv1a64(absolutePath), digits: 12)
    }

    /// The socket name's tag for `connection`, nil when it uses plain `ssh` directly with no key file or args.
    static func routeTag(_ connection: HostConnection) -> String? {
        let plain =
            connection.jump == nil && connection.identityFile == nil && connection.commonArgs.isEmpty
            && connection.extraArgs.isEmpty && connection.sshExecutable == "ssh"
        if plain { return nil }
        return hex(fnv1a64(routeText(connection)), digits: 8)
    }

    /// Everything about a connection that changes where ssh goes or who it is, hops included, as one text.
    /// Words are separated by NUL, which no argument can contain, so different settings never read alike.
    private static func routeText(_ connection: HostConnection) -> String {
        var parts: [String] = []
        var hop: HostConnection? = connection
        var first = true
        while let current = hop {
            if !first {
                parts.append("hop")
                parts.append("\(current.user ?? "")@\(current.address):\(current.port.map(String.init) ?? "")")
            }
            parts.append("exe=" + current.sshExecutable)
            parts.append("key=" + (current.identityFile ?? ""))
            parts.append("common=\(current.commonArgs.count)")
            parts += current.commonArgs
            parts.append("extra=\(current.extraArgs.count)")
            parts += current.extraArgs
            first = false
            hop = current.jump
        }
        return parts.joined(separator: "\u{0}")
    }

    /// 64-bit FNV-1a: a stable hash (Swift's `Hasher` changes from run to run).
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The `digits` leading hex digits of `value`, zero-padded to 16.
    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(digits))
    }
}
