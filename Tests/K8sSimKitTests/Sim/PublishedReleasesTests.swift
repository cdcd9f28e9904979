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

/// What the simulated package mirrors and dl.k8s.io publish, minor by minor.
@Suite struct PublishedReleasesTests {
    /// The last patch release of each minor that is out of support (the Kubernetes release history).
    @Test(arguments: [(24, 17), (25, 16), (26, 15), (27, 16), (28, 15), (29, 15)])
    func endedMinorsCarryEveryPatchUpToTheirLast(minor: Int, last: Int) {
        let releases = PublishedReleases.releases(major: 1, minor: minor)
        #expect(releases.first == SimVersion(1, minor, 0))
        #expect(releases.last == SimVersion(1, minor, last))
        #expect(releases == (0...last).map { SimVersion(1, minor, $0) })
        #expect(!PublishedReleases.isPublished(SimVersion(1, minor, last + 1)))
    }

    @Test func minorsWithoutARepositoryCarryNothing() {
        #expect(PublishedReleases.releases(major: 1, minor: 23).isEmpty)
        #expect(PublishedReleases.releases(major: 1, minor: 99).isEmpty)
        #expect(PublishedReleases.releases(major: 2, minor: 30).isEmpty)
        #expect(PackageCatalog(layout: .apt).versions(minor: "1.23").isEmpty)
        #expect(PackageCatalog(layout: .apt).versions(minor: "1.x").isEmpty)
    }

    @Test func preReleasesAndVendorBuildsAreNotPublished() throws {
        #expect(PublishedReleases.isPublished(SimVersion(1, 30, 4)))
        #expect(!PublishedReleases.isPublished(try #require(SimVersion("v1.30.4-rc.0"))))
        #expect(!PublishedReleases.isPublished(try #require(SimVersion("v1.30.4-eks-0a21954"))))
    }

    @Test func packagesCarryTheRevisionOfTheirLayout() throws {
        let deb = PackageCatalog(layout: .apt).versions(minor: "1.30")
        #expect(deb.first == "1.30.0-1.1")
        #expect(deb.contains("1.30.4-1.1"))
        let rpm = PackageCatalog(layout: .dnf).versions(minor: "1.30")
        #expect(rpm.contains("1.30.4-150500.1.1"))
        #expect(deb.count == rpm.count)
        let index = PackageCatalog(layout: .apt).packagesIndex(minor: "1.29")
        #expect(
            index.contains(
                "Package: kubeadm\nVersion: 1.29.15-1.1\nArchitecture: amd64\nFilename: kubeadm_1.29.15-1.1_amd64.deb\n"
            ))
        #expect(!index.contains("1.30."))
    }

    @Test func repositoryURLsNameTheirMinor() {
        #expect(PackageCatalog.minor(inRepositoryURL: "https://pkgs.k8s.io/core:/stable:/v1.30/deb/") == "1.30")
        #expect(PackageCatalog.minor(inRepositoryURL: "https://pkgs.k8s.io/core:/stable:/v1.31/rpm/") == "1.31")
        #expect(PackageCatalog.minor(inRepositoryURL: "https://pkgs.k8s.io/core:/stable:/v1.31/src/") == nil)
        #expect(PackageCatalog.minor(inRepositoryURL: "https://pkgs.k8s.io/core:/stable:/vnext/deb/") == nil)
    }

    /// The independent check the simulator exists for: every hop release k8sup would pick from its own
    /// table must be one the mirrors really carry, or an upgrade through it fails on the nodes.
    @Test func everyReleaseK8sUpsTableNamesIsPublished() throws {
        for minor in 24...40 {
            guard let latest = PatchReleases.latest(of: KubeMinor(1, minor)) else { continue }
            let published = try #require(SimVersion(latest.description))
            #expect(PublishedReleases.isPublished(published), "k8sup names \(latest), which the mirrors lack")
        }
    }
}
