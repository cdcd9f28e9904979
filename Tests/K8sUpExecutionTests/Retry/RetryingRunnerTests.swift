import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The runner that retries: which commands, how long, what it reports and what the result says.
@Suite struct RetryingRunnerTests {
    let fake = FakeRunner()
    let clock = InstantClock()

    func runner(budget: Duration = .seconds(120), putBack: Duration? = nil, takes: Double = 0) -> RetryingRunner {
        var runner = RetryingRunner(
            base: TimedRunner(fake: fake, clock: clock, takes: takes), budget: budget, putBackBudget: putBack)
        runner.clock = clock
        runner.random = FixedRandom()
        return runner
    }

    static let cordon = Command("kubectl", ["cordon", "cp-1"], timeout: .seconds(60), retry: .kubectl(.operation))

    @Test func aCordonRidesThroughAnOutageAndEachRetryIsReportedOnTheWaitItRunsIn() async throws {
        fake.on(
            "kubectl cordon cp-1", .failure(stderr: KubectlTexts.unavailable), .failure(stderr: KubectlTexts.refused),
            .success(stdout: "node/cp-1 cordoned\n"))
        let events = EventList()
        let log = MemoryLog()
        let heartbeat = Heartbeat(interval: .seconds(30), clock: VirtualClock(), observer: events, log: log)
        let step = ExecutionEvent(.waiting, node: "cp-1", step: "cordon-drain")
        let runner = runner()
        let (result, status) = try await heartbeat.waiting(step, for: "cordoning") { wait in
            (try await runner.run(Self.cordon), wait.status)
        }
        // Until the wait ends, its beats say it is retrying and why.
        #expect(
            status == "retrying after 2 failed attempt(s), within a 2m retry budget; the last: The connection to the "
                + "server 10.0.0.10:6443 was refused - did you specify the right host or port?")
        #expect(result.succeeded)
        #expect(result.retryRecord == nil)
        #expect(fake.displayLines == Array(repeating: "kubectl cordon cp-1", count: 3))
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
        let retries = events.all.filter { $0.attempt != nil }
        #expect(retries.map(\.attempt) == [1, 2])
        #expect(retries.map(\.retryDelay) == [1, 2])
        #expect(retries.allSatisfy { $0.kind == .waiting && $0.node == "cp-1" && $0.step == "cordon-drain" })
        #expect(
            retries.first?.message
                == "the cluster API failed: Error from server (ServiceUnavailable): the server is currently unable to "
                + "handle the request; trying `kubectl cordon cp-1` again in 1s (attempt 1 failed, 0ms of the 2m retry "
                + "budget spent)")
        #expect(
            retries.last?.message?.hasPrefix(
                "the cluster API failed: The connection to the server 10.0.0.10:6443 was refused") == true)
        // The node's log has the same lines.
        #expect(log.lines.filter { $0.hasPrefix("cp-1: ~ cordon-drain: the cluster API failed: ") }.count == 2)
    }

    @Test func afterTheBudgetTheResultSaysWhatFailedForHowLongAndHowOften() async throws {
        fake.on("kubectl cordon cp-1", .failure(stderr: KubectlTexts.leaderChanged))
        let result = try await runner(budget: .seconds(30)).run(Self.cordon)
        #expect(!result.succeeded)
        let record = try #require(result.retryRecord)
        #expect(record.failure == .clusterAPI)
        #expect(record.attempts == 6)  // at 0, 1, 3, 7, 15 and 30 s
        #expect(record.elapsed == .seconds(30))
        #expect(
            record.headline
                == "the cluster API kept failing: Error from server: etcdserver: leader changed (retried for 30s, 6 attempts)"
        )
        let error = try #require(CommandError(Self.cordon, result))
        #expect(
            error.description.hasPrefix("the cluster API kept failing: Error from server: etcdserver: leader changed"))
        #expect(error.description.hasSuffix("; k8sup ran: kubectl cordon cp-1"))
    }

    /// kubectl prints `error: unable to uncordon node` and still exits 0 when its patch failed.
    @Test func anUncordonKubectlCouldNotApplyIsAFailureDespiteExitZero() async throws {
        fake.on(
            "kubectl uncordon cp-1",
            .success(stderr: "error: unable to uncordon node \"cp-1\": etcdserver: leader changed\n"),
            .success(stdout: "node/cp-1 uncordoned\n"))
        fake.on(
            "kubectl cordon cp-1",
            .success(stderr: "error: unable to cordon node \"cp-1\": " + KubectlTexts.forbidden + "\n"))
        let uncordon = Command("kubectl", ["uncordon", "cp-1"], timeout: .seconds(60), retry: .kubectl(.putBack))
        let runner = runner()
        #expect(try await runner.run(uncordon).succeeded)
        #expect(fake.commands.count == 2)
        let refused = try await runner.run(Self.cordon)
        #expect(!refused.succeeded && refused.exitStatus == 1)
        #expect(fake.commands.count == 3)
        #expect(KubectlFailure.unreportedFailure(.success(stdout: "node/cp-1 already cordoned\n")) == nil)
    }

    @Test func aPutBackGetsTheLongerBudgetOfAtLeastFiveMinutes() async throws {
        #expect(RetryingRunner(base: fake).putBackBudget == .seconds(300))
        #expect(RetryingRunner(base: fake, budget: .seconds(600)).putBackBudget == .seconds(600))
        fake.on("kubectl uncordon cp-1", .failure(stderr: KubectlTexts.refused))
        let uncordon = Command("kubectl", ["uncordon", "cp-1"], timeout: .seconds(60), retry: .kubectl(.putBack))
        let result = try await runner(budget: .seconds(120)).run(uncordon)
        #expect(result.retryRecord?.elapsed == .seconds(300))
    }

    /// Pre-flight's reach probe gives a host that stays down about 15 s, never the whole budget: a plan
    /// blocks on an unreachable node within seconds, yet one refused connection does not block it.
    @Test func theReachProbeGetsAShortBudget() async throws {
        #expect(RetryingRunner(base: fake).budget(.probe) == .seconds(15))
        #expect(RetryingRunner(base: fake, budget: .seconds(5)).budget(.probe) == .seconds(5))
        fake.on("ssh", where: { $0.executable == "ssh" }, .ssh(SSHTexts.refused))
        let probe = Command(
            "ssh", ["-o", "BatchMode=yes", "--", "10.0.0.12", "sudo -n -- true"], timeout: .seconds(120),
            retry: .ssh(.probe, rerunnable: true))
        let down = try await runner(budget: .seconds(120)).run(probe)
        let record = try #require(down.retryRecord)
        #expect(record.failure == .unreachable && record.elapsed == .seconds(15) && record.attempts > 1)
    }

    @Test func aReachProbeRefusedOnceStillReachesTheHost() async throws {
        fake.on("ssh", where: { $0.executable == "ssh" }, .ssh(SSHTexts.refused), .success())
        let probe = Command(
            "ssh", ["-o", "BatchMode=yes", "--", "10.0.0.12", "sudo -n -- true"], timeout: .seconds(120),
            retry: .ssh(.probe, rerunnable: true))
        #expect(try await runner().run(probe).succeeded)
        #expect(fake.commands.count == 2)
    }

    @Test func answersAreNotRetriedAndCommandsWithoutARuleRunOnce() async throws {
        fake.on("kubectl cordon cp-1", .failure(stderr: KubectlTexts.forbidden))
        fake.on("kubectl get --raw /readyz", .failure(stderr: KubectlTexts.unavailable))
        let runner = runner()
        let forbidden = try await runner.run(Self.cordon)
        #expect(!forbidden.succeeded && forbidden.retryRecord == nil)
        let plain = try await runner.run(Command("kubectl", ["get", "--raw", "/readyz"], timeout: .seconds(30)))
        #expect(!plain.succeeded && plain.retryRecord == nil)
        #expect(fake.commands.count == 2)
        #expect(clock.sleeps.isEmpty)
    }

    static func ssh(rerunnable: Bool) -> Command {
        Command(
            "ssh", ["-o", "BatchMode=yes", "--", "10.0.0.12", "sudo -n -- sh -c 'kubeadm upgrade node'"],
            timeout: .seconds(900), retry: .ssh(.operation, rerunnable: rerunnable))
    }

    @Test func aRefusedSSHConnectionIsRetriedWhateverTheCommand() async throws {
        fake.on("ssh", where: { $0.executable == "ssh" }, .ssh(SSHTexts.refused), .ssh(SSHTexts.refused), .success())
        let result = try await runner().run(Self.ssh(rerunnable: false))
        #expect(result.succeeded)
        #expect(fake.commands.count == 3)
    }

    @Test func anUnreachableHostIsNamedAsSuchAfterTheBudget() async throws {
        fake.on("ssh", where: { $0.executable == "ssh" }, .ssh(SSHTexts.refused))
        let result = try await runner(budget: .seconds(120)).run(Self.ssh(rerunnable: true))
        let record = try #require(result.retryRecord)
        #expect(record.failure == .unreachable)
        let failure = CommandFailure(result, command: "kubeadm upgrade node")
        let error = ExecutionError.stepFailed(node: "w2", step: "running kubeadm upgrade node", failure: failure)
        #expect(
            error.description.hasPrefix(
                "w2: unreachable: ssh: connect to host 10.0.0.12 port 22: Connection refused (retried for 2m, "
                    + "\(record.attempts) attempts); k8sup was running kubeadm upgrade node\n  command: kubeadm upgrade node"
            ))
    }

    @Test func aDroppedConnectionIsRunAgainOnlyWhenThePlaybookAllows() async throws {
        fake.on(
            "ssh", where: { $0.executable == "ssh" }, .ssh(SSHTexts.closedByRemote, stdout: "[upgrade] …\n"), .success()
        )
        let again = try await runner().run(Self.ssh(rerunnable: true))
        #expect(again.succeeded)
        #expect(fake.commands.count == 2)

        let once = FakeRunner()
        once.on(
            "ssh", where: { $0.executable == "ssh" }, .ssh(SSHTexts.closedByRemote, stdout: "[upgrade] …\n"), .success()
        )
        var runner = RetryingRunner(base: once)
        runner.clock = clock
        let dropped = try await runner.run(Self.ssh(rerunnable: false))
        #expect(!dropped.succeeded)
        #expect(once.commands.count == 1)
        let record = try #require(dropped.retryRecord)
        #expect(record.failure == .connectionDropped && record.notRetried)
        let error = ExecutionError.stepFailed(
            node: "w2", step: "running kubeadm upgrade node",
            failure: CommandFailure(dropped, command: "kubeadm upgrade node"))
        #expect(
            error.description.hasPrefix(
                "w2: running kubeadm upgrade node failed: the ssh connection dropped while the command ran "
                    + "(Connection to 10.0.0.12 closed by remote host.); the playbook marks this command rerun: false, "
                    + "so k8sup did not run it again: check the node, then run apply again\n"))
    }

    @Test func aRetryOutsideAnyWaitGoesToTheFallback() async throws {
        fake.on("kubectl cordon cp-1", .failure(stderr: KubectlTexts.eof), .success())
        let log = MemoryLog()
        var runner = runner()
        runner.fallback = { notice, line in log.write("\(notice.attempt) " + line, node: nil) }
        _ = try await runner.run(Self.cordon)
        #expect(log.lines.count == 1)
        #expect(
            log.lines.first?.hasPrefix("run: 1 the cluster API failed: Unable to connect to the server: EOF; trying")
                == true)
    }

    @Test func aPlanningReadThatGaveUpSaysSoInItsError() async throws {
        fake.on("kubectl --kubeconfig /k get nodes,pods,pdb -A -o json", .failure(stderr: KubectlTexts.refused))
        let reader = KubectlClusterReader(
            runner: runner(budget: .seconds(10)), kubectl: "kubectl", kubeconfig: "/k", context: nil)
        await #expect {
            _ = try await reader.readState()
        } throws: { error in
            "\(error)"
                == "cannot read the cluster: `kubectl --kubeconfig /k get nodes,pods,pdb -A -o json` failed (exit 1; "
                + "retried for 10s, 5 attempts): The connection to the server 10.0.0.10:6443 was refused - did you "
                + "specify the right host or port?"
        }
    }
}
