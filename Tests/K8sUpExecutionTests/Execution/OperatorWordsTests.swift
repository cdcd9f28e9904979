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

/// Every message `apply` shows says things as a person would: the node and the cause first, steps and
/// put-back actions in words, no Swift names (`restoreCordon`), no dumps of Swift values.
@Suite("Operator words")
struct OperatorWordsTests {
    /// One worker upgraded by the executor with `failing` shell lines, its events printed as progress lines.
    private func run(failing: Set<String>, nodeAfter: String = "v1.30.4") async throws -> (Executor.Result, [String]) {
        let fixture = ExecutorFixture()
        fixture.answerShell(failing: failing)
        fixture.answerWorker(after: nodeAfter)
        let node = ExecutorFixture.node("w1")
        let plan = fixture.plan([node])
        let result = try await Executor(plan: plan, tools: fixture.tools(hosts: ["w1"])).run()
        let printer = ProgressPrinter(redactor: SecretRedactor(values: [])) { _ in }
        return (result, fixture.events.all.compactMap { printer.line(for: $0) })
    }

    @Test func aFailedNodesPutBackLineSaysWhatHappensInWords() async throws {
        let (result, lines) = try await run(failing: ["echo kubelet 1.30.4-1.1"], nodeAfter: "v1.29.8")
        #expect(
            lines.contains(
                "[1/1] v1.30.4 w1 putting the node back: rolling the kubelet back to v1.29.8, then restoring the "
                    + "cordon state (uncordoning it: it was schedulable before)"))
        #expect(
            lines.contains(
                "[1/1] v1.30.4 w1 upgrade-kubelet FAILED: w1: upgrading the kubelet and kubectl failed (exit 1): boom"))
        guard case .failed(let error) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(error.description.hasPrefix("w1: upgrading the kubelet and kubectl failed (exit 1): boom\n"))
        for line in lines + [error.description] {
            #expect(OperatorWords.leaks(in: line).isEmpty, "\(line)")
        }
    }

    @Test func aFailedRollbackSaysWhatFailedAndWhatToDoInWords() async throws {
        let (result, lines) = try await run(failing: ["echo kubelet 1.30.4-1.1", "echo rollback 1.29.8"])
        guard case .needsRepair(let error) = result else {
            Issue.record("expected needsRepair, got \(result)")
            return
        }
        #expect(
            error.description.hasPrefix(
                "w1: the rollback to v1.29.8 failed: rolling the kubelet back to v1.29.8 failed (exit 1): boom\n"))
        #expect(
            lines.contains {
                $0.hasPrefix("[1/1] v1.30.4 w1 could NOT be put back: w1: the rollback to v1.29.8 failed")
            })
        for line in lines + [error.description] {
            #expect(OperatorWords.leaks(in: line).isEmpty, "\(line)")
        }
    }

    @Test func anErrorThrownInsideAStepIsDescribedNotDumped() async throws {
        let fixture = ExecutorFixture()
        let missing = CommandError.executableNotFound("ssh", searchPath: "/usr/bin")
        let tools = try fixture.tools(hosts: ["w1"], runner: ThrowingRunner(error: missing))
        let node = ExecutorFixture.node("w1")
        let run = NodeRun(
            node: node, hop: fixture.hop([node]), position: 1, total: 1, tools: tools, runtime: [:],
            cordonedBefore: false)
        // Nothing was changed yet, so nothing is put back; the failure says what went wrong.
        let outcome = try await NodeUpgradeRunner().run(run)
        guard case .failed(let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(
            error.description
                == "w1: backing up the kubelet failed: ssh: command not found; install it or put its directory on PATH "
                + "(searched /usr/bin)")
    }

    @Test func errorTextNeverDumpsSwiftValues() throws {
        #expect(ErrorText.describe(CancellationError()) == "interrupted")
        #expect(ErrorText.describe(StopRequested()) == "stopped as asked (Ctrl-C)")
        let missing = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/nope"])
        #expect(OperatorWords.leaks(in: ErrorText.describe(missing)).isEmpty)
        #expect(!ErrorText.describe(missing).contains("Domain="))
        struct Lease: Decodable { var spec: Int }
        let decoding = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Lease.self, from: Data("{}".utf8))
        }
        #expect(decoding.map(ErrorText.describe) == "no 'spec' field")
        let notJSON = #expect(throws: DecodingError.self) { try JSONDecoder().decode(Lease.self, from: Data("x".utf8)) }
        #expect(notJSON.map(ErrorText.describe) == "not valid JSON")
        let lease = #expect(throws: LockError.self) { try LeaseRecord.parse("{") }
        #expect(
            lease?.description
                == "cannot read the cluster lock (Lease kube-system/k8sup): kubectl did not print a Lease as JSON (not valid JSON)"
        )
    }

    @Test func aCommandFailureLeadsWithHowItEndedAndTheLineThatSaysWhy() {
        let kubeadm = CommandFailure(
            .failure(
                exit: 1,
                stderr:
                    "[upgrade/apply] FATAL: the cluster is not healthy\nTo see the stack trace of this error execute with --v=5 or higher\n"
            ),
            command: "kubeadm upgrade apply -y v1.30.4")
        #expect(kubeadm.headline == " (exit 1): [upgrade/apply] FATAL: the cluster is not healthy")
        #expect(
            ExecutionError.stepFailed(node: "cp-1", step: StepAction.kubeadmUpgradeApply.activity, failure: kubeadm)
                .description
                    == """
                    cp-1: running kubeadm upgrade apply failed (exit 1): [upgrade/apply] FATAL: the cluster is not healthy
                      command: kubeadm upgrade apply -y v1.30.4
                      its output ended with:
                        [upgrade/apply] FATAL: the cluster is not healthy
                        To see the stack trace of this error execute with --v=5 or higher
                    """)
        #expect(CommandFailure(.timedOut(), command: "apt-get update").headline == " (timed out): it printed nothing")
        #expect(
            CommandFailure(CommandResult(termination: .signalled(9)), command: "x").headline
                == " (killed by SIGKILL): it printed nothing")
    }

    @Test func everyStepHasWordsWithoutItsId() {
        let all: [StepAction] = [
            .preflight, .stage, .etcdSnapshot, .backupKubelet, .upgradeKubeadm, .kubeadmUpgradeApply,
            .kubeadmUpgradeNode, .drain, .upgradeKubelet, .restartKubelet, .waitReady, .healthCheck, .uncordon,
            .keepCordoned,
        ]
        for action in all {
            #expect(!action.activity.contains(action.rawValue) || !action.rawValue.contains("-"), "\(action)")
            #expect(OperatorWords.leaks(in: action.activity).isEmpty)
        }
    }
}

/// A runner whose every command fails to start with `error`.
struct ThrowingRunner: CommandRunning {
    let error: any Error

    func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        throw error
    }
}
