import K8sUpSupport

/// Builds the `Command` that runs one shell command line on an inventory host: `ssh` with k8sup's fixed
/// safety options, or a local `/bin/sh` for `ansible_connection=local`.
///
/// An ssh command has this shape (ssh takes the first value it sees for an option, so k8sup's own options
/// come first and the inventory's args cannot switch off `BatchMode` or multiplexing, just as Ansible's
/// own `-o User=`/`Port=` beat `ansible_ssh_common_args`):
///
///     ssh -o BatchMode=yes -o ConnectTimeout=10 -o ControlMaster=auto -o ControlPersist=60s
///         -o ControlPath=<dir>/%C[-<route tag>] [-p PORT] [-i KEY] [-l USER] [-o ProxyCommand=<hop to the bastion>]
///         [common args] [extra args] -- ADDRESS 'sudo -n [-u USER] -- sh -c '\''<remote>'\'''
///
/// `--` ends ssh's options before the destination, and ssh parses options after the destination too, so
/// this is the one place where it makes both the address and the remote line plain words. The remote line
/// travels as one argument, a command line for the node's login shell in which the caller's line is a single
/// quoted word; the caller quotes the values inside its line (`ShellQuoting.quote`).
///
/// The bastion is reached with a `ProxyCommand` running `ssh … -W '[%h]:%p' bastion`, which is what ssh's
/// own `ProxyJump` expands to, except that the hop gets `BatchMode=yes` and `ConnectTimeout` too (a
/// `ProxyJump` hop has neither, and would stop on a host-key or password prompt until the step's timeout)
/// and the bastion's own port, key (`-i`), common and extra args and ssh executable. A host's own
/// `ProxyCommand`/`ProxyJump` in its args wins over the bastion (`HostConnection.forHost`).
package struct SSHTransport: Sendable {
    /// Where ssh keeps its control sockets (without a trailing `/`); see `prepareControlDirectory()`.
    package let controlDirectory: String
    /// Seconds ssh waits for each connection (`ConnectTimeout`), the bastion hop included.
    let connectTimeout: Int
    /// How long an idle master connection stays up (`ControlPersist`).
    let persist: String

    package init(controlDirectory: String, connectTimeout: Int = 10, persist: String = "60s") {
        var directory = Substring(controlDirectory)
        while directory.count > 1 && directory.hasSuffix("/") { directory = directory.dropLast() }
        self.controlDirectory = String(directory)
        self.connectTimeout = connectTimeout
        self.persist = persist
    }

    /// The command that runs `remote`, one POSIX shell command line, on the host.
    ///
    /// - Parameters:
    ///   - remote: The command line; values in it must already be quoted with `ShellQuoting.quote`.
    ///   - become: Whether it runs through `sudo -n` (as `becomeUser`, else root); nil takes the
    ///     connection's `become`, which is true unless the inventory says `ansible_become: false`.
    ///     Node steps need root; pass false for a probe that must not need sudo.
    package func command(_ remote: String, on connection: HostConnection, timeout: Duration, become: Bool? = nil)
        -> Command
    {
        let sudo = (become ?? connection.become) ? ["sudo"] + Self.sudoOptions(user: connection.sudoUser) : []
        switch connection.kind {
        case .local:
            let words = sudo + ["/bin/sh", "-c", remote]
            return Command(words[0], Array(words.dropFirst()), timeout: timeout)
        case .ssh:
            var arguments = SSHArguments()
            arguments.option("BatchMode=yes")
            arguments.option("ConnectTimeout=\(connectTimeout)")
            arguments.option("ControlMaster=auto")
            arguments.option("ControlPersist=\(persist)")
            arguments.option("ControlPath=" + controlPath(for: connection))
            arguments.append(contentsOf: destinationOptions(for: connection))
            arguments.append(contentsOf: ["--", connection.address, ShellQuoting.join(sudo + ["sh", "-c", remote])])
            return Command(
                connection.sshExecutable, arguments.words, timeout: timeout, secretArguments: arguments.secret)
        }
    }

    /// A short form for logs and `--dry-run`: `ubuntu@10.20.0.11:22 via ops@203.0.113.10`, or `local`.
    /// The port shows ssh's default 22 when the inventory sets none; jump hosts show it only when set.
    package func description(of connection: HostConnection) -> String {
        guard connection.kind == .ssh else { return "local" }
        var text = Self.endpoint(connection, port: connection.port ?? 22)
        var hop = connection.jump
        while let jump = hop {
            text += " via " + Self.endpoint(jump, port: jump.port)
            hop = jump.jump
        }
        return text
    }

    /// `sudo` options before the command: never prompt, and `-u` only for a user other than root.
    private static func sudoOptions(user: String?) -> [String] {
        ["-n"] + (user.map { ["-u", $0] } ?? []) + ["--"]
    }

    /// `user@address:port`, with an IPv6 address in brackets.
    private static func endpoint(_ connection: HostConnection, port: Int?) -> String {
        var text = connection.user.map { $0 + "@" } ?? ""
        let address = connection.address
        guard let port else { return text + address }
        text += address.contains(":") ? "[\(address)]" : address
        return text + ":\(port)"
    }
}
