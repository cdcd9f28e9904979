import Foundation
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

/// Single stand-ins on a simulated node, beyond the playbook runs: systemctl's view of a broken kubelet,
/// kubeadm's prompt, the tool files' version outputs and the sandbox's files.
@Suite(.serialized) struct NodeStandInTests {
    static func harness(_ layout: SandboxLayout = .apt) throws -> SimNodeHarness {
        try SimNodeHarness(
            layout: layout, from: KubeVersion(1, 29, 8),
            nodes: [.init(name: "cp-1", address: "10.0.0.1", controlPlane: true)])
    }

    @Test func aKubeletThatCannotRunIsReportedStopped() async throws {
        let harness = try Self.harness()
        let restart = try await harness.run("rm usr/bin/kubelet && systemctl restart kubelet", on: "cp-1")
        #expect(restart.exitStatus == 0)
        let node = try #require(harness.cluster.node("cp-1"))
        #expect(!node.running)
        #expect(!node.ready)
        #expect(node.startFailure == "Failed to execute /usr/bin/kubelet: No such file or directory")
        let active = try await harness.run("systemctl is-active kubelet", on: "cp-1")
        #expect(active.exitStatus == 3)
        #expect(active.stdout == "inactive\n")
    }

    @Test func toolFilesPrintTheirVersions() async throws {
        let harness = try Self.harness()
        let result = try await harness.run(
            "kubeadm version -o short; kubelet --version; kubectl version --client | head -n 1;"
                + " usr/local/bin/etcdctl version | head -n 1",
            on: "cp-1")
        #expect(
            result.stdout == "v1.29.8\nKubernetes v1.29.8\nClient Version: v1.29.8\netcdctl version: 3.5.16\n")
        #expect(try NodeSandbox(directory: harness.sandbox("cp-1")).installedKubeletVersion() == "v1.29.8")
    }

    @Test func kubeadmApplyWithoutYesAsksAndStopsOnNoAnswer() async throws {
        let harness = try Self.harness()
        let result = try await harness.run("kubeadm upgrade apply v1.29.8", on: "cp-1")
        #expect(result.exitStatus == 1)
        #expect(result.stdout.contains("Are you sure you want to proceed? [y/N]"))
        #expect(result.stderr.contains("won't proceed; the user didn't answer (Y|y) in order to continue"))
        #expect(harness.cluster.calls.isEmpty)
        let answered = try await harness.run("echo y | kubeadm upgrade apply v1.29.8", on: "cp-1")
        #expect(answered.exitStatus == 0)
        #expect(harness.cluster.calls == ["cp-1 apply v1.29.8"])
    }

    @Test func kubeadmOnePointThirtyRefusesFlagsBesideConfig() async throws {
        let harness = try SimNodeHarness(
            layout: .kubespray, from: KubeVersion(1, 30, 2),
            nodes: [.init(name: "cp-1", address: "10.0.0.1", controlPlane: true)])
        let result = try await harness.run(
            "usr/local/bin/kubeadm upgrade apply -y v1.30.2 --config=etc/kubernetes/kubeadm-config.yaml"
                + " --etcd-upgrade=false",
            on: "cp-1")
        #expect(result.exitStatus == 1)
        #expect(result.stderr.contains("can not mix '--config' with arguments [etcd-upgrade yes]"))
    }

    @Test(arguments: SandboxLayout.allCases)
    func sandboxesHaveTheFilesTheirPlaybookNames(layout: SandboxLayout) throws {
        let harness = try Self.harness(layout)
        let sandbox = harness.sandbox("cp-1")
        let state = try SandboxState.load(sandbox: sandbox)
        #expect(state.node == "cp-1")
        for (name, path) in layout.playbookVariables
        where !["local_release_dir", "kube_cert_dir", "k8sup_backup_dir"].contains(name) {
            #expect(FileManager.default.fileExists(atPath: sandbox + "/" + path), "\(name): \(path)")
        }
        let unit = try String(contentsOfFile: sandbox + "/etc/systemd/system/kubelet.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/" + layout.kubeletPath + " "))
    }
}
