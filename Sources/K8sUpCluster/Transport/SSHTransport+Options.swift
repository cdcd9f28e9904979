import Foundation
import K8sUpSupport

extension SSHTransport {
    /// ssh arguments and which of them are secret (shown as `***` in `Command.displayLine`).
    struct SSHArguments {
        private(set) var words: [String] = []
        private(set) var secret: Set<Int> = []

        mutating func append(_ word: String, secret isSecret: Bool = false) {
            if isSecret { secret.insert(words.count) }
            words.append(word)
        }

        mutating func append(contentsOf newWords: [String]) {
            words += newWords
        }

        mutating func append(contentsOf other: SSHArguments) {
            secret.formUnion(other.secret.map { $0 + words.count })
            words += other.words
        }

        /// `-o KEYWORD=value`.
        mutating func option(_ setting: String, secret isSecret: Bool = false) {
            append("-o")
            append(setting, secret: isSecret)
        }
    }

    /// What reaches `connection` itself, on the main command and on a hop alike: port, key, user, the
    /// hop to its jump host, then the inventory's common and extra args (in Ansible's order).
    func destinationOptions(for connection: HostConnection) -> SSHArguments {
        var arguments = SSHArguments()
        if let port = connection.port { arguments.append(contentsOf: ["-p", String(port)]) }
        if let key = connection.identityFile {
            arguments.append("-i")
            arguments.append(key, secret: true)
        }
        // `-l` rather than `user@address`: an option before the common args, so that `ansible_user` beats a
        // `-o User=` there, as in Ansible, and a user name containing `@` stays whole.
        if let user = connection.user { arguments.append(contentsOf: ["-l", user]) }
        if let jump = connection.jump {
            let hop = hopCommand(to: jump)
            arguments.option("ProxyCommand=" + hop.line, secret: hop.isSecret)
        }
        arguments.append(contentsOf: connection.commonArgs + connection.extraArgs)
        return arguments
    }

    /// The `ProxyCommand` that connects to `jump` and forwards stdin/stdout to the target (`-W`).
    ///
    /// ssh expands `%` tokens in it and runs it with `$SHELL -c "exec …"`, so every word is shell-quoted
    /// and every `%` of k8sup's values doubled; only `-W '[%h]:%p'` keeps its tokens (brackets for IPv6,
    /// quoted so that the shell cannot glob them). It is secret when it names a key file.
    func hopCommand(to jump: HostConnection) -> (line: String, isSecret: Bool) {
        var hop = SSHArguments()
        hop.option("BatchMode=yes")
        hop.option("ConnectTimeout=\(connectTimeout)")
        hop.append(contentsOf: destinationOptions(for: jump))
        let program = ShellQuoting.quoteCommandName(jump.sshExecutable) + " " + ShellQuoting.join(hop.words)
        let line =
            Self.escapingPercent(program) + " -W '[%h]:%p' -- " + Self.escapingPercent(ShellQuoting.quote(jump.address))
        return (line, !hop.secret.isEmpty)
    }

    /// `<dir>/%C` (`%C`: ssh's hash of local user, host, port and remote user), with a tag for the route
    /// and identity when the connection has any (`ControlSocketNames.routeTag`): `%C` covers neither, and
    /// two clusters whose nodes share private addresses behind different routes must never share a master
    /// connection.
    func controlPath(for connection: HostConnection) -> String {
        var path = Self.escapingPercent(controlDirectory) + "/%C"
        if let tag = ControlSocketNames.routeTag(connection) { path += "-" + tag }
        return Self.configQuoted(path)
    }

    /// A `%` written as `%%`, so ssh's token expansion gives it back unchanged.
    static func escapingPercent(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%%")
    }

    /// A value for an ssh `-o` option, which ssh splits like a config line: wrapped in double quotes,
    /// with `\` and `"` escaped, when it has blanks, quotes, backslashes or `#`.
    static func configQuoted(_ value: String) -> String {
        guard value.contains(where: { " \t\"'\\#".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
