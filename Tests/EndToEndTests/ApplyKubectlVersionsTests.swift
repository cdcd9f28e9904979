import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `k8sup apply` driving each kubectl on the machine (the default one and every `kubectl.1.NN` beside
/// it, 1.27 to 1.33 on these machines): each upgrades a cluster by one minor it supports on both sides
/// (kubectl 1.NN from v1.(NN-1) to v1.NN), through a drain that evicts pods under a budget.
@Suite("apply with every kubectl", .serialized)
struct ApplyKubectlVersionsTests {
    @Test(arguments: RealKubectl.versions)
    func everyKubectlDrivesAWholeHop(_ kubectl: String) async throws {
        let minor = try #require(try Self.clientMinor(kubectl), "cannot read the version of \(kubectl)")
        let from = try #require(PatchReleases.latest(of: KubeMinor(1, minor - 1)))
        let target = try #require(PatchReleases.latest(of: KubeMinor(1, minor)))
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2, target: "\(target)",
            scenario: """
                from: \(from)
                workloads:
                  - {name: web, namespace: shop, kind: Deployment, replicas: 2, labels: {app: web}}
                pdbs:
                  - {name: web, namespace: shop, selector: {app: web}, maxUnavailable: 1}
                """,
            kubectl: kubectl)
        let result = try await cluster.apply()
        #expect(result.status == 0, "\(kubectl): \(result.error)")
        #expect(result.output.contains("kubectl: \(kubectl)"))
        for (name, state) in cluster.nodes {
            #expect(state == .init(version: "\(target)", ready: true, cordoned: false), "\(kubectl): \(name)")
        }
        #expect(try cluster.journal.lastResult == .succeeded)
        let log = try String(contentsOfFile: cluster.stateDirectory + "/logs/worker-1.log", encoding: .utf8)
        #expect(log.contains("node/worker-1 drained"), "\(kubectl)")
    }

    /// The client minor `kubectl version --client -o json` reports.
    static func clientMinor(_ kubectl: String) throws -> Int? {
        let result = try BinaryRunner.runProgram(kubectl, ["version", "--client", "-o", "json"])
        guard let range = result.output.range(of: "\"minor\": \"") else { return nil }
        return Int(result.output[range.upperBound...].prefix { $0.isNumber })
    }
}
