import PythonParity

extension HostConnection {
    /// Ansible's spellings of each connection setting, in its order (the last one set wins).
    enum VariableNames {
        static let connection = ["ansible_connection"]
        static let address = ["ansible_host", "ansible_ssh_host"]
        static let port = ["ansible_port", "ansible_ssh_port"]
        static let user = ["ansible_user", "ansible_ssh_user"]
        static let identityFile = ["ansible_private_key_file", "ansible_ssh_private_key_file"]
        static let commonArgs = ["ansible_ssh_common_args"]
        static let extraArgs = ["ansible_ssh_extra_args"]
        static let executable = ["ansible_ssh_executable"]
        static let become = ["ansible_become"]
        static let becomeUser = ["ansible_become_user"]
        static let becomeMethod = ["ansible_become_method"]
        /// Connection secrets: ssh with `BatchMode=yes` can use none of them.
        static let passwords = [
            "ansible_password", "ansible_ssh_pass", "ansible_ssh_password", "ansible_ssh_private_key_passphrase",
        ]
        /// Become passwords: `sudo -n` never prompts, so none can be used.
        static let becomePasswords = [
            "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass", "ansible_sudo_password",
        ]
    }

    /// The connection of inventory host `host`, from its resolved vars (`VariableResolver.hostVariables`).
    ///
    /// `bastion` becomes the jump host unless this host is the bastion itself, runs locally, or routes
    /// itself with its own `ProxyCommand`/`ProxyJump`/`-J` args; a bastion that runs locally is no jump.
    ///
    /// - Throws: `TransportError` naming the host and var for a connection plugin other than ssh/local,
    ///   a Jinja template, a port outside 1…65535, an address or user starting with `-` or holding
    ///   spaces, args that cannot be split, a password var, a become password or a non-sudo become method.
    static func forHost(
        _ host: String, vars: DataMapping, bastion: HostConnection?
    ) throws(TransportError) -> HostConnection {
        let reader = ConnectionVariables(host: host, vars: vars)
        if let name = VariableNames.passwords.first(where: reader.isSet) {
            throw .passwordNotSupported(host: host, variable: name)
        }
        var connection = HostConnection(host: host, kind: try kind(reader))
        connection.become = try reader.flag(VariableNames.become) ?? true
        connection.becomeUser = try reader.word(VariableNames.becomeUser)
        if connection.become { try checkBecomeMethod(reader) }
        guard connection.kind == .ssh else { return connection }

        connection.address = try reader.word(VariableNames.address) ?? host
        connection.port = try reader.port(VariableNames.port)
        connection.user = try reader.word(VariableNames.user)
        connection.identityFile = try reader.path(VariableNames.identityFile)
        connection.commonArgs = try reader.sshArguments(VariableNames.commonArgs)
        connection.extraArgs = try reader.sshArguments(VariableNames.extraArgs)
        connection.sshExecutable = try reader.path(VariableNames.executable) ?? "ssh"
        if let bastion, bastion.kind == .ssh, bastion.host != host, !connection.choosesOwnProxy {
            connection.jump = bastion
        }
        return connection
    }

    private static func kind(_ reader: ConnectionVariables) throws(TransportError) -> Kind {
        guard let (_, value) = try reader.text(VariableNames.connection) else { return .ssh }
        switch value {
        case "ssh", "smart", "ansible.builtin.ssh": return .ssh
        case "local", "ansible.builtin.local": return .local
        default: throw .unsupportedConnection(host: reader.host, value: value)
        }
    }

    /// k8sup becomes root with `sudo -n` only: a become password or another method cannot work.
    private static func checkBecomeMethod(_ reader: ConnectionVariables) throws(TransportError) {
        if let name = VariableNames.becomePasswords.first(where: reader.isSet) {
            throw .becomeNotSupported(
                host: reader.host, variable: name,
                reason: "is set, but k8sup runs sudo -n, which never asks for a password; allow the user "
                    + "passwordless sudo (NOPASSWD), or log in as root with ansible_become=false, and remove \(name)")
        }
        if let (name, method) = try reader.text(VariableNames.becomeMethod),
            method != "sudo" && method != "ansible.builtin.sudo"
        {
            throw .becomeNotSupported(
                host: reader.host, variable: name,
                reason: "is '\(method)', but k8sup becomes root only with sudo (ansible_become_method=sudo)")
        }
    }
}
