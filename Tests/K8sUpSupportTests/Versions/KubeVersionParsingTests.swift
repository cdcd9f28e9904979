import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// Every form a Kubernetes version arrives in: flags, inventory vars, `kubelet --version`,
/// `status.nodeInfo.kubeletVersion`, `kubectl version -o json`'s `gitVersion`, static-pod image tags.
@Suite struct KubeVersionParsingTests {
    @Test(arguments: [
        ("v1.30.4", "v1.30.4"), ("1.30.4", "v1.30.4"), ("V1.30.4", "v1.30.4"), ("  v1.30.4\n", "v1.30.4"),
        ("\tv1.30.4 ", "v1.30.4"), ("Kubernetes v1.28.6", "v1.28.6"), ("Kubernetes v1.28.6\n", "v1.28.6"),
        ("kubernetes  1.28.6", "v1.28.6"), ("v0.0.0", "v0.0.0"), ("v1.30.10", "v1.30.10"),
        ("v1.28.6-eks-0a21954", "v1.28.6-eks-0a21954"), ("v1.27.3-gke.100", "v1.27.3-gke.100"),
        ("v1.29.1+k3s1", "v1.29.1+k3s1"), ("v1.30.2+rke2r1", "v1.30.2+rke2r1"),
        ("v1.31.0-rc.1", "v1.31.0-rc.1"), ("v1.31.0-alpha.2", "v1.31.0-alpha.2"), ("v1.31.0-beta.0", "v1.31.0-beta.0"),
        ("v1.31.0-alpha.3.123+abcdef012345", "v1.31.0-alpha.3.123+abcdef012345"),
        ("v1.31.0-alpha.3.123+abcdef012345-dirty", "v1.31.0-alpha.3.123+abcdef012345-dirty"),
        ("v1.25.16-gke.1041000", "v1.25.16-gke.1041000"), ("v1.24.17-eks-8cb36c9", "v1.24.17-eks-8cb36c9"),
        ("v1.30.4-custom_build", "v1.30.4-custom_build"),
    ])
    func readsEveryFormAndPrintsItWithAV(text: String, printed: String) throws {
        #expect(try KubeVersion(parsing: text).description == printed)
    }

    @Test func keepsTheNumbers() throws {
        let version = try KubeVersion(parsing: "Kubernetes v1.28.16")
        #expect((version.major, version.minor, version.patch) == (1, 28, 16))
        #expect(version.minorVersion == KubeMinor(1, 28))
    }

    @Test(arguments: [
        ("v1.31.0-rc.1", ["rc", "1"], ""), ("v1.31.0-alpha.2", ["alpha", "2"], ""),
        ("v1.31.0-beta.0", ["beta", "0"], ""),
        ("v1.31.0-rc", ["rc"], ""), ("v1.31.0-alpha.3.123+abc", ["alpha", "3", "123"], "+abc"),
        ("v1.31.0-rc.1-eks-1", ["rc", "1"], "-eks-1"),
    ])
    func recognisesKubernetesPreReleases(text: String, preRelease: [String], buildSuffix: String) throws {
        let version = try KubeVersion(parsing: text)
        #expect(version.isPreRelease)
        #expect(version.preRelease == preRelease)
        #expect(version.buildSuffix == buildSuffix)
    }

    @Test(arguments: [
        ("v1.28.6-eks-0a21954", "-eks-0a21954"), ("v1.27.3-gke.100", "-gke.100"), ("v1.29.1+k3s1", "+k3s1"),
        ("v1.30.4-1.1", "-1.1"), ("v1.30.4-rc1", "-rc1"), ("v1.30.4+rc.1", "+rc.1"), ("v1.30.4-alphabet", "-alphabet"),
    ])
    func treatsOtherSuffixesAsVendorBuildLabels(text: String, buildSuffix: String) throws {
        let version = try KubeVersion(parsing: text)
        #expect(!version.isPreRelease)
        #expect(version.buildSuffix == buildSuffix)
        #expect(version.withoutBuildSuffix.buildSuffix.isEmpty)
        #expect(version.withoutBuildSuffix == version)
    }

    @Test func dropsOnlyTheVendorSuffixForKubeadm() throws {
        #expect(try KubeVersion(parsing: "v1.28.6-eks-0a21954").withoutBuildSuffix.description == "v1.28.6")
        #expect(try KubeVersion(parsing: "v1.31.0-rc.1+k3s1").withoutBuildSuffix.description == "v1.31.0-rc.1")
    }

    @Test(arguments: [
        "1.30.x", "", "v", "1", "v1.", "1.30.", "1.30.4.1", "v1.30.4 extra", "1.30.4-", "1.30.4+", "1.30.4-eks-",
        "1.30.4--rc", "1.30.4-rc..1", "1.30.4 -rc.1", "x1.30.4", "vv1.30.4", "v 1.30.4", "v1.30.-4", "v-1.30.4",
        "v1.030.4", "v01.30.4", "v1.30.04", "v1.30.4-rc.01", "v1.99999999999999999999.0", "v1.30.4-é",
        "Kubernetesv1.28.6", "Kubernetes", "Client Version: v1.30.4", "v1.30.4:latest", "v1,30,4", "١.٣٠.٤",
        "v1.30.4_custom",
    ])
    func refusesJunkWithTheExpectedForm(text: String) {
        #expect(throws: VersionError.notAVersion(text)) { try KubeVersion(parsing: text) }
    }

    @Test(arguments: ["1.30", "v1.30", " V1.30 "])
    func saysSoWhenOnlyThePatchIsMissing(text: String) {
        #expect(throws: VersionError.missingPatch(text)) { try KubeVersion(parsing: text) }
    }

    @Test func explainsTheExpectedForm() {
        #expect(
            VersionError.notAVersion("1.30.x").description
                == #""1.30.x" is not a Kubernetes version: expected v<major>.<minor>.<patch>, e.g. v1.30.4"#)
        #expect(
            VersionError.missingPatch("1.30").description
                == #""1.30" is not a Kubernetes version: expected v<major>.<minor>.<patch>, e.g. v1.30.4 "#
                + "(the patch number is missing)")
    }

    @Test func convertsLosslesslyToAndFromText() throws {
        #expect(KubeVersion("v1.29.1+k3s1")?.description == "v1.29.1+k3s1")
        #expect(KubeVersion("junk") == nil)
        let version = try KubeVersion(parsing: "v1.31.0-alpha.3.123+abc")
        #expect(KubeVersion(version.description)?.buildSuffix == version.buildSuffix)
        #expect(KubeVersion(version.description) == version)
    }

    @Test func buildsAReleaseFromItsNumbers() {
        #expect(KubeVersion(1, 30, 4).description == "v1.30.4")
        #expect(KubeVersion(1, 31, 0, preRelease: ["rc", "1"]).description == "v1.31.0-rc.1")
    }
}
