import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// The minors an upgrade passes through: one `kubeadm upgrade apply` per minor.
@Suite struct MinorHopsTests {
    @Test(arguments: [
        ("v1.28.6", "v1.30.4", ["v1.29", "v1.30"]),
        ("v1.28.6", "v1.29.0", ["v1.29"]),
        ("v1.27.3", "v1.31.0", ["v1.28", "v1.29", "v1.30", "v1.31"]),
        ("v1.30.1", "v1.30.4", ["v1.30"]),
        ("v1.31.0-rc.1", "v1.31.0", ["v1.31"]),
        ("v1.30.4", "v1.31.0-rc.1", ["v1.31"]),
        ("v1.28.6-eks-0a21954", "v1.29.1", ["v1.29"]),
        ("v1.30.4", "v1.30.4", []),
        ("v1.28.6-eks-0a21954", "v1.28.6", []),
    ])
    func givesOneHopPerMinorAndOneForAPatchUpgrade(from: String, to: String, hops: [String]) throws {
        let start = try KubeVersion(parsing: from)
        let target = try KubeVersion(parsing: to)
        #expect(try start.minorHops(to: target).map(\.description) == hops)
    }

    @Test(arguments: [("v1.30.4", "v1.29.8"), ("v1.30.4", "v1.30.3"), ("v1.31.0", "v1.31.0-rc.1")])
    func refusesADowngrade(from: String, to: String) throws {
        let start = try KubeVersion(parsing: from)
        let target = try KubeVersion(parsing: to)
        #expect(throws: VersionError.downgrade(from: start, to: target)) { try start.minorHops(to: target) }
    }

    @Test func refusesAMajorChange() throws {
        let start = try KubeVersion(parsing: "v1.30.4")
        let target = try KubeVersion(parsing: "v2.0.0")
        #expect(throws: VersionError.majorChange(from: start, to: target)) { try start.minorHops(to: target) }
        #expect(throws: VersionError.majorChange(from: target, to: start)) { try target.minorHops(to: start) }
    }

    @Test func explainsWhyAnUpgradeIsImpossible() throws {
        let newer = try KubeVersion(parsing: "v1.30.4")
        let older = try KubeVersion(parsing: "v1.29.8-eks-1")
        #expect(
            VersionError.downgrade(from: newer, to: older).description
                == "cannot go from v1.30.4 to v1.29.8-eks-1: that is a downgrade, and kubeadm only upgrades")
        #expect(
            VersionError.majorChange(from: newer, to: KubeVersion(2, 0, 0)).description
                == "cannot go from v1.30.4 to v2.0.0: k8sup upgrades within one major version only")
    }
}
