import K8sUpSupport

/// Sorts a failed kubectl call into transient (the cluster API may answer on a later try) or not, from
/// kubectl's own words: client-go's messages for a connection that failed, and the `Error from server
/// (Reason): …` line kubectl prints for an apiserver's error answer.
///
/// Transient: the connection refused, reset, timed out or closed (`The connection to the server … was
/// refused`, `Unable to connect to the server: net/http: TLS handshake timeout`, `… i/o timeout`, `EOF`,
/// `net/http: request canceled`), HTTP 429 (`TooManyRequests`, except from the Eviction API, where it
/// is a PodDisruptionBudget's answer), 500, 502, 503 and 504 (`InternalError`, `ServiceUnavailable`,
/// `Timeout`, `the server is currently unable to handle the request`), etcd's `leader changed` and
/// `request timed out`, and a call that ran past k8sup's own timeout.
///
/// Never transient, whatever else the output says: Forbidden, Unauthorized, NotFound, Invalid,
/// AlreadyExists, Conflict (a Lease write's answer), BadRequest, certificate errors, an unknown host,
/// and the failing answer of a health endpoint (`readyz check failed`: the apiserver answered).
///
/// Only the lines kubectl ends with count: client-go's klog lines (`E1207 … memcache.go:265] …`) often
/// report a discovery failure of some aggregated API that has nothing to do with the call.
package enum KubectlFailure {
    /// The line that says why a failed call may succeed when tried again; nil when it succeeded or a
    /// retry would not change the answer.
    /// - Parameter eviction: The call evicts pods (`kubectl drain`): a 429 is a PodDisruptionBudget
    ///   refusing, and kubectl's own `(will retry after 5s)` notices are not the failure.
    package static func transientCause(_ result: CommandResult, timeout: Duration, eviction: Bool = false) -> String? {
        guard !result.succeeded else { return nil }
        if result.timedOut {
            return eviction ? nil : "kubectl did not answer within \(timeout.compactDescription)"
        }
        guard case .exited = result.termination else { return nil }
        let lines = finalLines(result, eviction: eviction)
        if eviction, lines.contains(where: { $0.contains("global timeout reached") }) { return nil }
        if lines.contains(where: isPermanent) { return nil }
        if eviction, lines.contains(where: { $0.contains("(TooManyRequests)") }) { return nil }
        return lines.last(where: isTransient)
    }

    /// The line of a cordon or uncordon that failed although kubectl exited 0: kubectl prints `error:
    /// unable to uncordon node "w1": <why>` for a node it could not patch and goes on to the next node,
    /// ending with status 0. Nil when there is no such line.
    static func unreportedFailure(_ result: CommandResult) -> String? {
        guard result.succeeded else { return nil }
        return result.stderr.split(whereSeparator: \.isNewline).map(String.init).first {
            $0.hasPrefix("error: unable to cordon node ") || $0.hasPrefix("error: unable to uncordon node ")
        }
    }

    /// kubectl's own lines, without client-go's klog lines and (for a drain) the eviction notices it
    /// prints while it waits for a PodDisruptionBudget.
    static func finalLines(_ result: CommandResult, eviction: Bool) -> [String] {
        let text = result.stderr.contains(where: { !$0.isWhitespace }) ? result.stderr : result.stdout
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var kept = lines.filter { KubectlMessage.klogMessage($0) == nil }
        if kept.isEmpty { kept = lines.compactMap(KubectlMessage.klogMessage) }
        guard eviction else { return kept }
        return kept.filter { !$0.contains("(will retry after") && !$0.hasPrefix("evicting pod ") }
    }

    static func isPermanent(_ line: String) -> Bool {
        permanentMarkers.contains { line.contains($0) }
    }

    static func isTransient(_ line: String) -> Bool {
        let lower = line.lowercased()
        return transientMarkers.contains { lower.contains($0) }
    }

    /// Answers a retry would not change.
    static let permanentMarkers = [
        "(Forbidden)", "(Unauthorized)", "You must be logged in to the server", "(NotFound)", "(Invalid)",
        "(AlreadyExists)", "(Conflict)", "(BadRequest)", "(MethodNotAllowed)", "(NotAcceptable)",
        "(UnsupportedMediaType)", "(RequestEntityTooLarge)", "(Gone)", "(Expired)", "x509: ", "tls: failed to verify",
        "no such host", "check failed", "the server doesn't have a resource type", "error: the server could not find",
    ]

    /// Lowercased pieces of kubectl's, client-go's, Go's net/http and etcd's messages for failures that pass.
    static let transientMarkers = [
        // The connection.
        "was refused - did you specify the right host or port?", "connection refused", "connection reset by peer",
        "i/o timeout", "tls handshake timeout", "net/http: request canceled", "client.timeout exceeded",
        "context deadline exceeded", "http2: client connection lost", "http2: server sent goaway",
        "use of closed network connection", "broken pipe", "no route to host", "network is unreachable",
        "unable to connect to the server: eof", "unexpected eof", ": eof",
        // The apiserver's answers: 429, 5xx.
        "(toomanyrequests)", "too many requests", "(servicetimeout)", "(servertimeout)", "(timeout)",
        "(serviceunavailable)", "(internalerror)", "the server is currently unable to handle the request",
        "the server has received an error", "the server was unable to return a response in the time allotted",
        "has prevented the request from succeeding", "internal error occurred", "apiserver is shutting down",
        // etcd behind the apiserver.
        "etcdserver: leader changed", "etcdserver: request timed out", "etcdserver: too many requests",
        "etcdserver: no leader", "etcdserver: server stopped", "code = unavailable",
    ]
}
