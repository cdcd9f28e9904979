import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct KubectlChoiceTests {
    func plan(live: LiveFacts, from version: String = "v1.28.6", to target: String = "v1.31.4") throws -> UpgradePlan {
        var fixture = PlanFixture.uniform(version, workers: 1)
        fixture.inventoryTarget = target
        fixture.live = live
        return try fixture.plan()
    }

    @Test func aVersionedKubectlIsPickedForEachHopWhenTheDefaultDoesNotFit() throws {
        let live = LiveFacts(
            kubectlVersion: KubeVersion(1, 28, 3), kubectlPath: "/sdk/bin/kubectl",
            versionedKubectls: [
                KubeMinor(1, 29): "/sdk/bin/kubectl.1.29", KubeMinor(1, 30): "/sdk/bin/kubectl.1.30",
                KubeMinor(1, 31): "/sdk/bin/kubectl.1.31",
            ])
        let plan = try plan(live: live)
        // hop 1 meets 1.28 and 1.29: the default 1.28 fits; hop 2 meets 1.29 and 1.30; hop 3 1.30 and 1.31.
        #expect(plan.hops.map(\.kubectl) == ["/sdk/bin/kubectl", "/sdk/bin/kubectl.1.30", "/sdk/bin/kubectl.1.31"])
        #expect(plan.checks("kubectl.skew").isEmpty)
    }

    @Test func aHopNoKubectlFitsIsWarnedAbout() throws {
        let live = LiveFacts(kubectlVersion: KubeVersion(1, 29, 0), kubectlPath: "/usr/bin/kubectl")
        let plan = try plan(live: live)
        #expect(plan.hops.map(\.kubectl) == ["/usr/bin/kubectl", "/usr/bin/kubectl", nil])
        let warning = try #require(plan.checks("kubectl.skew").first)
        #expect(warning.hops == [3])
        #expect(warning.message.contains("hop 3 meets kube-apiservers at v1.30 and v1.31"))
    }

    @Test func versionedSiblingsAreFoundBesideTheKubectl() throws {
        let found = try withTemporaryTree(text: [
            "bin/kubectl": "#!/bin/sh\n", "bin/kubectl.1.29": "#!/bin/sh\n", "bin/kubectl.1.33": "#!/bin/sh\n",
            "bin/kubectl.bak": "old\n", "bin/kubectl-convert": "plugin\n",
        ]) { root in KubectlClusterReader.versionedSiblings(of: root + "/bin/kubectl", fileSystem: LocalFileSystem()) }
        #expect(Set(found.keys) == [KubeMinor(1, 29), KubeMinor(1, 33)])
        #expect(found[KubeMinor(1, 29)]?.hasSuffix("/bin/kubectl.1.29") == true)
    }
}
