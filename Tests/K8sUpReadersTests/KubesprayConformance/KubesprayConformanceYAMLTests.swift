import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Every `*.yml`/`*.yaml` of Kubespray's own sample inventories (its group_vars of three releases and
/// kubeadm patches) must load to what Ansible loads (`Fixtures/YAML/kubespray/<path>.expected.json`).
/// Runs when those inventories are there (see `SharedFixtures`), skipped with the reason otherwise.
@Suite(.enabled(if: SharedFixtures.available, SharedFixtures.skipReason))
struct KubesprayConformanceYAMLTests {
    @Test func everyKubesprayYAMLFileLoadsLikeAnsible() throws {
        let root = try SharedFixtures.requireKubespray()
        let files = try KubesprayStyleYAMLTests.expectTreeLoadsLikeAnsible(root, expected: "kubespray")
        #expect(files >= 70)
    }
}
