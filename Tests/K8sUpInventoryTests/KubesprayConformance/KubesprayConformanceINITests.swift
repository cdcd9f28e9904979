import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The INI reader on every `.ini` of Kubespray's own sample inventories, against ansible-inventory's
/// `--list` (`Fixtures/INI/kubespray/VERSION--DIR--NAME.expected.json`) or the place Ansible fails.
/// Runs when those inventories are there (see `SharedFixtures`), skipped with the reason otherwise.
@Suite(.enabled(if: SharedFixtures.available, SharedFixtures.skipReason))
struct KubesprayConformanceINITests {
    @Test func kubesprayInventoriesMatchAnsibleInventoryList() throws {
        let root = URL(fileURLWithPath: try SharedFixtures.requireKubespray())
        let files = try INIDifferentialTests.expectTreeMatchesAnsible(root, expected: "kubespray")
        #expect(files >= 6)
    }
}
