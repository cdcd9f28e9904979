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

/// Every kubectl call and host command says how it may be retried, and the put-back paths ask for the
/// longer budget.
@Suite struct CallClassTests {
    let kubectl = KubectlCommands(
        kubectl: "kubectl", kubeconfig: "/k", context: nil, drainTimeout: .seconds(300), drainGracePeriod: nil,
        nodeReadyTimeout: .seconds(600))

    @Test func theUpgradesKubectlCallsAreIdempotentAndRetriedWithinTheirBudgets() {
        #expect(kubectl.readCluster().retry == .kubectl(.operation))
        #expect(kubectl.cordon("w1").retry == .kubectl(.operation))
        #expect(kubectl.cordon("w1", budget: .putBack).retry == .kubectl(.putBack))
        #expect(kubectl.getNode("w1").retry == .kubectl(.operation))
        #expect(kubectl.getAPIServerPod("cp-1").retry == .kubectl(.operation))
        #expect(kubectl.readyz().retry == .kubectl(.operation))
        #expect(kubectl.getNode("w1", budget: .putBack).retry == .kubectl(.putBack))
        // Uncordoning puts a drained node back into service wherever it runs.
        #expect(kubectl.uncordon("w1").retry == .kubectl(.putBack))
        // The drain runs again by itself (DrainPhase), with what is left of its timeout.
        #expect(kubectl.drain("w1").retry == nil)
        #expect(kubectl.drain("w1", timeout: .seconds(42)).arguments.last == "--timeout=42s")
    }

    @Test func aPutBackMakesEveryRetriedCommandPatient() {
        #expect(CommandRetry.kubectl(.operation).atLeast(.putBack) == .kubectl(.putBack))
        #expect(CommandRetry.ssh(.operation, rerunnable: false).atLeast(.putBack) == .ssh(.putBack, rerunnable: false))
        #expect(CommandRetry.kubectl(.putBack).atLeast(.operation) == .kubectl(.putBack))
    }

    @Test func planningsReadsAreRetriedButNotWithoutAKubeconfig() async throws {
        let list = #"{"kind":"List","items":["# + ExecutorFixture.nodeJSON("w1") + "]}"
        let runner = FakeRunner()
        runner.on("everything", where: { _ in true }, .success(stdout: list))
        var reader = KubectlClusterReader(runner: runner, kubectl: "kubectl", kubeconfig: "/k", context: nil)
        _ = try await reader.readState()
        _ = try await reader.readLiveFacts()
        #expect(runner.commands.count == 4)
        #expect(runner.commands.allSatisfy { $0.retry == .kubectl(.operation) })
        // kubectl without any configuration asks localhost:8080, which always refuses: not retried.
        let bare = FakeRunner()
        bare.on("everything", where: { _ in true }, .success(stdout: list))
        reader = KubectlClusterReader(runner: bare, kubectl: "kubectl", kubeconfig: nil, context: nil)
        reader.environment = ["HOME": "/nonexistent-home"]
        _ = try await reader.readState()
        #expect(bare.commands.first?.retry == nil)
    }

    @Test func hostCommandsOverSSHCarryThePlaybooksRerunAndLocalOnesAreNeverRetried() throws {
        let playbook = try PlaybookLoader.load(
            text: playbookText(
                ExecutorFixture.playbook.replacingOccurrences(
                    of: "  - echo worker-node", with: "  - echo prepare\n  - run: echo worker-node\n    rerun: false")),
            file: "t.yaml")
        let node = ExecutorFixture.node("w1")
        func commands(_ kind: HostConnection.Kind) throws -> [Command] {
            let factory = HostCommandFactory(
                playbooks: ["w1": playbook], connections: ["w1": HostConnection(host: "w1", kind: kind)],
                hostVariables: [:], transport: SSHTransport(controlDirectory: "/tmp/k8sup-test"),
                stepTimeout: .seconds(60))
            return try factory.commands(.upgradeWorker, node: node, hopVersion: "v1.30.4", preview: false).map(
                \.command)
        }
        #expect(
            try commands(.ssh).map(\.retry) == [
                .ssh(.operation, rerunnable: true), .ssh(.operation, rerunnable: false),
            ])
        #expect(try commands(.local).map(\.retry) == [nil, nil])
    }

    @Test func theLeaseCallsAreRetriedAndItsReleaseWithThePutBackBudget() async throws {
        let h = try LockHarness()
        defer { h.cleanUp() }
        h.runner.on(
            "create", where: LockHarness.verb("create"),
            .success(stdout: leaseJSON(holder: LockHarness.holder, renewed: LockHarness.start)))
        h.runner.on("get", where: LockHarness.verb("get"), .success(stdout: ""))
        let lock = h.lock()
        try await lock.acquire()
        _ = try await lock.release()
        #expect(h.lines == [LockHarness.create, LockHarness.get])
        #expect(h.runner.commands.map(\.retry) == [.kubectl(.operation), .kubectl(.putBack)])
    }

    @Test func aRenewalWhoseAnswerWasLostFindsItsOwnWriteAndKeepsTheLock() async throws {
        for ownWrite in [true, false] {
            let h = try LockHarness()
            defer { h.cleanUp() }
            h.runner.on(
                "create", where: LockHarness.verb("create"),
                .success(stdout: leaseJSON(holder: LockHarness.holder, renewed: LockHarness.start)))
            h.runner.on(
                "replace", where: LockHarness.verb("replace"),
                .failure(stderr: KubectlTexts.conflict.replacingOccurrences(of: "/s/lease-1.json", with: "x")))
            let manifests = h.manifests
            h.runner.on("get", where: LockHarness.verb("get")) { _ in
                // The Lease as the lost renewal wrote it, or as another client changed it since.
                var current =
                    (try? LeaseRecord.parse(manifests.all.last ?? ""))
                    ?? LeaseRecord(
                        holder: "", durationSeconds: 0, transitions: 0)
                current.resourceVersion = "102"
                if !ownWrite { current.renewTime = current.renewTime?.addingTimeInterval(1) }
                return .success(stdout: current.manifest())
            }
            let lock = h.lock()
            try await lock.acquire()
            h.clock.advance(100)
            if ownWrite {
                try await lock.renew()
                #expect(await lock.isHeld)
            } else {
                await #expect(throws: LockError.self) { try await lock.renew() }
                #expect(await lock.isLost)
            }
        }
    }

    @Test func theRollbackRetriesWithThePutBackBudget() async throws {
        var fixture = ExecutorFixture()
        fixture.settings.verifyInterval = .zero
        fixture.answerShell(failing: ["echo kubelet 1.30.4-1.1"])
        fixture.answerWorker(after: "v1.29.8")
        let node = ExecutorFixture.node("w1")
        let tools = try fixture.tools(hosts: ["w1"])
        let run = NodeRun(
            node: node, hop: fixture.hop([node]), position: 1, total: 1, tools: tools,
            runtime: ["package_version": "1.30.4-1.1"], cordonedBefore: false)
        #expect(try await NodeUpgradeRunner().run(run) != .upgraded)
        let rollback = fixture.runner.commands.drop { !($0.arguments.last ?? "").contains("rollback") }
        let kubectlCalls = rollback.filter { $0.executable == "kubectl" }
        #expect(!kubectlCalls.isEmpty)
        #expect(kubectlCalls.allSatisfy { $0.retry == .kubectl(.putBack) })
        #expect(kubectlCalls.map { $0.arguments.first ?? "" }.contains("uncordon"))
    }
}
