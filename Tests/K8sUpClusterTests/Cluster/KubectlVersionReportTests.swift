import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `kubectl version -o json`: the apiserver's version, the fallback for the control plane's.
@Suite struct KubectlVersionReportTests {
    func report(_ text: String) throws(ClusterStateError) -> KubectlVersionReport {
        try KubectlVersionReport.decode(text: text, source: "kubectl version")
    }

    func failure(_ text: String) -> String {
        do {
            _ = try KubectlVersionReport.serverVersion(text: text, source: "kubectl version")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsTheReferenceOutputVerbatimWhateverTheMinorSays() throws {
        let text = try SnapshotFixtures.text("kubectl-version.json")
        let report = try report(text)
        #expect(report.server == KubeVersion(1, 30, 4))
        #expect(report.client == KubeVersion(1, 32, 4))
        #expect(report.client?.description == "v1.32.4-dispatcher")
        #expect(try KubectlVersionReport.serverVersion(text: text, source: "s") == KubeVersion(1, 30, 4))
        #expect(try KubectlVersionReport.decode(data: Data(text.utf8), source: "s") == report)
    }

    @Test func readsAVendorServerVersionAndNewerFields() throws {
        let text = #"""
            {"clientVersion": {"major": "1", "minor": "33", "gitVersion": "v1.33.1"},
             "serverVersion": {"major": "1", "minor": "29+", "gitVersion": "v1.29.8-eks-a737599", "emulationMajor": "1",
                               "emulationMinor": "29"}}
            """#
        let server = try #require(try report(text).server)
        #expect(server == KubeVersion(1, 29, 8) && server.buildSuffix == "-eks-a737599")
    }

    @Test func hasNoServerVersionWhenKubectlDidNotReachTheCluster() throws {
        let text =
            #"{"clientVersion": {"major": "1", "minor": "32", "gitVersion": "v1.32.4"}, "kustomizeVersion": "v5.5.0"}"#
        #expect(try report(text) == KubectlVersionReport(client: KubeVersion(1, 32, 4), server: nil))
        #expect(
            failure(text)
                == "kubectl version: there is no serverVersion: kubectl did not get an answer from the cluster's API "
                + "server (check the kubeconfig and context it uses)")
    }

    @Test func aServerVersionThatDoesNotParseNamesItsPlace() {
        let text = #"{"serverVersion": {"major": "1", "minor": "30", "gitVersion": "v1.30"}}"#
        #expect(
            failure(text)
                == #"kubectl version:1:63: serverVersion.gitVersion: "v1.30" is not a Kubernetes version: "#
                + "expected v<major>.<minor>.<patch>, e.g. v1.30.4 (the patch number is missing)")
    }

    @Test func aServerVersionWithoutGitVersionIsTheWrongShape() {
        #expect(
            failure(#"{"serverVersion": {"major": "1", "minor": "30"}}"#)
                == "kubectl version:1:19: serverVersion.gitVersion: required field is missing")
    }

    @Test func outputThatIsNotJSONNamesTheCommandItShouldComeFrom() {
        #expect(
            failure("Client Version: v1.32.4\nServer Version: v1.30.4\n")
                == "kubectl version:1:1: not JSON: expecting a value; it should be the output of "
                + "`kubectl version -o json`"
        )
        #expect(
            failure("")
                == "kubectl version: there is no JSON in it; it should be the output of `kubectl version -o json`")
    }
}
