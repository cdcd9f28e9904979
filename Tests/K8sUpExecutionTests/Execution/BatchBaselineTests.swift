import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The executor's judgement between `--batch auto` batches: what a batch takes away, and when the
/// cluster has given it back.
@Suite struct BatchBaselineTests {
    func cluster(
        webReady: Int, allowed: Int, healthy: Int, desired: Int = 2, onWorker1: Int = 2
    ) -> ClusterState {
        var pods: [ClusterPod] = []
        for index in 0..<3 {
            pods.append(
                ClusterPod(
                    namespace: "shop", name: "web-\(index)", nodeName: index < onWorker1 ? "worker-1" : "worker-2",
                    labels: ["app": "web"], controllerKind: "ReplicaSet", controllerName: "web-5d8f",
                    isReady: index < webReady))
        }
        pods.append(
            ClusterPod(
                namespace: "kube-system", name: "calico-node-a", nodeName: "worker-1", controllerKind: "DaemonSet",
                controllerName: "calico-node"))
        let budget = DisruptionBudget(
            namespace: "shop", name: "web", selector: LabelSelector(matchLabels: ["app": "web"]),
            maxUnavailable: .count(1), currentHealthy: healthy, desiredHealthy: desired, disruptionsAllowed: allowed,
            expectedPods: 3)
        return ClusterState(
            nodes: [
                ClusterNode(name: "worker-1", kubeletVersion: nil), ClusterNode(name: "worker-2", kubeletVersion: nil),
            ],
            pods: pods, budgets: [budget], source: "test")
    }

    @Test func notesTheBudgetsAndControllersOfThePodsTheBatchEvicts() {
        let baseline = BatchBaseline(nodes: ["worker-1"], cluster: cluster(webReady: 3, allowed: 1, healthy: 3))
        #expect(baseline.allowedBefore == ["shop/web": 1])
        // DaemonSet pods stay with their node and are not waited for.
        #expect(baseline.readyBefore == ["shop/ReplicaSet/web-5d8f": 3])
    }

    @Test func waitsUntilTheReplacementsAreReadyAndTheBudgetIsBackAtItsLevel() {
        let baseline = BatchBaseline(nodes: ["worker-1"], cluster: cluster(webReady: 3, allowed: 1, healthy: 3))
        let during = baseline.shortfalls(in: cluster(webReady: 1, allowed: 0, healthy: 1))
        #expect(
            during == [
                "pdb shop/web allows 0 (1 before the batch), 1 healthy of 2 needed",
                "ReplicaSet shop/web-5d8f: 1 pod(s) Ready, 3 before the batch",
            ])
        let healthyButNotBack = baseline.shortfalls(in: cluster(webReady: 2, allowed: 0, healthy: 2))
        #expect(healthyButNotBack.count == 2)
        #expect(baseline.shortfalls(in: cluster(webReady: 3, allowed: 1, healthy: 3)).isEmpty)
    }

    @Test func aBatchThatEvictsNothingWaitsForNothing() {
        let baseline = BatchBaseline(
            nodes: ["worker-2"], cluster: cluster(webReady: 3, allowed: 1, healthy: 3, onWorker1: 3))
        #expect(baseline == BatchBaseline(allowedBefore: [:], readyBefore: [:]))
        #expect(baseline.shortfalls(in: cluster(webReady: 0, allowed: 0, healthy: 0)).isEmpty)
    }

    @Test func aReplacedBatchSaysWhatThePlanHadAndWhy() {
        let packed = [
            UpgradePlan.Batch(number: 3, zone: nil, nodes: ["worker-4", "worker-9"], reasons: []),
            UpgradePlan.Batch(
                number: 4, zone: nil, nodes: ["worker-5"],
                reasons: [
                    .init(
                        node: "worker-5", kind: "pdb",
                        reason: "pdb shop/web allows 1: worker-4 and worker-5 both hold web pods")
                ]),
        ]
        let note = BatchPacing.change(from: ["worker-4", "worker-5"], to: ["worker-4", "worker-9"], packed: packed)
        #expect(
            note == "re-packed against where the pods are now; the plan had worker-4, worker-5; "
                + "worker-5: pdb shop/web allows 1: worker-4 and worker-5 both hold web pods")
    }
}
