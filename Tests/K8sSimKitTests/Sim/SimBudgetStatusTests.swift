import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The simulated disruption controller's status for each budget shape, as the real one computes it:
/// expected pods from the owning controllers' replicas (the pods present for an integer minAvailable),
/// percentages of expected pods rounded up, Ready pods healthy, disruptionsAllowed never below 0.
@Suite struct SimBudgetStatusTests {
    /// Four replicas of one Deployment, one of them not Ready.
    static let oneUnready: [DisruptionMath.PodFacts] =
        (0..<3).map { _ in .init(ready: true, controller: .scaled(id: "deploy/web", replicas: 4)) }
        + [.init(ready: false, controller: .scaled(id: "deploy/web", replicas: 4))]

    @Test(
        arguments: [
            // (minAvailable, maxUnavailable, desiredHealthy, disruptionsAllowed), current healthy always 3 of 4.
            (DisruptionMath.Amount.count(2), nil, 2, 1),
            (.count(3), nil, 3, 0),
            (.count(4), nil, 4, 0),
            (.percent(50), nil, 2, 1),
            (.percent(30), nil, 2, 1),  // 1.2 rounded up
            (.percent(76), nil, 4, 0),  // 3.04 rounded up
            (nil, DisruptionMath.Amount.count(1), 3, 0),
            (nil, .count(2), 2, 1),
            (nil, .percent(30), 2, 1),  // 1.2 unavailable rounded up to 2
            (nil, .percent(100), 0, 3),
        ] as [(DisruptionMath.Amount?, DisruptionMath.Amount?, Int, Int)])
    func shapesWithAnUnhealthyPod(
        minAvailable: DisruptionMath.Amount?, maxUnavailable: DisruptionMath.Amount?, desired: Int, allowed: Int
    ) {
        let status = DisruptionMath.status(
            minAvailable: minAvailable, maxUnavailable: maxUnavailable, pods: Self.oneUnready)
        #expect(
            status == .init(expectedPods: 4, desiredHealthy: desired, currentHealthy: 3, disruptionsAllowed: allowed))
    }

    @Test func percentagesCountTheControllersReplicasNotThePodsPresent() {
        // Three of a Deployment's four pods exist (one is being replaced).
        let present = Array(Self.oneUnready.prefix(3))
        let byScale = DisruptionMath.status(minAvailable: nil, maxUnavailable: .count(1), pods: present)
        #expect(byScale == .init(expectedPods: 4, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0))
        let byPods = DisruptionMath.status(minAvailable: .count(2), maxUnavailable: nil, pods: present)
        #expect(byPods == .init(expectedPods: 3, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1))
    }

    @Test func twoControllersAddTheirReplicas() {
        let pods: [DisruptionMath.PodFacts] = [
            .init(ready: true, controller: .scaled(id: "deploy/web", replicas: 2)),
            .init(ready: true, controller: .scaled(id: "deploy/web", replicas: 2)),
            .init(ready: true, controller: .scaled(id: "sts/db", replicas: 3)),
        ]
        let status = DisruptionMath.status(minAvailable: .percent(50), maxUnavailable: nil, pods: pods)
        #expect(status == .init(expectedPods: 5, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0))
    }

    static let scenario = """
        from: v1.29.15
        workloads:
          - {name: web, kind: Deployment, replicas: 3, labels: {app: web}}
          - {name: cache, kind: StatefulSet, replicas: 1, labels: {app: cache}}
          - {name: other, kind: Deployment, replicas: 2, namespace: prod, labels: {app: web}}
        """

    func budget(spec: DataValue) -> DataValue {
        [
            "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
            "metadata": ["name": "probe", "namespace": "default", "generation": 1], "spec": spec,
        ]
    }

    @Test func anEmptySelectorSelectsEveryPodOfItsNamespace() throws {
        let cluster = try SimTestSupport.cluster(Self.scenario)
        let status = cluster.read { $0.budgetWithStatus(budget(spec: ["selector": [:], "maxUnavailable": 1])) }
        #expect(status.int("status", "currentHealthy") == 4)
        #expect(status.int("status", "expectedPods") == 4)
        #expect(status.int("status", "disruptionsAllowed") == 1)
    }

    @Test func aMissingSelectorSelectsNoPod() throws {
        let cluster = try SimTestSupport.cluster(Self.scenario)
        let status = cluster.read { $0.budgetWithStatus(budget(spec: ["minAvailable": 1])) }
        #expect(status.int("status", "currentHealthy") == 0)
        #expect(status.int("status", "expectedPods") == 0)
        #expect(status.int("status", "disruptionsAllowed") == 0)
    }

    @Test func expressionSelectorsPickTheirPods() throws {
        let cluster = try SimTestSupport.cluster(Self.scenario)
        let selector: DataValue = ["matchExpressions": [["key": "app", "operator": "In", "values": ["web"]]]]
        let status = cluster.read {
            $0.budgetWithStatus(budget(spec: ["selector": selector, "maxUnavailable": "50%"]))
        }
        #expect(status.int("status", "currentHealthy") == 3)
        #expect(status.int("status", "expectedPods") == 3)
        // 1.5 unavailable rounds up to 2, so one pod must stay.
        #expect(status.int("status", "desiredHealthy") == 1)
        #expect(status.int("status", "disruptionsAllowed") == 2)
    }
}
