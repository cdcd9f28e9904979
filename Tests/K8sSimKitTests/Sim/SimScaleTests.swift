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

/// k8sim with many nodes and pods: budgets' status is computed once per change of the store (not on
/// every request) and still follows what the controllers do between requests; a cluster of a hundred
/// workers in three zones seeds with every pod placed within its node's room.
@Suite struct SimScaleTests {
    static let replaced = """
        from: v1.28.15
        workloads:
          - {name: web, kind: Deployment, replicas: 3}
        pdbs:
          - {name: web, selector: {app: web}, maxUnavailable: 1}
        delays: {podReschedule: 4, podStart: 6, scale: 1}
        """

    func allowed(_ cluster: SimCluster) -> Int? {
        cluster.object("poddisruptionbudgets", namespace: "default", name: "web")?.int("status", "disruptionsAllowed")
    }

    func healthy(_ cluster: SimCluster) -> Int? {
        cluster.object("poddisruptionbudgets", namespace: "default", name: "web")?.int("status", "currentHealthy")
    }

    @Test func aBudgetFollowsItsReplacementPodWithNoRequestChangingAnything() throws {
        let clock = ManualClock()
        let cluster = try SimTestSupport.cluster(Self.replaced, clock: clock)
        #expect(allowed(cluster) == 1 && healthy(cluster) == 3)
        let victim = try #require(SimTestSupport.pods(cluster).first { $0.objectName.hasPrefix("web-") })
        #expect(try cluster.evict(namespace: "default", name: victim.objectName).get().code == 201)
        #expect(allowed(cluster) == 0 && healthy(cluster) == 2)
        // Reads alone change nothing.
        let version = cluster.resourceVersion
        #expect(allowed(cluster) == 0 && cluster.resourceVersion == version)
        // The replacement is created (not Ready yet), then turns Ready: only the clock moved.
        clock.advance(by: 4)
        #expect(SimTestSupport.pods(cluster).filter { $0.objectName.hasPrefix("web-") }.count == 3)
        #expect(allowed(cluster) == 0 && healthy(cluster) == 2)
        clock.advance(by: 6)
        #expect(allowed(cluster) == 1 && healthy(cluster) == 3)
    }

    /// `count` workers in three zones of equal blocks, 8 CPU each, and Deployments of 2 to 24 replicas
    /// (1 CPU each) under budgets of several shapes until about 80% of the CPU is requested.
    static func large(workers count: Int) -> (
        inventory: String, scenario: String, replicas: [String: Int], budgeted: Set<String>
    ) {
        let workers = (1...count).map { "worker-\($0)" }
        var inventory = "all:\n  hosts:\n    cp-1: {}\n"
        for worker in workers { inventory += "    \(worker): {}\n" }
        inventory += "  children:\n    kube_control_plane: {hosts: {cp-1: {}}}\n    etcd: {hosts: {cp-1: {}}}\n"
        inventory += "    kube_node: {hosts: {" + workers.map { "\($0): {}" }.joined(separator: ", ") + "}}\n"
        inventory += "    k8s_cluster: {children: {kube_control_plane: {}, kube_node: {}}}\n"
        let perZone = (count + 2) / 3
        let zones = workers.enumerated().map { "\($1): zone-\(["a", "b", "c"][$0 / perZone])" }
        var scenario = "from: v1.28.15\nallocatable: {cpu: \"8\", memory: 32Gi}\n"
        scenario += "zones: {" + zones.joined(separator: ", ") + "}\nworkloads:\n"
        var budgets = "pdbs:\n"
        var replicas: [String: Int] = [:]
        var budgeted = Set<String>()
        let shapes = ["maxUnavailable: 1", "maxUnavailable: \"25%\"", "minAvailable: \"50%\"", ""]
        var requested = 0
        var index = 0
        while requested < count * 8 * 8 / 10 {
            index += 1
            let size = [2, 3, 4, 6, 12, 24][index % 6]
            let name = "svc-\(index)"
            replicas[name] = size
            requested += size
            scenario += "  - {name: \(name), namespace: apps, kind: Deployment, replicas: \(size), cpu: 1000m}\n"
            let shape = shapes[index % shapes.count]
            if !shape.isEmpty {
                budgeted.insert(name)
                budgets += "  - {name: \(name), namespace: apps, selector: {app: \(name)}, \(shape)}\n"
            }
        }
        return (inventory, scenario + budgets, replicas, budgeted)
    }

    @Test func aHundredWorkersInThreeZonesSeedWithEveryPodPlacedWithinRoom() throws {
        let (inventoryText, scenarioText, replicas, budgeted) = Self.large(workers: 100)
        let scenario = try Scenario.parse(text: scenarioText, file: "scenario.yaml")
        let cluster = try withTemporaryTree(text: ["hosts.yaml": inventoryText]) { root in
            try SimCluster.seeded(inventory: SimNodeRoster.load(sources: [root + "/hosts.yaml"]), scenario: scenario)
        }
        let pods = cluster.objects("pods", namespace: "apps")
        #expect(pods.count == replicas.values.reduce(0, +))
        #expect(pods.allSatisfy { $0.string("spec", "nodeName") != nil })
        var used: [String: Int] = [:]
        for pod in pods {
            used[pod.string("spec", "nodeName") ?? "", default: 0] += 1
        }
        #expect(used.values.allSatisfy { $0 <= 8 })
        #expect(Set(used.keys).count == 100)
        let budgets = cluster.objects("poddisruptionbudgets", namespace: "apps")
        #expect(Set(budgets.map(\.objectName)) == budgeted && budgeted.count < replicas.count)
        for budget in budgets {
            #expect(budget.int("status", "expectedPods") == replicas[budget.objectName])
            #expect(budget.int("status", "currentHealthy") == replicas[budget.objectName])
        }
        #expect(cluster.counters.pendingForCapacity == 0 && cluster.counters.refusedEvictions == 0)
    }
}
