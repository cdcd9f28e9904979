import Foundation
import Synchronization

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// A clock whose `sleep` returns at once after moving the time on by the duration: a retry loop on it
/// runs its whole backoff in no time, and the test reads back every wait it asked for.
final class InstantClock: WallClock {
    private let state: Mutex<(now: Date, sleeps: [Duration])>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex((start, []))
    }

    func now() -> Date { state.withLock { $0.now } }

    /// Every wait asked for, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(duration)
            state.now = state.now.addingTimeInterval(duration.timeInterval)
        }
    }

    func sleep(until deadline: Date) async throws {
        try await sleep(for: .milliseconds(Int64((deadline.timeIntervalSince(now()) * 1000).rounded(.up))))
    }

    /// Moves the time on without a sleep: the time a command took.
    func pass(_ seconds: Double) {
        state.withLock { $0.now = $0.now.addingTimeInterval(seconds) }
    }
}

/// The same jitter value every time (0.5: no jitter at all).
struct FixedRandom: RandomSource {
    var value = 0.5
    func unit() -> Double { value }
}

/// A runner that answers from `FakeRunner` after moving an `InstantClock` on by the time each command
/// takes: the budget counts the commands' own time too.
struct TimedRunner: CommandRunning {
    let fake: FakeRunner
    let clock: InstantClock
    var takes = 0.0

    func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        clock.pass(takes)
        return try await fake.run(command, output: output)
    }
}

/// What kubectl 1.33 prints for the failures k8sup meets (captured from real kubectl against k8sim and
/// from client-go's and kubectl's sources): the words the classifier reads.
enum KubectlTexts {
    /// The apiserver's port is closed (a restarting kube-apiserver).
    static let refused = """
        E1207 17:39:47.123456   25774 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"https://10.0.0.10:6443/api?timeout=32s\\": dial tcp 10.0.0.10:6443: connect: connection refused"
        The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?
        """
    /// A load balancer with no backend (HTTP 503 without a Status body).
    static let unavailable = """
        E1207 17:28:43.956033   25774 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: the server is currently unable to handle the request"
        Error from server (ServiceUnavailable): the server is currently unable to handle the request
        """
    static let leaderChanged = "Error from server: etcdserver: leader changed"
    static let etcdTimeout = "Error from server: etcdserver: request timed out"
    static let internalError =
        #"Error from server (InternalError): an error on the server ("unknown") has prevented the request from succeeding"#
    static let gatewayTimeout =
        "Error from server (Timeout): Timeout: request did not complete within requested timeout - context deadline exceeded"
    static let tooManyRequests =
        "Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later"
    static let shuttingDown = "Error from server (ServiceUnavailable): apiserver is shutting down"
    static let tlsTimeout = "Unable to connect to the server: net/http: TLS handshake timeout"
    static let ioTimeout = "Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout"
    static let eof = "Unable to connect to the server: EOF"
    static let canceled =
        "Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)"
    static let reset =
        "Unable to connect to the server: read tcp 10.0.0.5:50122->10.0.0.10:6443: read: connection reset by peer"

    static let forbidden =
        #"Error from server (Forbidden): nodes "cp-1" is forbidden: User "ops" cannot patch resource "nodes" in API group "" at the cluster scope"#
    static let unauthorized = "error: You must be logged in to the server (Unauthorized)"
    static let notFound = #"Error from server (NotFound): nodes "cp-9" not found"#
    static let conflict =
        #"Error from server (Conflict): error when replacing "/s/lease-1.json": Operation cannot be fulfilled on leases.coordination.k8s.io "k8sup": the object has been modified; please apply your changes to the latest version and try again"#
    static let alreadyExists =
        #"Error from server (AlreadyExists): error when creating "/s/lease-1.json": leases.coordination.k8s.io "k8sup" already exists"#
    static let invalid =
        #"The Lease "k8sup" is invalid: spec.leaseDurationSeconds: Invalid value: -1: must be greater than 0"#
    static let certificate =
        "Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority"
    static let noSuchHost =
        "Unable to connect to the server: dial tcp: lookup api.example.com on 127.0.0.53:53: no such host"
    /// `/readyz` answering that the apiserver is not ready: an answer, not a failure to answer.
    static let readyzFailed =
        #"Error from server (InternalError): an error on the server ("[+]ping ok\n[-]etcd failed: reason withheld\nreadyz check failed") has prevented the request from succeeding"#
    static let noKubeconfigFile = "error: stat /nonexistent/kubeconfig: no such file or directory"
}

/// What OpenSSH prints (its own lines end its stderr) for the failures k8sup meets.
enum SSHTexts {
    static let refused = "ssh: connect to host 10.0.0.12 port 22: Connection refused"
    static let timedOut = "ssh: connect to host 10.0.0.12 port 22: Connection timed out"
    static let noRoute = "ssh: connect to host 10.0.0.12 port 22: No route to host"
    static let kexReset = "kex_exchange_identification: read: Connection reset by peer"
    static let kexClosed = "kex_exchange_identification: Connection closed by remote host"
    static let closedBeforeAuth = "Connection closed by 10.0.0.12 port 22"
    static let resetBeforeAuth = "Connection reset by 10.0.0.12 port 22"
    static let masterRefused = "mux_client_request_session: read from master failed: Broken pipe"
    static let dnsTemporary = "ssh: Could not resolve hostname w2: Temporary failure in name resolution"

    static let closedByRemote = "Connection to 10.0.0.12 closed by remote host."
    static let brokenPipe = "client_loop: send disconnect: Broken pipe"
    static let serverTimeout = "Timeout, server 10.0.0.12 not responding."
    static let writeWait = "packet_write_wait: Connection to 10.0.0.12 port 22: Broken pipe"

    static let publickey = "ubuntu@10.0.0.12: Permission denied (publickey)."
    static let hostKey = "Host key verification failed."
    static let unknownHost = "ssh: Could not resolve hostname w9: Name or service not known"
}

extension CommandResult {
    /// How ssh ends for its own failures: exit 255 with its line on stderr.
    static func ssh(_ line: String, stdout: String = "", before: String = "") -> CommandResult {
        .failure(exit: 255, stdout: stdout, stderr: before + line + "\r\n")
    }
}
