import Foundation
import Testing

@testable import K8sUpKit

@Suite struct KubectlClusterReaderTests {
    @Test func readsTheClusterAndTheLiveFactsWithTheGivenKubeconfigAndContext() async throws {
        let runner = FakeRunner()
        let snapshot = try String(contentsOfFile: TestPaths.inventories + "/sample.snapshot.json", encoding: .utf8)
        let prefix = "kubectl --kubeconfig /etc/k/admin.conf --context prod"
        runner.on("\(prefix) get nodes,pods,pdb -A -o json", .success(stdout: snapshot))
        runner.on(
            "\(prefix) version -o json",
            .failure(
                stdout: #"{"clientVersion": {"gitVersion": "v1.29.2"}, "serverVersion": {"gitVersion": "v1.28.6"}}"#))
        runner.on(
            "\(prefix) get --raw /metrics",
            .success(
                stdout:
                    #"apiserver_requested_deprecated_apis{group="batch",removed_release="1.25",resource="cronjobs",subresource="",version="v1beta1"} 1"#
            ))
        runner.on(
            "\(prefix) get --raw /readyz/etcd", .failure(stderr: "Error from server (InternalServerError): etcd failed")
        )
        let reader = KubectlClusterReader(
            runner: runner, kubectl: "kubectl", kubeconfig: "/etc/k/admin.conf", context: "prod")
        let state = try await reader.readState()
        #expect(state.nodes.count == 9)
        #expect(state.source.hasPrefix("live (kubectl --kubeconfig /etc/k/admin.conf --context prod get"))
        let facts = try await reader.readLiveFacts()
        #expect(facts.kubectlVersion == KubeVersion(1, 29, 2))
        #expect(facts.serverVersion == KubeVersion(1, 28, 6))
        #expect(facts.deprecatedAPIs.map(\.resource) == ["cronjobs"])
        #expect(facts.etcdHealthy == false)
        #expect(facts.etcdDetail?.contains("etcd failed") == true)
    }

    @Test func aFailingGetIsAnErrorWithKubectlsMessage() async throws {
        let runner = FakeRunner()
        runner.on(
            "kubectl get nodes,pods,pdb -A -o json",
            .failure(stderr: "error: You must be logged in to the server (Unauthorized)"))
        let reader = KubectlClusterReader(runner: runner, kubectl: "kubectl", kubeconfig: nil, context: nil)
        await #expect { try await reader.readState() } throws: { "\($0)".contains("Unauthorized") }
    }
}
