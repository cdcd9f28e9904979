import K8sUpSupport

/// Sorts a failed ssh command by what ssh itself says (OpenSSH exits 255 for its own failures, and its
/// message is the last line of stderr): the connection failed before the remote command ran (safe to
/// try again, as Ansible's ssh retries do), or it dropped while the command ran (the command may have
/// done all, part or none of its work). A remote command's own exit status, 255 included, is neither.
package enum SSHFailure: Equatable {
    /// ssh could not connect, or the master connection it shares refused the session: the remote
    /// command never ran. `cause` is ssh's line, e.g. `ssh: connect to host 10.0.0.12 port 22: Connection refused`.
    case notConnected(cause: String)
    /// The connection dropped while the remote command ran: `Connection to 10.0.0.12 closed by remote host.`
    case dropped(cause: String)

    var cause: String {
        switch self {
        case .notConnected(let cause), .dropped(let cause): cause
        }
    }

    /// The failure ssh reports in `result`, or nil when ssh ran the command and it failed by itself (or
    /// ssh refused for a reason a retry would not change: a rejected key, an unknown host key).
    package static func classify(_ result: CommandResult) -> SSHFailure? {
        guard result.termination == .exited(255), !result.timedOut else { return nil }
        let lines = result.stderr.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard let last = lines.last else { return nil }
        if beforeCommand(last) {
            // Output from the node means the command did run: the master died under it.
            return result.stdout.isEmpty ? .notConnected(cause: last) : .dropped(cause: last)
        }
        return duringCommand(last) ? .dropped(cause: last) : nil
    }

    /// ssh's messages for a connection that never got as far as running the command.
    static func beforeCommand(_ line: String) -> Bool {
        if line.hasPrefix("ssh: connect to host ") { return true }
        if line.hasPrefix("ssh: Could not resolve hostname ") {
            // A name that does not exist stays so; a resolver that did not answer may answer next time.
            return line.hasSuffix("Temporary failure in name resolution")
        }
        let prefixes = [
            "kex_exchange_identification: ", "ssh_exchange_identification: ", "Connection closed by ",
            "Connection reset by ", "Connection timed out during banner exchange", "banner exchange: ",
            "mux_client_request_session: ", "mux_client_hello_exchange: ", "Control socket connect(",
            "muxclient: master hello exchange failed",
        ]
        return prefixes.contains { line.hasPrefix($0) }
    }

    /// ssh's messages for a connection lost while the remote command ran.
    static func duringCommand(_ line: String) -> Bool {
        if line.hasPrefix("Connection to "), line.hasSuffix(" closed by remote host.") { return true }
        let prefixes = [
            "client_loop: send disconnect: ", "packet_write_wait: ", "Timeout, server ", "Read from remote host ",
            "Write failed: ", "mux_client_read_packet: ", "ssh_dispatch_run_fatal: ",
        ]
        return prefixes.contains { line.hasPrefix($0) }
    }
}
