import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

@Suite("Executor")
struct ExecutorTests {
    @Test func workerUpgradeRunsEveryStepInOrderAndUncordons() async throws {
        var fixture = ExecutorFixture()
        // Two good looks a (short) interval apart before the node counts as up.
        fixture.settings.verifyInterval = .milliseconds(5)
        fixture.answerShell()
        fixture.answerWorker()
        let node = ExecutorFixture.node("w1")
        let result = try await Executor(plan: fixture.plan([node]), tools: fixture.tools(hosts: ["w1"])).run()
        #expect(result == .succeeded)
        #expect(
            fixture.hostLines == [
                "stage", "1.30.4-1.1", "backup 1.29.8", "kubeadm 1.30.4-1.1", "worker-node", "kubelet 1.30.4-1.1",
                "restart",
            ])
        #expect(
            fixture.kubectlCalls == [
                "get node w1 -o json",
                "drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s", "get node w1 -o json",
                "get node w1 -o json", "uncordon w1",
            ])
        #expect(fixture.events.summary(node: "w1").last == "node-finished true")
    }

    @Test func nodeCordonedBeforeStaysCordoned() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        fixture.answerWorker(cordoned: true)
        let result = try await Executor(
            plan: fixture.plan([ExecutorFixture.node("w1")]), tools: fixture.tools(hosts: ["w1"])
        ).run()
        #expect(result == .succeeded)
        #expect(!fixture.kubectlCalls.contains("uncordon w1"))
        #expect(fixture.events.all.first { $0.kind == .nodeStarted }?.cordonedBefore == true)
    }

    @Test func journalledCordonStateWinsOverTheClusterAfterACrash() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        // The cluster shows w1 cordoned (by the interrupted run); the journal knows it was schedulable.
        fixture.answerWorker(cordoned: true)
        var executor = Executor(
            plan: fixture.plan([ExecutorFixture.node("w1")]), tools: try fixture.tools(hosts: ["w1"]))
        executor.knownCordonState = ["w1": false]
        #expect(try await executor.run() == .succeeded)
        #expect(fixture.kubectlCalls.last == "uncordon w1")
    }

    @Test func aFailedKubeletUpgradeIsRolledBackAndTheNodeUncordoned() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell(failing: ["echo kubelet 1.30.4-1.1"])
        fixture.answerWorker(after: nil)
        let result = try await Executor(
            plan: fixture.plan([ExecutorFixture.node("w1")]), tools: fixture.tools(hosts: ["w1"])
        ).run()
        guard case .failed(.stepFailed(let node, let step, let failure)) = result else {
            Issue.record("expected a step failure, got \(result)")
            return
        }
        #expect(node == "w1" && step == "upgrading the kubelet and kubectl")
        #expect(
            failure
                == CommandFailure(how: "exit 1", reason: "boom", command: "echo kubelet 1.30.4-1.1", output: ["boom"]))
        #expect(
            UseCaseOutcome(result).exitCode == .failure
                && "\(ExecutionError.stepFailed(node: node, step: step, failure: failure))"
                    == "w1: upgrading the kubelet and kubectl failed (exit 1): boom\n  command: echo kubelet 1.30.4-1.1"
        )
        #expect(UseCaseOutcome(result).exitCode == .failure)
        #expect(fixture.hostLines.suffix(3) == ["kubelet 1.30.4-1.1", "rollback 1.29.8", "restart"])
        #expect(fixture.kubectlCalls.last == "uncordon w1")
        #expect(
            fixture.events.summary(node: "w1").suffix(4) == [
                "step-finished upgrade-kubelet false", "node-failed upgrade-kubelet false", "rollback-started",
                "rollback-finished true",
            ])
    }

    @Test func aFailedRollbackNeedsRepairAndSaysWhatToDo() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell(failing: ["echo kubelet 1.30.4-1.1", "echo rollback 1.29.8"])
        fixture.answerWorker()
        let result = try await Executor(
            plan: fixture.plan([ExecutorFixture.node("w1")]), tools: fixture.tools(hosts: ["w1"])
        ).run()
        guard case .needsRepair(let error) = result else {
            Issue.record("expected needsRepair, got \(result)")
            return
        }
        #expect(UseCaseOutcome(result).exitCode == .needsManualRepair)
        #expect(error.description.contains("put back the kubelet v1.29.8"))
        #expect(error.description.contains("kubectl uncordon w1"))
        // The node stays cordoned: its kubelet is in an unknown state.
        #expect(!fixture.kubectlCalls.contains("uncordon w1"))
    }

    @Test func aZeroVerifyIntervalTakesOneLookAtTheUpgradedNode() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        fixture.answerWorker()
        let result = try await Executor(
            plan: fixture.plan([ExecutorFixture.node("w1")]), tools: fixture.tools(hosts: ["w1"])
        ).run()
        #expect(result == .succeeded)
        #expect(
            fixture.kubectlCalls == [
                "get node w1 -o json",
                "drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s", "get node w1 -o json",
                "uncordon w1",
            ])
    }

    @Test func aDrainHeldByABudgetTimesOutUncordonsAndNamesTheHolders() async throws {
        let fixture = ExecutorFixture()
        fixture.answerShell()
        fixture.runner.on(
            "kubectl get node w1 -o json", .success(stdout: ExecutorFixture.nodeJSON("w1", version: "v1.29.8")))
        fixture.runner.on("kubectl cordon w1", .success())
        fixture.runner.on("kubectl uncordon w1", .success())
        fixture.runner.on(
            "kubectl drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s",
            .failure(
                stdout: "node/w1 cordoned\nevicting pod shop/web-1\n",
                stderr: """
                    error when evicting pods/"web-1" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
                    There are pending pods in node "w1" when an error occurred: error when evicting pods/"web-1" -n "shop": global timeout reached: 30s
                    """))
        fixture.runner.on("kubectl get nodes,pods,pdb -A -o json", .success(stdout: Self.clusterWithBudget))
        let result = try await Executor(
            plan: fixture.plan([ExecutorFixture.node("w1")]), tools: fixture.tools(hosts: ["w1"])
        ).run()
        let holder = DrainHolder(
            pod: "shop/web-1", budgets: ["shop/web (allows 0 disruption(s): 1 healthy, 1 needed)"])
        #expect(result == .failed(.drainTimedOut(node: "w1", timeout: "30s", holders: [holder])))
        #expect(fixture.kubectlCalls.last == "uncordon w1")
        #expect(!fixture.hostLines.contains("kubelet 1.30.4-1.1"))
        let waiting = fixture.events.all.filter { $0.kind == .waiting }.compactMap(\.message)
        #expect(
            waiting == [
                "eviction of pod shop/web-1 refused: Cannot evict pod as it would violate the pod's disruption budget."
            ])
    }

    @Test func workerBatchesRunTogether() {
        let nodes = [
            ExecutorFixture.node("cp", role: .controlPlane), ExecutorFixture.node("a", batch: 1),
            ExecutorFixture.node("b", batch: 1), ExecutorFixture.node("c", batch: 2),
        ]
        #expect(Executor.group(nodes, from: 0).map(\.node) == ["cp"])
        #expect(Executor.group(nodes, from: 1).map(\.node) == ["a", "b"])
        #expect(Executor.group(nodes, from: 3).map(\.node) == ["c"])
    }

    @Test func heldPodsAreReadFromKubectlLines() {
        #expect(
            DrainPhase.heldPod(
                in: "error when evicting pods/\"web-5d8f\" -n \"default\" (will retry after 5s): Cannot evict pod")
                == "default/web-5d8f")
        #expect(DrainPhase.heldPod(in: "evicting pod default/web") == nil)
    }

    @Test func secretsAreRedactedLongestFirst() {
        let redactor = SecretRedactor(values: ["hunter22", "hunter22-extended", "ab"])
        #expect(redactor.redact("token=hunter22-extended and hunter22, ab") == "token=*** and ***, ab")
    }

    static let clusterWithBudget = """
        {"apiVersion":"v1","kind":"List","items":[
          {"kind":"Node","apiVersion":"v1","metadata":{"name":"w1"},"spec":{"unschedulable":true},
           "status":{"conditions":[{"type":"Ready","status":"True"}],"nodeInfo":{"kubeletVersion":"v1.29.8"}}},
          {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-1","namespace":"shop","labels":{"app":"web"},
           "ownerReferences":[{"kind":"ReplicaSet","name":"web-5d","controller":true}]},
           "spec":{"nodeName":"w1"},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}},
          {"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"web","namespace":"shop","generation":1},
           "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"web"}}},
           "status":{"observedGeneration":1,"currentHealthy":1,"desiredHealthy":1,"disruptionsAllowed":0,"expectedPods":1}}
        ]}
        """
}
