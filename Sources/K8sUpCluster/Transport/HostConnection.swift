/// How k8sup reaches one inventory host: the ssh destination and options its Ansible connection vars
/// describe, whether commands there run through `sudo`, and the bastion in front of it.
///
/// Build it with `forHost(_:vars:bastion:)` or `all(_:)` (see `HostConnection+Variables.swift`), which
/// read the vars with Ansible's rules and refuse what k8sup cannot do safely; `SSHTransport` turns it
/// into commands.
package struct HostConnection: Sendable, Equatable {
    /// How commands reach the host.
    package enum Kind: String, Sendable, Equatable {
        /// `ssh` to the host (`ansible_connection` unset, `ssh` or `smart`).
        case ssh
        /// A shell on the operator's machine (`ansible_connection=local`); address, port, user and ssh
        /// options are ignored, as Ansible's local plugin ignores them.
        case local
    }

    /// The inventory name.
    package var host: String
    /// What ssh connects to: `ansible_host` (legacy `ansible_ssh_host`), else the inventory name.
    package var address: String
    /// `ansible_port` (legacy `ansible_ssh_port`); nil leaves the port to ssh (22 or `~/.ssh/config`).
    package var port: Int?
    /// `ansible_user` (legacy `ansible_ssh_user`); nil leaves the user to ssh.
    package var user: String?
    /// `ansible_ssh_private_key_file` (or `ansible_private_key_file`). Its var name marks it secret, so
    /// commands mask it in their display form.
    var identityFile: String?
    /// `ansible_ssh_common_args`, split into words: Ansible passes them to every ssh-family program.
    var commonArgs: [String]
    /// `ansible_ssh_extra_args`, split into words: Ansible passes them to `ssh` only.
    var extraArgs: [String]
    /// `ansible_ssh_executable`: the ssh program, a name looked up on `PATH` or a path.
    var sshExecutable: String
    package var kind: Kind
    /// Whether commands run through `sudo -n`: `ansible_become`, and true when the inventory does not
    /// say. k8sup's node steps need root, so it behaves like Kubespray run with `--become`, and an
    /// explicit `ansible_become: false` (a root login without sudo) turns it off.
    package var become: Bool
    /// `ansible_become_user`; nil means root.
    var becomeUser: String?
    /// Holds the jump host (at most one element); an array because a struct cannot contain itself.
    private var jumpHosts: [HostConnection]

    /// The bastion ssh goes through to reach this host, if any.
    var jump: HostConnection? {
        get { jumpHosts.first }
        set { jumpHosts = newValue.map { [$0] } ?? [] }
    }

    package init(
        host: String,
        address: String? = nil,
        port: Int? = nil,
        user: String? = nil,
        identityFile: String? = nil,
        commonArgs: [String] = [],
        extraArgs: [String] = [],
        sshExecutable: String = "ssh",
        kind: Kind = .ssh,
        become: Bool = true,
        becomeUser: String? = nil,
        jump: HostConnection? = nil
    ) {
        self.host = host
        self.address = address ?? host
        self.port = port
        self.user = user
        self.identityFile = identityFile
        self.commonArgs = commonArgs
        self.extraArgs = extraArgs
        self.sshExecutable = sshExecutable
        self.kind = kind
        self.become = become
        self.becomeUser = becomeUser
        self.jumpHosts = jump.map { [$0] } ?? []
    }

    /// The user `sudo -u` should name: nil for root, which is sudo's default.
    package var sudoUser: String? {
        guard let becomeUser, becomeUser != "root" else { return nil }
        return becomeUser
    }

    /// Whether the host's own ssh args already say how to reach it (`ProxyCommand`, `ProxyJump`, `-J`).
    /// An inventory that routes a host itself keeps that route: no bastion jump is added in front.
    var choosesOwnProxy: Bool {
        SSHArgumentWords.choosesProxy(commonArgs + extraArgs)
    }
}
