import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The cluster read between `--batch auto` batches keeps kubectl's whole answer: on a cluster of 200
/// workers it is several MiB, and a document cut at the default output limit does not parse.
@Suite struct ReadClusterOutputTests {
    /// A `kubectl get nodes,pods,pdb -A -o json` answer of `nodes` Ready nodes, each with a padded label.
    static func document(nodes: Int) -> String {
        let padding = String(repeating: "x", count: 4000)
        let items = (1...nodes).map { index in
            """
            {"kind": "Node", "apiVersion": "v1", "metadata": {"name": "worker-\(index)", \
            "labels": {"note": "\(padding)"}}, "status": {"conditions": [{"type": "Ready", "status": "True"}]}}
            """
        }
        return "{\"kind\": \"List\", \"apiVersion\": \"v1\", \"items\": [" + items.joined(separator: ",\n") + "]}\n"
    }

    @Test func aClusterReadOfSeveralMebibytesIsKeptWhole() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "k8sup-read-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let answer = directory.appendingPathComponent("answer.json").path
        let text = Self.document(nodes: 600)
        #expect(text.utf8.count > 2 * 1024 * 1024)
        try text.write(toFile: answer, atomically: true, encoding: .utf8)
        let kubectl = directory.appendingPathComponent("kubectl").path
        try "#!/bin/sh\ncat '\(answer)'\n".write(toFile: kubectl, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kubectl)
        let commands = KubectlCommands(
            kubectl: kubectl, kubeconfig: nil, context: nil, drainTimeout: .seconds(300), drainGracePeriod: nil,
            nodeReadyTimeout: .seconds(600))
        let result = try await ProcessRunner().run(commands.readCluster())
        #expect(result.succeeded && !result.stdoutTruncated)
        let state = try ClusterSnapshot.decode(text: result.stdout, source: "kubectl").state
        #expect(state.nodes.count == 600)
    }
}
