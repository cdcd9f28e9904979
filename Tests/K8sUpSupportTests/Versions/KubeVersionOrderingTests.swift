import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// Equality, hashing and ordering: semantic-versioning precedence, vendor suffixes ignored.
@Suite struct KubeVersionOrderingTests {
    private func version(_ text: String) throws -> KubeVersion {
        try KubeVersion(parsing: text)
    }

    @Test func sortsReleasesNumericallyAndPreReleasesBeforeTheirRelease() throws {
        let ascending = [
            "v1.9.9", "v1.28.6", "v1.28.10", "v1.29.0", "v1.30.4", "v1.31.0-alpha.0", "v1.31.0-alpha.2",
            "v1.31.0-alpha.3", "v1.31.0-alpha.3.123", "v1.31.0-beta.0", "v1.31.0-rc.1", "v1.31.0-rc.2",
            "v1.31.0-rc.10", "v1.31.0", "v1.31.1", "v2.0.0",
        ]
        let versions = try ascending.map(version)
        #expect(versions.shuffled().sorted().map(\.description) == ascending)
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher)
            #expect(!(higher < lower))
            #expect(lower != higher)
        }
    }

    @Test func ordersAPreReleaseBeforeItsRelease() throws {
        #expect(try version("v1.31.0-rc.1") < version("v1.31.0"))
        #expect(try version("v1.31.0-rc.1") > version("v1.30.9"))
    }

    @Test func comparesPreReleaseNumbersNumericallyAndBeforeWords() throws {
        #expect(try version("v1.31.0-rc.2") < version("v1.31.0-rc.10"))
        #expect(KubeVersion(1, 31, 0, preRelease: ["rc", "9"]) < KubeVersion(1, 31, 0, preRelease: ["rc", "a"]))
    }

    @Test func ignoresTheVendorSuffixForEqualityOrderAndHashing() throws {
        let eks = try version("v1.28.6-eks-0a21954")
        let plain = try version("v1.28.6")
        #expect(eks == plain)
        #expect(!(eks < plain) && !(plain < eks))
        #expect(Set([eks, plain, try version("1.28.6+k3s1")]).count == 1)
        #expect(eks.description == "v1.28.6-eks-0a21954")
        #expect(try version("v1.28.6-gke.100") < version("v1.28.7-eks-1"))
    }

    @Test func keepsPreReleasesDistinctWhenHashing() throws {
        #expect(Set([try version("v1.31.0-rc.1"), try version("v1.31.0-rc.2"), try version("v1.31.0")]).count == 3)
    }
}
