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

/// k8sim's own reading and ordering of Kubernetes versions.
@Suite struct SimVersionTests {
    @Test(arguments: [
        ("v1.30.4", "v1.30.4"), ("1.30.4", "v1.30.4"), ("V1.30.4", "v1.30.4"), (" v1.30.4\n", "v1.30.4"),
        ("Kubernetes v1.28.6", "v1.28.6"), ("v1.31.0-rc.1", "v1.31.0-rc.1"),
        ("v1.28.6-eks-0a21954", "v1.28.6-eks-0a21954"),
        ("v1.29.1+k3s1", "v1.29.1+k3s1"),
    ])
    func readsTheFormsNodesAndToolsPrint(text: String, shown: String) throws {
        #expect(try #require(SimVersion(text)).description == shown)
    }

    @Test(arguments: ["", "v1.30", "1.30.x", "v1.30.4.1", "v1.30.4 extra", "v1.30.-4", "v1.+30.4", "latest"])
    func refusesWhatIsNotAVersion(text: String) {
        #expect(SimVersion(text) == nil)
    }

    @Test func preReleasesAndVendorLabelsAreTold() throws {
        let candidate = try #require(SimVersion("v1.31.0-rc.1"))
        #expect(candidate.isPreRelease)
        #expect(candidate.preRelease == ["rc", "1"])
        let vendor = try #require(SimVersion("v1.28.6-eks-0a21954"))
        #expect(!vendor.isPreRelease)
        #expect(vendor.label == "-eks-0a21954")
        #expect(vendor.release.description == "v1.28.6")
    }

    @Test func vendorLabelsDoNotCountInComparisons() throws {
        #expect(SimVersion("v1.28.6-eks-0a21954") == SimVersion("v1.28.6"))
        #expect(Set([SimVersion(1, 28, 6), try #require(SimVersion("v1.28.6+k3s1"))]).count == 1)
    }

    @Test func ordersByReleaseThenPreReleaseFirst() throws {
        let texts = [
            "v1.31.0", "v1.30.10", "v1.31.0-rc.1", "v1.30.9", "v1.31.0-alpha.2", "v1.31.0-beta.0", "v1.31.0-rc.0",
        ]
        let sorted = try texts.map { try #require(SimVersion($0)) }.sorted().map(\.description)
        #expect(
            sorted == [
                "v1.30.9", "v1.30.10", "v1.31.0-alpha.2", "v1.31.0-beta.0", "v1.31.0-rc.0", "v1.31.0-rc.1", "v1.31.0",
            ])
    }

    @Test func namesItsMinorLine() {
        #expect(SimVersion(1, 31, 2).minorName == "v1.31")
        #expect(SimVersion(1, 31, 0).isAtLeast(1, 31))
        #expect(!SimVersion(1, 30, 14).isAtLeast(1, 31))
        #expect(SimVersion(2, 0, 0).isAtLeast(1, 31))
    }
}
