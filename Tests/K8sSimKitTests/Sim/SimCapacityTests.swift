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

/// k8sim's scheduler with room (requests against allocatable), zones and worker sizes from the
/// scenario, and the counters of what a run disturbed.
@Suite struct SimCapacityTests {
    /// Three 2-CPU workers in two zones; `web` asks 1.5 CPU per pod, one pod per worker.
    static let tight = """
        from: v1.28.15
        allocatable: {cpu: "2", memory: 4Gi}
        zones: {worker-1: a, worker-2: a, worker-3: b}
        workloads:
          - {name: web, kind: Deployment, replicas: 3, cpu: 1500m, memory: 1Gi}
        pdbs:
          - {name: web, selector: {app: web}, maxUnavailable: 2}
        delays: {podReschedule: 4, podStart: 6, scale: 0.5}
        """

    @Test func theScenarioSizesTheWorkersAndLabelsTheirZones() throws {
        let cluster = try SimTestSupport.cluster(Self.tight)
        let worker = try #require(cluster.object("nodes", name: "worker-3"))
        #expect(worker.string("metadata", "labels", "topology.kubernetes.io/zone") == "b")
        #expect(worker.string("status", "allocatable", "cpu") == "2")
        let controlPlane = try #require(cluster.object("nodes", name: "cp-1"))
        #expect(controlPlane.string("status", "allocatable", "cpu") == "4")
        let pod = try #require(SimTestSupport.pods(cluster).first { $0.objectName.hasPrefix("web-") })
        #expect(pod[["spec", "containers"]]?.listValue?.first?.string("resources", "requests", "cpu") == "1500m")
        #expect(Set(SimTestSupport.pods(cluster).compactMap { $0.string("spec", "nodeName") }).count == 3)
        #expect(cluster.delays.podReschedule == 2 && cluster.delays.podStart == 3)
        #expect(cluster.counters == SimCounters())
    }

    @Test func aReplacementWithNoRoomStaysPendingAndIsCounted() throws {
        let clock = ManualClock()
        let cluster = try SimTestSupport.cluster(Self.tight, clock: clock)
        let victim = try #require(
            SimTestSupport.pods(cluster).first { $0.string("spec", "nodeName") == "worker-1" })
        // As a drain does: cordon, then evict.
        cluster.setCordoned("worker-1", true)
        #expect(try cluster.evict(namespace: "default", name: victim.objectName).get().code == 201)
        clock.advance(by: 2.5)
        let pending = SimTestSupport.pods(cluster).filter { $0.string("status", "phase") == "Pending" }
        #expect(pending.count == 1 && pending.first?.string("spec", "nodeName") == nil)
        #expect(cluster.counters.pendingForCapacity == 1)
        // Room again on worker-1 (its pod is gone): the pending pod is placed there and turns Ready.
        cluster.setCordoned("worker-1", false)
        let placing = SimTestSupport.pods(cluster).filter { $0.objectName.hasPrefix("web-") }
        #expect(placing.allSatisfy { $0.string("spec", "nodeName") != nil })
        #expect(placing.contains { $0.string("status", "phase") == "Pending" })
        clock.advance(by: 4)
        let placed = SimTestSupport.pods(cluster).filter { $0.objectName.hasPrefix("web-") }
        #expect(placed.allSatisfy { $0.string("status", "phase") == "Running" })
        #expect(cluster.counters.pendingForCapacity == 1)
    }

    @Test func evictionsABudgetRefusesAreCounted() throws {
        let cluster = try SimTestSupport.cluster(Self.tight)
        let pods = SimTestSupport.pods(cluster).filter { $0.objectName.hasPrefix("web-") }
        for pod in pods { _ = cluster.evict(namespace: "default", name: pod.objectName) }
        #expect(cluster.counters.refusedEvictions == 1)
        #expect(cluster.counters.refusedByBudget == ["default/web": 1])
        // A dry run refuses without counting.
        _ = cluster.evict(namespace: "default", name: pods[2].objectName, dryRun: true)
        #expect(cluster.counters.refusedEvictions == 1)
    }

    @Test func theCountersAreServedToTheBenchmarks() throws {
        let cluster = try SimTestSupport.cluster(Self.tight)
        let response = NodeAPIHandler(cluster: cluster).handle(SimTestSupport.request("GET", "/k8sim/v1/counters"))
        #expect(response.status == 200)
        let body = try SimTestSupport.json(response)
        #expect(body.int("refusedEvictions") == 0 && body.int("pendingForCapacity") == 0)
    }
}
