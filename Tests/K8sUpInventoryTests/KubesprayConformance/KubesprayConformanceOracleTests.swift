import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `k8sup inventory` on Kubespray's own sample inventories of three releases (v2.14, v2.24, master),
/// alone and with hosts added, against what real Ansible printed (`Fixtures/Oracles`, the
/// `@kubespray/` cases of cases.json). Runs when those inventories are there (see `SharedFixtures`),
/// and is reported as skipped, with the reason, when they are not.
@Suite(.enabled(if: SharedFixtures.available, SharedFixtures.skipReason))
struct KubesprayConformanceOracleTests {
    @Test(arguments: AnsibleOracleTests.kubesprayCases)
    func printsExactlyWhatAnsiblePrinted(_ oracle: AnsibleOracleTests.Case) async throws {
        try await AnsibleOracleTests.check(oracle)
    }
}
