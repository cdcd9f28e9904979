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

/// The sample playbooks' own command lines, rendered with a k8sim inventory's sandbox vars, run through
/// the ssh stand-in on simulated nodes: upgrades change what the node reports, a restore from the
/// backup brings the old kubelet back, and an injected kubelet fault leaves the node NotReady.
@Suite(.serialized) struct SimNodeUpgradeTests {
    static let from = KubeVersion(1, 29, 8)
    static let target = KubeVersion(1, 30, 4)

    static func harness(_ layout: SandboxLayout) throws -> SimNodeHarness {
        try SimNodeHarness(
            layout: layout, from: from,
            nodes: [
                .init(name: "cp-1", address: "10.20.0.11", controlPlane: true),
                .init(name: "worker-1", address: "10.20.1.21", controlPlane: false),
            ])
    }

    /// stage + discover_versions: the context with the discovered `package_version`.
    static func staged(_ harness: SimNodeHarness, _ node: String, vars: [String: String] = [:]) async throws
        -> PlaybookContext
    {
        var context = try harness.context(node, target: target, vars: vars)
        try await harness.expectStep(.stage, on: node, context: context)
        let discovered = try await harness.expectStep(.discoverVersions, on: node, context: context)
        let output = try #require(discovered.last?.stdout)
        context.runtime["package_version"] = output.split(separator: "\n").last.map(String.init) ?? ""
        return context
    }

    /// The node-local steps of one node's upgrade, in k8sup's order (drain aside).
    static func upgrade(_ harness: SimNodeHarness, _ node: String, context: PlaybookContext) async throws {
        let controlPlane = try harness.spec(node).controlPlane
        try await harness.expectStep(.backupKubelet, on: node, context: context)
        try await harness.expectStep(.upgradeKubeadm, on: node, context: context)
        try await harness.expectStep(
            controlPlane ? .upgradeControlPlaneFirst : .upgradeWorker, on: node, context: context)
        try await harness.expectStep(.upgradeKubelet, on: node, context: context)
        try await harness.expectStep(.restartKubelet, on: node, context: context)
    }

    @Test(arguments: [SandboxLayout.apt, .dnf, .kubespray])
    func controlPlaneUpgradeRestoreAndReinstall(layout: SandboxLayout) async throws {
        let harness = try Self.harness(layout)
        let context = try await Self.staged(harness, "cp-1")
        #expect(
            context.runtime["package_version"] == (layout == .kubespray ? "1.30.4" : "1.30.4-" + layout.packageRevision)
        )
        try await harness.expectStep(.etcdSnapshot, on: "cp-1", context: context)
        try await Self.upgrade(harness, "cp-1", context: context)
        var node = try #require(harness.cluster.node("cp-1"))
        #expect(node.kubeletVersion == "v1.30.4")
        #expect(node.ready)
        #expect(node.staticPodVersion == "v1.30.4")
        #expect(harness.cluster.version == "v1.30.4")
        #expect(harness.cluster.calls == ["cp-1 apply v1.30.4"])

        try await harness.expectStep(.rollbackKubelet, on: "cp-1", context: context)
        try await harness.expectStep(.restartKubelet, on: "cp-1", context: context)
        node = try #require(harness.cluster.node("cp-1"))
        #expect(node.kubeletVersion == "v1.29.8")
        #expect(node.ready)
        let config = layout == .kubespray ? "etc/kubernetes/kubelet-config.yaml" : "var/lib/kubelet/config.yaml"
        let restored = try String(contentsOfFile: harness.sandbox("cp-1") + "/" + config, encoding: .utf8)
        #expect(restored.contains(layout == .kubespray ? "Kubespray" : "kubeadm v1.29.8"))

        // A rerun of the upgrade finds the package database at the target but the old binary on disk.
        try await harness.expectStep(.upgradeKubelet, on: "cp-1", context: context)
        try await harness.expectStep(.restartKubelet, on: "cp-1", context: context)
        #expect(harness.cluster.node("cp-1")?.kubeletVersion == "v1.30.4")
    }

    @Test(arguments: [SandboxLayout.apt, .kubespray])
    func aFailingKubeletLeavesTheWorkerNotReadyUntilTheRestore(layout: SandboxLayout) async throws {
        let harness = try Self.harness(layout)
        harness.cluster.failKubelet("v1.30.4", on: "worker-1")
        let context = try await Self.staged(harness, "worker-1")
        try await Self.upgrade(harness, "worker-1", context: context)
        var node = try #require(harness.cluster.node("worker-1"))
        #expect(node.kubeletVersion == "v1.30.4")
        #expect(!node.ready)
        #expect(harness.cluster.calls == ["worker-1 node v1.30.4"])
        try await harness.expectStep(.rollbackKubelet, on: "worker-1", context: context)
        try await harness.expectStep(.restartKubelet, on: "worker-1", context: context)
        node = try #require(harness.cluster.node("worker-1"))
        #expect(node.kubeletVersion == "v1.29.8")
        #expect(node.ready)
    }

    @Test func etcdSnapshotsLandInTheSandbox() async throws {
        let harness = try Self.harness(.apt)
        for deployment in ["kubeadm", "host"] {
            let context = try harness.context("cp-1", target: Self.target, vars: ["etcd_deployment_type": deployment])
            let results = try await harness.expectStep(.etcdSnapshot, on: "cp-1", context: context)
            let output = try #require(results.last?.stdout)
            #expect(output.contains("etcd snapshot: var/backups/etcd-"), "\(deployment): \(output)")
        }
        let backups = try FileManager.default.contentsOfDirectory(atPath: harness.sandbox("cp-1") + "/var/backups")
        #expect(!backups.isEmpty)
    }

    @Test func kubeadmRefusesATargetAMinorAboveItself() async throws {
        let harness = try Self.harness(.apt)
        let result = try await harness.run("kubeadm upgrade apply -y v1.30.4", on: "cp-1")
        #expect(result.exitStatus == 1)
        #expect(
            result.stderr.contains(
                "Specified version to upgrade to \"v1.30.4\" is at least one minor release higher than the kubeadm"
                    + " minor release (30 > 29). Such an upgrade is not supported"))
        #expect(harness.cluster.calls.isEmpty)
        let patch = try await harness.run("kubeadm upgrade apply -y v1.29.10", on: "cp-1")
        #expect(patch.stderr.contains("is higher than the kubeadm version \"v1.29.8\". Upgrade kubeadm first"))
        #expect(patch.stderr.contains("Can be bypassed if you pass the --force flag"))
    }

    @Test func aptRefusesAHeldPackageAndAnUnknownVersion() async throws {
        let harness = try Self.harness(.apt)
        let held = try await harness.run("apt-get install -y kubeadm=1.29.10-1.1", on: "worker-1")
        #expect(held.exitStatus == 100)
        #expect(
            held.stderr.contains("E: Held packages were changed and -y was used without --allow-change-held-packages."))
        let missing = try await harness.run(
            "apt-get install -y --allow-change-held-packages kubeadm=1.30.4-1.1", on: "worker-1")
        #expect(missing.exitStatus == 100)
        #expect(missing.stderr.contains("E: Version '1.30.4-1.1' for 'kubeadm' was not found"))
        let madison = try await harness.run("apt-cache madison kubeadm | head -n 1", on: "worker-1")
        #expect(madison.stdout == "   kubeadm | 1.29.15-1.1 | https://pkgs.k8s.io/core:/stable:/v1.29/deb  Packages\n")
    }
}
