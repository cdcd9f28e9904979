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

/// Putting back what an interrupted run left open: which nodes are finished, rolled back or only get
/// their cordon state back, decided from the journal and one look at the node.
@Suite("Resume reconciler")
struct ResumeReconcilerTests {
    /// A journal in which run `r1` started w1 (hop 1 to v1.30.4 from v1.29.8) and began `step`.
    private func journal(step: StepAction?, cordonedBefore: Bool = false, host: String = "w1") -> JournalState {
        var events: [JournalEvent] = [
            .nodeStarted(
                .init(
                    runId: "r1", hop: 1, hopVersion: "v1.30.4", node: "w1", host: host, role: "worker",
                    fromVersion: "v1.29.8", cordonedBefore: cordonedBefore))
        ]
        if let step { events.append(.stepStarted(.init(runId: "r1", hop: 1, node: "w1", step: step))) }
        return JournalState(events.map { JournalEntry(time: Date(), event: $0) })
    }

    private func reconcile(_ state: JournalState, fixture: ExecutorFixture, nodeVersion: String, cordoned: Bool = true)
        async throws -> [ResumeReconciler.Action]
    {
        fixture.answerShell()
        fixture.runner.on(
            "kubectl get node w1 -o json",
            .success(stdout: ExecutorFixture.nodeJSON("w1", version: nodeVersion, cordoned: cordoned)))
        for verb in ["cordon w1", "uncordon w1"] { fixture.runner.on("kubectl " + verb, .success()) }
        let reconciler = ResumeReconciler(
            journal: state, tools: try fixture.tools(hosts: ["w1"]), knownHosts: ["w1"])
        return try await reconciler.run().map(\.action)
    }

    @Test func aNodeInterruptedDuringItsDrainOnlyGetsItsCordonBack() async throws {
        let fixture = ExecutorFixture()
        let actions = try await reconcile(journal(step: .drain), fixture: fixture, nodeVersion: "v1.29.8")
        #expect(actions == [.cordonRestored])
        #expect(fixture.hostLines.isEmpty)
        #expect(fixture.kubectlCalls == ["get node w1 -o json", "uncordon w1"])
        #expect(fixture.events.summary(node: "w1") == ["cordon-restored true"])
    }

    @Test func anOperatorCordonIsPutBackNotLifted() async throws {
        let fixture = ExecutorFixture()
        let actions = try await reconcile(
            journal(step: .kubeadmUpgradeNode, cordonedBefore: true), fixture: fixture, nodeVersion: "v1.29.8",
            cordoned: false)
        #expect(actions == [.cordonRestored])
        #expect(fixture.kubectlCalls.last == "cordon w1")
    }

    @Test func aNewKubeletThatIsNotUpIsRolledBack() async throws {
        let fixture = ExecutorFixture()
        let actions = try await reconcile(journal(step: .upgradeKubelet), fixture: fixture, nodeVersion: "v1.29.8")
        #expect(actions == [.rolledBack])
        #expect(fixture.hostLines == ["rollback 1.29.8", "restart"])
        #expect(fixture.kubectlCalls.last == "uncordon w1")
        #expect(fixture.events.summary(node: "w1") == ["rollback-started", "rollback-finished true"])
    }

    @Test func aNodeUpAtTheHopVersionIsVerifiedAndFinished() async throws {
        let fixture = ExecutorFixture()
        let actions = try await reconcile(journal(step: .waitReady), fixture: fixture, nodeVersion: "v1.30.4")
        #expect(actions == [.finished])
        #expect(fixture.hostLines.isEmpty)
        // One look to decide, one to verify (the fixture's verify interval is zero: one good look is enough).
        #expect(fixture.kubectlCalls.filter { $0 == "get node w1 -o json" }.count == 2)
        #expect(fixture.kubectlCalls.last == "uncordon w1")
        #expect(fixture.events.summary(node: "w1").last == "node-finished true")
    }

    @Test func aNodeWhoseHostLeftTheInventoryStopsTheRunWithoutTouchingIt() async throws {
        let fixture = ExecutorFixture()
        await #expect(throws: ExecutionError.self) {
            _ = try await ResumeReconciler(
                journal: journal(step: .drain, host: "gone"), tools: try fixture.tools(hosts: ["w1"]),
                knownHosts: ["w1"]
            ).run()
        }
        #expect(fixture.runner.commands.isEmpty)
    }

    @Test func closedNodesAreLeftAlone() async throws {
        let fixture = ExecutorFixture()
        var state = journal(step: .uncordon)
        state.apply(
            JournalEntry(
                time: Date(),
                event: .nodeFinished(.init(runId: "r1", hop: 1, node: "w1", version: "v1.30.4", cordoned: false))
            ))
        let actions = try await reconcile(state, fixture: fixture, nodeVersion: "v1.30.4")
        #expect(actions.isEmpty)
        #expect(fixture.runner.commands.isEmpty)
    }

    @Test(arguments: [
        (JournalState.NodeStatus.inProgress(hop: 1, lastStartedStep: .drain, lastFinishedStep: nil), false),
        (.inProgress(hop: 1, lastStartedStep: .upgradeKubelet, lastFinishedStep: .drain), true),
        (.inProgress(hop: 1, lastStartedStep: nil, lastFinishedStep: nil), false),
        (.failed(hop: 1, step: .drain, reason: "timeout"), false),
        (.failed(hop: 1, step: .waitReady, reason: "NotReady"), true),
        (.rollingBack(hop: 1), true),
        (.rolledBack(hop: 1, ok: false), true),
        (.rolledBack(hop: 1, ok: true), false),
    ])
    func theKubeletCountsAsTouchedFromItsUpgradeOn(_ status: JournalState.NodeStatus, _ touched: Bool) {
        #expect(ResumeReconciler.kubeletTouched(status) == touched)
    }
}
