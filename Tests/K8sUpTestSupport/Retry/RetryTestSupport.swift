import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity
import Synchronization

/// A clock whose `sleep` returns at once after moving the time on by the duration: a retry loop on it
/// runs its whole backoff in no time, and the test reads back every wait it asked for.
package final class InstantClock: WallClock {
    private let state: Mutex<(now: Date, sleeps: [Duration])>

    package init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex((start, []))
    }

    package func now() -> Date { state.withLock { $0.now } }

    /// Every wait asked for, in order.
    package var sleeps: [Duration] { state.withLock { $0.sleeps } }

    package func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(duration)
            state.now = state.now.addingTimeInterval(duration.timeInterval)
        }
    }

    package func sleep(until deadline: Date) async throws {
        try await sleep(for: .milliseconds(Int64((deadline.timeIntervalSince(now()) * 1000).rounded(.up))))
    }

    /// Moves the time on without a sleep: the time a command took.
    package func pass(_ seconds: Double) {
        state.withLock { $0.now = $0.now.addingTimeInterval(seconds) }
    }
}

/// The same jitter value every time (0.5: no jitter at all).
package struct FixedRandom: RandomSource {
    package var value = 0.5

    package init(value: Double = 0.5) { self.value = value }
    package func unit() -> Double { value }
}

/// A runner that answers from `FakeRunner` after moving an `InstantClock` on by the time each command
/// takes: the budget counts the commands' own time too.
package struct TimedRunner: CommandRunning {
    package let fake: FakeRunner
    package let clock: InstantClock
    package var takes = 0.0

    package init(fake: FakeRunner, clock: InstantClock, takes: Double = 0.0) {
        self.fake = fake
        self.clock = clock
        self.takes = takes
    }

    package func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        clock.pass(takes)
        return try await fake.run(command, output: output)
    }
}

/// What kubectl 1.33 prints for the failures k8sup meets (captured from real kubectl against k8sim and
/// from client-go's and kubectl's sources): the words the classifier reads.
package enum KubectlTexts {
    /// The apiserver's port is closed (a restarting kube-apiserver).
    package static let refused = """
        E1207 17:39:47.123456   25774 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"https://10.0.0.10:6443/api?timeout=32s\\": dial tcp 10.0.0.10:6443: connect: connection refused"
        The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?
        """
    /// A load balancer with no backend (HTTP 503 without a Status body).
    package static let unavailable = """
        E1207 17:28:43.956033   25774 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: the server is currently unable to handle the request"
        Error from server (ServiceUnavailable): the server is currently unable to handle the request
        """
    package static let leaderChanged = "Error from server: etcdserver: leader changed"
    package static let etcdTimeout = "Error from server: etcdserver: request timed out"
    package static let internalError =
        #"Error from server (InternalError): an error on the server ("unknown") has prevented the request from succeeding"#
    package static let gatewayTimeout =
        "Error from server (Timeout): Timeout: request did not complete within requested timeout - context deadline exceeded"
    package static let tooManyRequests =
        "Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later"
    package static let shuttingDown = "Error from server (ServiceUnavailable): apiserver is shutting down"
    package static let tlsTimeout = "Unable to connect to the server: net/http: TLS handshake timeout"
    package static let ioTimeout = "Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout"
    package static let eof = "Unable to connect to the server: EOF"
    package static let canceled =
        "Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)"
    package static let reset =
        "Unable to connect to the server: read tcp 10.0.0.5:50122->10.0.0.10:6443: read: connection reset by peer"

    package static let forbidden =
        #"Error from server (Forbidden): nodes "cp-1" is forbidden: User "ops" cannot patch resource "nodes" in API group "" at the cluster scope"#
    package static let unauthorized = "error: You must be logged in to the server (Unauthorized)"
    package static let notFound = #"Error from server (NotFound): nodes "cp-9" not found"#
    package static let conflict =
        #"Error from server (Conflict): error when replacing "/s/lease-1.json": Operation cannot be fulfilled on leases.coordination.k8s.io "k8sup": the object has been modified; please apply your changes to the latest version and try again"#
    package static let alreadyExists =
        #"Error from server (AlreadyExists): error when creating "/s/lease-1.json": leases.coordination.k8s.io "k8sup" already exists"#
    package static let invalid =
        #"The Lease "k8sup" is invalid: spec.leaseDurationSeconds: Invalid value: -1: must be greater than 0"#
    package static let certificate =
        "Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority"
    package static let noSuchHost =
        "Unable to connect to the server: dial tcp: lookup api.example.com on 127.0.0.53:53: no such host"
    /// `/readyz` answering that the apiserver is not ready: an answer, not a failure to answer.
    package static let readyzFailed =
        #"Error from server (InternalError): an error on the server ("[+]ping ok\n[-]etcd failed: reason withheld\nreadyz check failed") has prevented the request from succeeding"#
    package static let noKubeconfigFile = "error: stat /nonexistent/kubeconfig: no such file or directory"
}

/// What OpenSSH prints (its own lines end its stderr) for the failures k8sup meets.
package enum SSHTexts {
    package static let refused = "ssh: connect to host 10.0.0.12 port 22: Connection refused"
    package static let timedOut = "ssh: connect to host 10.0.0.12 port 22: Connection timed out"
    package static let noRoute = "ssh: connect to host 10.0.0.12 port 22: No route to host"
    package static let kexReset = "kex_exchange_identification: read: Connection reset by peer"
    package static let kexClosed = "kex_exchange_identification: Connection closed by remote host"
    package static let closedBeforeAuth = "Connection closed by 10.0.0.12 port 22"
    package static let resetBeforeAuth = "Connection reset by 10.0.0.12 port 22"
    package static let masterRefused = "mux_client_request_session: read from master failed: Broken pipe"
    package static let dnsTemporary = "ssh: Could not resolve hostname w2: Temporary failure in name resolution"

    package static let closedByRemote = "Connection to 10.0.0.12 closed by remote host."
    package static let brokenPipe = "client_loop: send disconnect: Broken pipe"
    package static let serverTimeout = "Timeout, server 10.0.0.12 not responding."
    package static let writeWait = "packet_write_wait: Connection to 10.0.0.12 port 22: Broken pipe"

    package static let publickey = "ubuntu@10.0.0.12: Permission denied (publickey)."
    package static let hostKey = "Host key verification failed."
    package static let unknownHost = "ssh: Could not resolve hostname w9: Name or service not known"
}

extension CommandResult {
    /// How ssh ends for its own failures: exit 255 with its line on stderr.
    package static func ssh(_ line: String, stdout: String = "", before: String = "") -> CommandResult {
        .failure(exit: 255, stdout: stdout, stderr: before + line + "\r\n")
    }
}
