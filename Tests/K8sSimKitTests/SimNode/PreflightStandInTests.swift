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

/// What pre-flight reads on a simulated node, through the ssh stand-in as k8sup runs it: df, sudo and
/// kubeadm's certificate table under the node's faults, `kubeadm upgrade plan -o json` in the shape of the
/// kubeadm version that prints it, and each layout's `discover_versions` before the repository switch.
@Suite(.serialized) struct PreflightStandInTests {
    static func harness(_ layout: SandboxLayout = .apt) throws -> SimNodeHarness {
        try SimNodeHarness(
            layout: layout, from: KubeVersion(1, 29, 8),
            nodes: [.init(name: "cp-1", address: "10.0.0.1", controlPlane: true)])
    }

    @Test func aFullDiskExpiredCertificatesAndSudoAskingForAPasswordShowAsOnARealNode() async throws {
        let harness = try Self.harness()
        let normal = try await harness.run(DiskFreeReport.command(paths: ["/var/lib"]), on: "cp-1")
        #expect(try DiskFreeReport.parse(normal.stdout).first?.availableMB == DfStandIn.defaultFreeMB)
        let healthy = try await harness.run("kubeadm certs check-expiration", on: "cp-1")
        #expect(
            try CertificateExpirationTable.parse(healthy.stdout).allSatisfy { !$0.isExpired && $0.daysLeft ?? 0 > 30 })

        harness.cluster.setFaults("cp-1", NodeAPI.NodeFaults(freeMB: 300, certificateDaysLeft: -1))
        let full = try await harness.run(DiskFreeReport.command(paths: ["/var/lib", "/no/such/dir"]), on: "cp-1")
        #expect(try DiskFreeReport.parse(full.stdout).map(\.availableMB) == [300, 300])
        let expired = try CertificateExpirationTable.parse(
            try await harness.run("kubeadm certs check-expiration", on: "cp-1").stdout)
        #expect(expired.filter(\.isExpired).count == KubeadmReports.certificates.count)
        #expect(expired.filter { $0.kind == .authority }.allSatisfy { !$0.isExpired })

        harness.cluster.setFaults("cp-1", NodeAPI.NodeFaults(sudoFails: true))
        let refused = try await harness.run("true", on: "cp-1")
        #expect(refused.exitStatus == 1)
        #expect(refused.stderr == "sudo: a password is required\n")
    }

    @Test func upgradePlanPrintsTheDocumentOfItsKubeadmVersion() async throws {
        let harness = try Self.harness()
        let old = try await harness.run("kubeadm upgrade plan v1.29.8 -o json", on: "cp-1")
        #expect(old.stdout.contains("output.kubeadm.k8s.io/v1alpha2"))
        #expect(
            try KubeadmUpgradePlanReport.components(old.stdout) == [
                .init(name: "etcd", current: "3.5.10-0", target: "3.5.10-0"),
                .init(name: "CoreDNS", current: "v1.11.1", target: "v1.11.1"),
                .init(name: "kube-proxy", current: "v1.29.8", target: "v1.29.8"),
            ])
        let executable = try #require(SimNodeHarness.executable)
        try ToolFile(tool: "kubeadm", version: "v1.30.4").install(
            at: harness.sandbox("cp-1") + "/usr/bin/kubeadm", executable: executable)
        let new = try await harness.run("kubeadm upgrade plan v1.30.4 -o json", on: "cp-1")
        #expect(!new.stdout.contains("availableUpgrades"))
        try ToolFile(tool: "kubeadm", version: "v1.31.4").install(
            at: harness.sandbox("cp-1") + "/usr/bin/kubeadm", executable: executable)
        let current = try await harness.run("kubeadm upgrade plan v1.31.4 -o json", on: "cp-1")
        #expect(current.stdout.contains("\"availableUpgrades\""))
        #expect(
            try KubeadmUpgradePlanReport.components(current.stdout).first
                == .init(name: "etcd", current: "3.5.10-0", target: "3.5.15-0"))
    }

    /// Before stage the node's repository is still the running minor's; discover_versions reads the target
    /// minor's packages anyway, and changes nothing on the node.
    @Test(arguments: [SandboxLayout.apt, .dnf])
    func discoverVersionsFindsTheNextMinorBeforeTheRepositorySwitch(layout: SandboxLayout) async throws {
        let harness = try Self.harness(layout)
        let before = try SandboxState.load(sandbox: harness.sandbox("cp-1"))
        let results = try await harness.expectStep(
            .discoverVersions, on: "cp-1", context: harness.context("cp-1", target: KubeVersion(1, 30, 4)))
        #expect(
            results.last?.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "1.30.4-" + layout.packageRevision)
        #expect(try SandboxState.load(sandbox: harness.sandbox("cp-1")) == before)
        let missing = try await harness.runStep(
            .discoverVersions, on: "cp-1", context: harness.context("cp-1", target: KubeVersion(1, 30, 99)))
        #expect(missing.last?.exitStatus == 1)
        #expect(missing.last?.stderr.contains("no kubeadm 1.30.99 package in the") == true)
    }
}
