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

/// The built `k8sup` on a machine where kubectl has never been set up: the README's first live
/// command must say what is missing and how to go on, not what client-go says in a retry loop.
@Suite struct FirstRunWithoutKubeconfigTests {
    /// The README's first live command on a machine where kubectl has never been set up.
    @Test func theRealKubectlWithoutAnyKubeconfigGivesTheHint() throws {
        let home = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let kubectl = try RealKubectl.path()
        let result = try BinaryRunner.run(
            ["plan", "-i", "Inventories/sim", "--kubectl", kubectl], environment: ["HOME": home],
            unsetting: ["KUBECONFIG", "KUBERNETES_SERVICE_HOST"])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "k8sup: error: cannot read the cluster: kubectl has no configuration to find it (KUBECONFIG is not "
                + "set, there is no \(home)/.kube/config, and no --kubeconfig was given).")
        #expect(lines.contains("  k8sup ran: \(kubectl) get nodes,pods,pdb -A -o json"))
        #expect(
            lines.contains { $0.hasPrefix("  kubectl said: The connection to the server localhost:8080 was refused") })
        #expect(lines.contains { $0.hasPrefix("Pass --kubeconfig FILE [--context NAME], or --snapshot FILE") })
        #expect(result.error.contains("k8sim serve -i Inventories/sim"))
        // No retry noise from client-go.
        #expect(!result.error.contains("memcache.go"))
        #expect(lines.count == 4 + ClusterReadError.sampleHint.split(separator: "\n").count)
    }
}
