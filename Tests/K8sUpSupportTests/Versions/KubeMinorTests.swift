import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `KubeMinor`: what `1.30` (no patch) means.
@Suite struct KubeMinorTests {
    @Test(arguments: ["v1.30", "1.30", "V1.30", " v1.30\n"])
    func readsAMinorWithOrWithoutV(text: String) throws {
        #expect(try KubeMinor(parsing: text) == KubeMinor(1, 30))
    }

    @Test(arguments: ["v1.30.4", "1", "v1.", "1.x", "v1.030", "01.30", "v1.30-rc.1", "", "1.30 a"])
    func refusesAnythingElse(text: String) {
        #expect(throws: VersionError.notAMinorVersion(text)) { try KubeMinor(parsing: text) }
    }

    @Test func explainsTheExpectedForm() {
        #expect(
            VersionError.notAMinorVersion("1.x").description
                == #""1.x" is not a Kubernetes minor version: expected v<major>.<minor>, e.g. v1.30"#)
    }

    @Test func printsWithAV() {
        #expect(KubeMinor(1, 30).description == "v1.30")
    }

    @Test func ordersByMajorThenMinor() {
        #expect(KubeMinor(1, 9) < KubeMinor(1, 10))
        #expect(KubeMinor(1, 31) < KubeMinor(2, 0))
        #expect(
            [KubeMinor(1, 30), KubeMinor(1, 28), KubeMinor(1, 29)].sorted() == [
                KubeMinor(1, 28), KubeMinor(1, 29), KubeMinor(1, 30),
            ])
    }

    @Test func stepsToTheNextMinor() {
        #expect(KubeMinor(1, 29).next == KubeMinor(1, 30))
    }

    @Test func countsMinorsBetweenTwoMinorsOfOneMajor() {
        #expect(KubeMinor(1, 28).minors(to: KubeMinor(1, 31)) == 3)
        #expect(KubeMinor(1, 31).minors(to: KubeMinor(1, 28)) == -3)
        #expect(KubeMinor(1, 31).minors(to: KubeMinor(2, 0)) == nil)
    }

    @Test func isTheMinorOfAVersionWhateverItsSuffix() throws {
        #expect(try KubeVersion(parsing: "v1.28.6-eks-0a21954").minorVersion == KubeMinor(1, 28))
    }
}
