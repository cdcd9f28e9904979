import Foundation
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

/// k8sim recomputes only what a write can change (the budgets whose pods, or own object, were written;
/// the pods waiting for a node after a write), and the result is the same as computing everything again.
@Suite struct SimIncrementalUpdateTests {
    static let twoServices = """
        from: v1.28.15
        allocatable: {cpu: "4", memory: 8Gi}
        workloads:
          - {name: web, kind: Deployment, replicas: 4, cpu: 1000m, memory: 1Gi}
          - {name: db, kind: StatefulSet, replicas: 3, cpu: 1000m, memory: 1Gi}
        pdbs:
          - {name: web, selector: {app: web}, maxUnavailable: 1}
          - {name: db, selector: {app: db}, minAvailable: 2}
        delays: {podReschedule: 2, podStart: 4, scale: 1}
        """

    /// Each stored budget's status against the one computed from scratch over all pods.
    static func expectStatusesAsIfRecomputed(_ cluster: SimCluster, _ step: String) {
        for budget in cluster.objects("poddisruptionbudgets") {
            let recomputed = cluster.read { $0.budgetWithStatus(budget) }
            #expect(budget[["status"]] == recomputed[["status"]], "\(budget.objectName) after \(step)")
        }
    }

    @Test func budgetStatusFollowsEveryWriteThatConcernsIt() throws {
        let clock = ManualClock()
        let cluster = try SimTestSupport.cluster(Self.twoServices, clock: clock)
        let web = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "web"))
        #expect(web.int("status", "disruptionsAllowed") == 1)
        let dbBefore = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "db"))
        let webPod = try #require(SimTestSupport.pods(cluster).first { $0.objectName.hasPrefix("web-") })
        #expect(try cluster.evict(namespace: "default", name: webPod.objectName).get().code == 201)
        Self.expectStatusesAsIfRecomputed(cluster, "evicting a web pod")
        let afterEviction = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "web"))
        #expect(afterEviction.int("status", "disruptionsAllowed") == 0)
        // The db budget was not written for a web pod's eviction.
        let db = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "db"))
        #expect(db.string("metadata", "resourceVersion") == dbBefore.string("metadata", "resourceVersion"))
        clock.advance(by: 3)
        Self.expectStatusesAsIfRecomputed(cluster, "the replacement was placed")
        #expect(cluster.deletePod(namespace: "default", name: "db-0"))
        Self.expectStatusesAsIfRecomputed(cluster, "deleting db-0")
        clock.advance(by: 10)
        Self.expectStatusesAsIfRecomputed(cluster, "the replacements turned Ready")
        let settled = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "web"))
        #expect(settled.int("status", "disruptionsAllowed") == 1)
    }

    @Test func aPodWriteConcernsOnlyTheBudgetsSelectingItBeforeOrAfter() throws {
        func budget(_ name: String, namespace: String = "apps") -> DataValue {
            ["metadata": ["name": .string(name), "namespace": .string(namespace)]]
        }
        let web = SimLabelSelector(matchLabels: ["app": "web"])
        let db = SimLabelSelector(matchLabels: ["app": "db"])
        var inputs = BudgetInputs(all: false)
        #expect(!inputs.affect(budget("web"), selector: web))
        let pod: DataValue = ["metadata": ["name": "web-1", "namespace": "apps", "labels": ["app": "web"]]]
        inputs.note(.pods, pod, replacing: nil)
        #expect(inputs.affect(budget("web"), selector: web))
        #expect(!inputs.affect(budget("db"), selector: db))
        #expect(!inputs.affect(budget("web", namespace: "other"), selector: web))
        #expect(!inputs.affect(budget("none"), selector: nil))
        // A relabelled pod concerns the budget that selected it before as well as the one after.
        var relabelled = pod
        relabelled[["metadata", "labels", "app"]] = "db"
        var moved = BudgetInputs(all: false)
        moved.note(.pods, relabelled, replacing: pod)
        #expect(moved.affect(budget("web"), selector: web) && moved.affect(budget("db"), selector: db))
        // A budget written concerns itself; a controller written (its replicas) concerns every budget.
        var written = BudgetInputs(all: false)
        written.note(.budgets, budget("db"), replacing: nil)
        #expect(written.affect(budget("db"), selector: db) && !written.affect(budget("web"), selector: web))
        written.note(.deployments, ["metadata": ["name": "web", "namespace": "apps"]], replacing: nil)
        #expect(written.affect(budget("web"), selector: web))
    }
}
