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

/// What k8sup does with kubectl, against the fake apiserver, with every kubectl on the machine: the
/// one on PATH and each `kubectl.1.NN` beside it (1.27 to 1.33 here).
@Suite struct KubectlVersionsAgainstSimTests {
    @Test func machineHasTheOldestAndNewestSupportedKubectl() {
        let names = RealKubectl.versions.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names.contains("kubectl.1.27"), "\(RealKubectl.versions)")
        #expect(names.contains("kubectl.1.33"), "\(RealKubectl.versions)")
    }

    @Test(arguments: RealKubectl.versions)
    func getCordonDrainUncordon(kubectl: String) async throws {
        let sim = try SimKubectl(SimTestSupport.cluster(KubectlAgainstSimTests.scenario), kubectl: kubectl)
        let nodes = try await sim.runAsync(["get", "nodes", "-o", "json"])
        #expect(nodes.status == 0, "\(nodes.error)")
        #expect(nodes.output.contains("\"kubeletVersion\": \"v1.28.15\""))
        #expect(try await sim.runAsync(["cordon", "worker-2"]).output == "node/worker-2 cordoned\n")
        #expect(try await sim.runAsync(["uncordon", "worker-2"]).output == "node/worker-2 uncordoned\n")
        let drain = try await sim.runAsync([
            "drain", "worker-1", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=5m",
        ])
        #expect(drain.status == 0, "\(drain.error)")
        #expect(drain.output.hasSuffix("node/worker-1 drained\n"))
        #expect(try await sim.runAsync(["uncordon", "worker-1"]).status == 0)
    }

    @Test(arguments: RealKubectl.versions)
    func drainBlockedByABudgetFails(kubectl: String) async throws {
        let scenario = KubectlAgainstSimTests.scenario.replacingOccurrences(
            of: "minAvailable: 1", with: "maxUnavailable: 0")
        let sim = try SimKubectl(SimTestSupport.cluster(scenario), kubectl: kubectl)
        let result = try await sim.runAsync([
            "drain", "worker-2", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=6s",
        ])
        #expect(result.status == 1)
        #expect(result.error.contains("Cannot evict pod as it would violate the pod's disruption budget."))
        #expect(result.error.contains("global timeout reached: 6s"))
    }
}
