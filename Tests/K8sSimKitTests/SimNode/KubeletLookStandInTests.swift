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

/// The built-in playbooks' kubelet looks run on a simulated node through the ssh stand-in: `systemctl
/// show` prints the unit the cluster describes as `Key=Value` lines k8sup reads, and `journalctl` the
/// unit's last journal lines.
@Suite(.serialized) struct KubeletLookStandInTests {
    static let unit = NodeAPI.KubeletUnitReport(
        activeState: "activating", subState: "auto-restart", restarts: 4, exitStatus: 1,
        journal: (1...30).map { "Jun 14 10:00:00 worker-1 kubelet[42]: line \($0)" })

    static func harness(_ layout: SandboxLayout) throws -> SimNodeHarness {
        let harness = try SimNodeHarness(
            layout: layout, from: KubeVersion(1, 29, 8),
            nodes: [.init(name: "worker-1", address: "10.0.1.21", controlPlane: false)])
        harness.cluster.setUnit("worker-1", unit)
        return harness
    }

    @Test(arguments: SandboxLayout.allCases)
    func theBuiltinLooksReadTheUnitAndItsJournal(layout: SandboxLayout) async throws {
        let harness = try Self.harness(layout)
        let context = try harness.context("worker-1", target: KubeVersion(1, 30, 4))
        let status = try #require(try await harness.expectStep(.kubeletStatus, on: "worker-1", context: context).last)
        #expect(status.stdout == "ActiveState=activating\nSubState=auto-restart\nNRestarts=4\nExecMainStatus=1\n")
        #expect(
            KubeletUnitState.parse(status.stdout)
                == KubeletUnitState(activeState: "activating", subState: "auto-restart", restarts: 4, exitStatus: 1))
        let logs = try #require(try await harness.expectStep(.kubeletLogs, on: "worker-1", context: context).last)
        #expect(logs.stdout == Self.unit.journal.suffix(20).map { $0 + "\n" }.joined())
    }

    @Test func showAndJournalctlTakeTheirUsualSpellings() async throws {
        let harness = try Self.harness(.apt)
        let value = try await harness.run("systemctl show kubelet.service --property=NRestarts --value", on: "worker-1")
        #expect(value.stdout == "4\n")
        let all = try await harness.run("systemctl show kubelet", on: "worker-1")
        #expect(all.stdout.contains("Id=kubelet.service\n") && all.stdout.contains("\nActiveState=activating\n"))
        // Another unit is a healthy service; a property systemd does not know prints nothing.
        let other = try await harness.run("systemctl show containerd -p ActiveState -p NoSuchThing", on: "worker-1")
        #expect(other.stdout == "ActiveState=active\n")
        let three = try await harness.run("journalctl --unit=kubelet --lines=3 --no-pager", on: "worker-1")
        #expect(three.stdout.split(separator: "\n").map { String($0.suffix(7)) } == ["line 28", "line 29", "line 30"])
        let none = try await harness.run("journalctl -u containerd -n 5 --no-pager", on: "worker-1")
        #expect(none.stdout == "-- No entries --\n" && none.exitStatus == 0)
    }
}
