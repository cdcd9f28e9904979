import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

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

/// kubectl without any configuration: one clear error saying what k8sup ran, what kubectl said (not its
/// retry noise) and what to pass instead.
@Suite struct KubectlWithoutConfigurationTests {
    /// What kubectl v1.32 prints with no kubeconfig at all.
    static let noConfigurationOutput = """
        E1207 16:06:05.065725   17815 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"
        E1207 16:06:05.066939   17815 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"
        E1207 16:06:05.068181   17815 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"
        E1207 16:06:05.069405   17815 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"
        The connection to the server localhost:8080 was refused - did you specify the right host or port?

        """

    private func reader(environment: [String: String], files: [String] = [], kubeconfig: String? = nil)
        -> (KubectlClusterReader, FakeRunner)
    {
        let runner = FakeRunner()
        runner.on(
            "the read", where: { $0.arguments.suffix(5) == ["get", "nodes,pods,pdb", "-A", "-o", "json"] },
            .failure(stderr: Self.noConfigurationOutput))
        var reader = KubectlClusterReader(runner: runner, kubectl: "kubectl", kubeconfig: kubeconfig, context: nil)
        reader.environment = environment
        reader.fileSystem = InMemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { ($0, []) }))
        return (reader, runner)
    }

    @Test func noKubeconfigAnywhereIsOneClearErrorWithWhatToPass() async throws {
        let (reader, _) = reader(environment: ["HOME": "/home/ops"])
        let error = await #expect(throws: ClusterReadError.self) { try await reader.readState() }
        #expect(
            error?.description == """
                cannot read the cluster: kubectl has no configuration to find it (KUBECONFIG is not set, there is \
                no /home/ops/.kube/config, and no --kubeconfig was given).
                  k8sup ran: kubectl get nodes,pods,pdb -A -o json
                  kubectl said: The connection to the server localhost:8080 was refused - did you specify the right \
                host or port?
                Pass --kubeconfig FILE [--context NAME], or --snapshot FILE to plan offline from \
                `kubectl get nodes,pods,pdb -A -o json`.
                """)
    }

    @Test func aKubeconfigVariableNamingNoFileIsSaidSo() async throws {
        let (reader, _) = reader(environment: ["HOME": "/home/ops", "KUBECONFIG": "/gone/a:/gone/b"])
        let error = await #expect(throws: ClusterReadError.self) { try await reader.readState() }
        #expect(
            error?.description.hasPrefix(
                "cannot read the cluster: kubectl has no configuration to find it (KUBECONFIG=/gone/a:/gone/b names "
                    + "no file that exists, and no --kubeconfig was given).\n") == true)
    }

    @Test func withAConfigurationTheErrorIsKubectlsFirstMeaningfulLineWithoutTheHint() async throws {
        for (environment, files, kubeconfig) in [
            (["HOME": "/home/ops"], ["/home/ops/.kube/config"], nil),
            (["HOME": "/home/ops", "KUBECONFIG": "/gone:/etc/k.conf"], ["/etc/k.conf"], nil),
            (["HOME": "/home/ops", "KUBERNETES_SERVICE_HOST": "10.96.0.1"], [], nil),
            (["HOME": "/home/ops"], [], "/etc/admin.conf"),
        ] as [([String: String], [String], String?)] {
            let (reader, _) = reader(environment: environment, files: files, kubeconfig: kubeconfig)
            let error = await #expect(throws: ClusterReadError.self) { try await reader.readState() }
            let command =
                "kubectl " + (kubeconfig.map { "--kubeconfig \($0) " } ?? "") + "get nodes,pods,pdb -A -o json"
            #expect(
                error
                    == .kubectlFailed(
                        command: command, how: "exit 1",
                        kubectlSays:
                            "The connection to the server localhost:8080 was refused - did you specify the right host or port?"
                    ),
                "\(environment) \(files)")
        }
    }

    @Test func theFirstMeaningfulLineSkipsKlogNoise() {
        #expect(
            KubectlMessage.firstMeaningfulLine(Self.noConfigurationOutput)
                == "The connection to the server localhost:8080 was refused - did you specify the right host or port?")
        #expect(
            KubectlMessage.firstMeaningfulLine(
                "I0101 00:00:00.000000       1 round_trippers.go:553] GET https://x 403\n")
                == "GET https://x 403")
        #expect(KubectlMessage.firstMeaningfulLine("\n  \n") == nil)
        #expect(
            KubectlMessage.firstMeaningfulLine("error: You must be logged in to the server (Unauthorized)\n")
                == "error: You must be logged in to the server (Unauthorized)")
    }

    @Test func onlyTheSampleInventoriesGetTheSimulatorHint() async throws {
        #expect(ClusterReadError.isSample("Inventories/sim"))
        #expect(ClusterReadError.isSample("./Inventories/sample/"))
        #expect(ClusterReadError.isSample("/src/k8sup/Inventories/sim/hosts.yaml"))
        #expect(!ClusterReadError.isSample("/etc/ansible/inventories/prod"))
        #expect(!ClusterReadError.isSample("Inventories/simulation"))
        let error = ClusterReadError.noKubeconfig(
            command: "kubectl get", kubectlSays: "refused", missing: "x", sampleHint: nil)
        let hinted = await #expect(throws: ClusterReadError.self) {
            try await ClusterReadError.withSampleHint(inventories: ["Inventories/sim"]) { () async throws -> Int in
                throw error
            }
        }
        #expect(hinted?.description.hasSuffix(ClusterReadError.sampleHint) == true)
        let plain = await #expect(throws: ClusterReadError.self) {
            try await ClusterReadError.withSampleHint(inventories: ["prod"]) { () async throws -> Int in throw error }
        }
        #expect(plain == error)
    }
}
