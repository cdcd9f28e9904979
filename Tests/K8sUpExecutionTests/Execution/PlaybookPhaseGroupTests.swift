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

/// A node's consecutive playbook steps run in one session each, while the events still start and
/// finish every step, and a failure names the step whose line failed.
@Suite struct PlaybookPhaseGroupTests {
    @Test func aWorkerUpgradeTakesThreeSessionsAndEveryStepStillHasItsEvents() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        fixture.answerWorker()
        let node = ExecutorFixture.node("w1")
        #expect(try await Executor(plan: fixture.plan([node]), tools: fixture.tools(hosts: ["w1"])).run() == .succeeded)
        // Staging; backup to kubeadm upgrade node before the drain; the kubelet and its restart after it.
        #expect(
            fixture.runner.commands.compactMap { SessionFake($0)?.lines } == [
                ["echo stage", "echo 1.30.4-1.1"],
                ["echo backup 1.29.8", "echo kubeadm 1.30.4-1.1", "echo worker-node"],
                ["echo kubelet 1.30.4-1.1", "echo restart"],
            ])
        let steps = fixture.events.summary(node: "w1").filter { $0.hasPrefix("step-") }
        #expect(
            steps == [
                "step-started backup-kubelet", "step-finished backup-kubelet true", "step-started upgrade-kubeadm",
                "step-finished upgrade-kubeadm true", "step-started kubeadm-upgrade-node",
                "step-finished kubeadm-upgrade-node true", "step-started cordon-drain",
                "step-finished cordon-drain true",
                "step-started upgrade-kubelet", "step-finished upgrade-kubelet true", "step-started restart-kubelet",
                "step-finished restart-kubelet true", "step-started wait-ready", "step-finished wait-ready true",
                "step-started uncordon", "step-finished uncordon true",
            ])
        let log = fixture.log.lines.filter { $0.hasPrefix("w1: $ echo") }
        #expect(log.count == 7)
    }

    @Test func aFailureInTheSecondStepOfASessionNamesThatStepAndLeavesTheKubeletAlone() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell(failing: ["echo kubeadm 1.30.4-1.1"])
        fixture.answerWorker(after: nil)
        let node = ExecutorFixture.node("w1")
        let result = try await Executor(plan: fixture.plan([node]), tools: fixture.tools(hosts: ["w1"])).run()
        guard case .failed(.stepFailed(_, let activity, let failure)) = result else {
            Issue.record("expected a step failure, got \(result)")
            return
        }
        #expect(activity == StepAction.upgradeKubeadm.activity)
        #expect(failure.command == "echo kubeadm 1.30.4-1.1" && failure.how == "exit 1")
        #expect(fixture.hostLines == ["stage", "1.30.4-1.1", "backup 1.29.8", "kubeadm 1.30.4-1.1"])
        #expect(
            fixture.events.summary(node: "w1").filter { $0.hasPrefix("step-") || $0.hasPrefix("node-failed") } == [
                "step-started backup-kubelet", "step-finished backup-kubelet true", "step-started upgrade-kubeadm",
                "step-finished upgrade-kubeadm false", "node-failed upgrade-kubeadm false",
            ])
        // Nothing on the node was touched that needs undoing: no rollback, no cordon.
        #expect(!fixture.hostLines.contains("rollback 1.29.8"))
        #expect(!fixture.kubectlCalls.contains("cordon w1"))
    }
}
