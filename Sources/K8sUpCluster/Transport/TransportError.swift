/// Why an inventory host's connection vars cannot become a command k8sup can run, or why the ssh control
/// directory cannot be used. Messages name the host and the var; they never quote the value of a var
/// whose name marks it as secret (`password`, `secret`, `token`, `key`).
package enum TransportError: Error, CustomStringConvertible, Equatable {
    /// A var holds a value k8sup cannot use; `reason` says what was expected.
    case invalidValue(host: String, variable: String, reason: String)
    /// `ansible_connection` names a plugin other than ssh or local (winrm, docker, paramiko …).
    case unsupportedConnection(host: String, value: String)
    /// A connection var holds a Jinja expression; k8sup keeps those as raw text and never evaluates them.
    case template(host: String, variable: String)
    /// A password or key passphrase var is set; ssh runs with `BatchMode=yes`, so nothing can type it.
    case passwordNotSupported(host: String, variable: String)
    /// Privilege escalation k8sup cannot do: a become password (it runs `sudo -n`) or a method other
    /// than sudo.
    case becomeNotSupported(host: String, variable: String, reason: String)
    /// The ssh control directory is too long for the control sockets ssh creates in it.
    case controlDirectoryTooLong(path: String, length: Int, limit: Int)
    /// The ssh control directory cannot be created or is not safe to use.
    case controlDirectoryUnusable(path: String, reason: String)

    package var description: String {
        switch self {
        case .invalidValue(let host, let variable, let reason):
            return "host '\(host)': \(variable) \(reason)"
        case .unsupportedConnection(let host, let value):
            return "host '\(host)': ansible_connection is '\(value)', but k8sup reaches nodes only over ssh "
                + "(ansible_connection=ssh) or runs commands on this machine (ansible_connection=local)"
        case .template(let host, let variable):
            return "host '\(host)': \(variable) is a Jinja template ({{ … }}); k8sup does not evaluate "
                + "templates in connection vars, so set it to a literal value"
        case .passwordNotSupported(let host, let variable):
            let advice =
                variable.contains("passphrase")
                ? "load the key into ssh-agent (ssh-add) instead"
                : "use key authentication instead (ssh-agent or ansible_ssh_private_key_file)"
            return "host '\(host)': \(variable) is set, but k8sup runs ssh with BatchMode=yes and never "
                + "types passwords; \(advice) and remove \(variable)"
        case .becomeNotSupported(let host, let variable, let reason):
            return "host '\(host)': \(variable) \(reason)"
        case .controlDirectoryTooLong(let path, let length, let limit):
            return "ssh control directory \(path) is \(length) bytes long, but at most \(limit) bytes leave room "
                + "for the control socket names ssh creates in it (a unix socket path has at most 107 bytes); "
                + "choose a shorter directory"
        case .controlDirectoryUnusable(let path, let reason):
            return "ssh control directory \(path): \(reason)"
        }
    }
}
