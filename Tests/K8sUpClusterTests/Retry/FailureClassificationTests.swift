import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Transient or not, from kubectl's and ssh's own words.
@Suite struct FailureClassificationTests {
    static func kubectl(_ stderr: String, exit: Int32 = 1) -> CommandResult {
        .failure(exit: exit, stderr: stderr + "\n")
    }

    @Test(arguments: [
        KubectlTexts.unavailable, KubectlTexts.leaderChanged, KubectlTexts.etcdTimeout, KubectlTexts.internalError,
        KubectlTexts.gatewayTimeout, KubectlTexts.tooManyRequests, KubectlTexts.shuttingDown, KubectlTexts.tlsTimeout,
        KubectlTexts.ioTimeout, KubectlTexts.eof, KubectlTexts.canceled, KubectlTexts.reset, KubectlTexts.refused,
    ])
    func transientAPIFailuresAreRetriedWithKubectlsLastLineAsTheCause(_ text: String) throws {
        let cause = try #require(KubectlFailure.transientCause(Self.kubectl(text), timeout: .seconds(30)))
        // The cause is the line kubectl ends with, never client-go's klog noise before it.
        #expect(cause == text.split(separator: "\n").last.map(String.init))
        #expect(!cause.contains("memcache.go"))
    }

    @Test(arguments: [
        KubectlTexts.forbidden, KubectlTexts.unauthorized, KubectlTexts.notFound, KubectlTexts.conflict,
        KubectlTexts.alreadyExists, KubectlTexts.invalid, KubectlTexts.certificate, KubectlTexts.noSuchHost,
        KubectlTexts.readyzFailed, KubectlTexts.noKubeconfigFile, "error: unknown command \"cordn\" for \"kubectl\"",
    ])
    func answersARetryWouldNotChangeAreNot(_ text: String) {
        #expect(KubectlFailure.transientCause(Self.kubectl(text), timeout: .seconds(30)) == nil)
    }

    @Test func aPermanentAnswerWinsOverTransientNoiseOfAnAggregatedAPI() {
        // metrics.k8s.io down makes every kubectl call log discovery 503s; the call's own answer counts.
        let text = """
            E1207 17:28:43.956033   25774 memcache.go:287] "Unhandled Error" err="couldn't get resource list for metrics.k8s.io/v1beta1: the server is currently unable to handle the request"
            \(KubectlTexts.notFound)
            """
        #expect(KubectlFailure.transientCause(Self.kubectl(text), timeout: .seconds(30)) == nil)
    }

    @Test func successAndK8supsOwnTimeout() {
        #expect(KubectlFailure.transientCause(.success(), timeout: .seconds(30)) == nil)
        #expect(
            KubectlFailure.transientCause(.timedOut(), timeout: .seconds(30))
                == "kubectl did not answer within 30s")
    }

    @Test func aRefusedEvictionIsThePodDisruptionBudgetsAnswerNeverATransientFailure() {
        let held = """
            evicting pod shop/web-1
            error when evicting pods/"web-1" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
            There are pending pods in node "w1" when an error occurred: error when evicting pods/"web-1" -n "shop": global timeout reached: 30s
            error: unable to drain node "w1" due to error: error when evicting pods/"web-1" -n "shop": global timeout reached: 30s, continuing command...
            """
        #expect(KubectlFailure.transientCause(Self.kubectl(held), timeout: .seconds(90), eviction: true) == nil)
        let throttled =
            "Error from server (TooManyRequests): the server has received too many requests and has asked us "
            + "to try again later"
        #expect(KubectlFailure.transientCause(Self.kubectl(throttled), timeout: .seconds(90), eviction: true) == nil)
        // Outside the Eviction API the same 429 is the apiserver's flow control: transient.
        #expect(KubectlFailure.transientCause(Self.kubectl(throttled), timeout: .seconds(90)) != nil)
        #expect(KubectlFailure.transientCause(.timedOut(), timeout: .seconds(90), eviction: true) == nil)
    }

    @Test func aDrainThatFailedBecauseTheAPIDidIsTransientDespiteEarlierRefusals() throws {
        let text = """
            error when evicting pods/"web-1" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
            error: unable to drain node "w1" due to error: error when evicting pods/"web-1" -n "shop": Error from server: etcdserver: leader changed, continuing command...
            """
        let cause = try #require(
            KubectlFailure.transientCause(Self.kubectl(text), timeout: .seconds(90), eviction: true))
        #expect(cause.hasPrefix("error: unable to drain node \"w1\""))
    }

    @Test(arguments: [
        SSHTexts.refused, SSHTexts.timedOut, SSHTexts.noRoute, SSHTexts.kexReset, SSHTexts.kexClosed,
        SSHTexts.closedBeforeAuth, SSHTexts.resetBeforeAuth, SSHTexts.masterRefused, SSHTexts.dnsTemporary,
    ])
    func sshThatNeverRanTheCommand(_ line: String) {
        let result = CommandResult.ssh(
            line, before: "Warning: Permanently added '10.0.0.12' (ED25519) to the list of known hosts.\r\n")
        #expect(SSHFailure.classify(result) == .notConnected(cause: line))
    }

    @Test(arguments: [SSHTexts.closedByRemote, SSHTexts.brokenPipe, SSHTexts.serverTimeout, SSHTexts.writeWait])
    func sshThatLostTheConnectionWhileTheCommandRan(_ line: String) {
        #expect(SSHFailure.classify(.ssh(line, stdout: "half done\n")) == .dropped(cause: line))
    }

    @Test func aMasterThatDiedAfterTheCommandPrintedCountsAsDropped() {
        #expect(
            SSHFailure.classify(.ssh(SSHTexts.masterRefused, stdout: "[upgrade] Reading configuration\n"))
                == .dropped(cause: SSHTexts.masterRefused))
    }

    @Test(arguments: [SSHTexts.publickey, SSHTexts.hostKey, SSHTexts.unknownHost])
    func sshRefusalsARetryWouldNotChange(_ line: String) {
        #expect(SSHFailure.classify(.ssh(line)) == nil)
    }

    @Test func theRemoteCommandsOwnFailuresAreNotSSHs() {
        // exit 255 from the command itself, and a command that prints ssh-like words but exits 7.
        #expect(SSHFailure.classify(.failure(exit: 255, stderr: "my script gave up\n")) == nil)
        #expect(SSHFailure.classify(.failure(exit: 7, stderr: SSHTexts.refused + "\n")) == nil)
        #expect(SSHFailure.classify(.success()) == nil)
    }
}
