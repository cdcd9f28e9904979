import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// A new kubelet that cannot start, end to end: the built k8sup with real kubectl against k8sim, whose
/// kubelet unit crash-loops. k8sup sees the unit restarting through the playbook's `kubelet_status`
/// and rolls the node back without waiting for `--node-ready-timeout`, with the kubelet's journal in
/// the error.
@Suite("apply end to end: a kubelet that does not start", .serialized)
struct ApplyKubeletCrashTests {
    /// One line of `--events`.
    struct EventLine: Decodable {
        var time: String
        var kind: String
        var step: String?
        var node: String?
        var message: String?
    }

    @Test func aCrashLoopingKubeletIsRolledBackWithItsJournalInTheError() async throws {
        // restartSec 1: the unit restarts every second, so the third restart comes within moments. The
        // readiness timeout stays long: the run can only end with the crash loop's message if k8sup saw it.
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2,
            scenario: """
                from: v1.28.15
                faults:
                  - {type: kubelet-fails, node: worker-2, version: v1.29.15, restartSec: 1,
                     message: "pull secret s3cr3t-pull-token rejected by the registry"}
                """,
            nodeReadyTimeout: "10m", groupVars: "registry_token: s3cr3t-pull-token\n")
        let events = cluster.stateDirectory + ".events.jsonl"
        let result = try await cluster.apply(["--events", events])
        #expect(result.status == 1, "\(result.error)")
        let error = try #require(result.error.components(separatedBy: "k8sup: error: ").last)
        #expect(
            error.hasPrefix("worker-2: the new kubelet v1.29.15 does not start: systemd unit kubelet restarted "),
            "\(result.error)")
        #expect(error.components(separatedBy: "\n").first?.hasSuffix("(crash loop)") == true, "\(error)")
        #expect(error.contains("\n  the kubelet's journal ended with:\n    "))
        #expect(error.contains("kubelet.service: Scheduled restart job, restart counter is at "))
        // The kubelet's own error, redacted like all output.
        #expect(error.contains("err=\"pull secret *** rejected by the registry\""))
        #expect(!result.error.contains("s3cr3t-pull-token"))
        let journalLines = error.components(separatedBy: "\n").filter {
            $0.hasPrefix("    ") && $0.contains(" worker-2 ")
        }
        #expect(journalLines.count == KubeletLooks.journalLines)
        // Put back: the old kubelet, Ready, uncordoned; the other worker was never touched.
        #expect(cluster.node("worker-2") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(cluster.node("worker-1") == .init(version: "v1.29.15", ready: true, cordoned: false))
        #expect(try cluster.journal.status(of: "worker-2") == .rolledBack(hop: 1, ok: true))
        // The node's log and the journal's record carry the kubelet's lines too.
        let log = try String(contentsOfFile: cluster.stateDirectory + "/logs/worker-2.log", encoding: .utf8)
        #expect(log.contains("$ journalctl -u kubelet -n 20 --no-pager"))
        #expect(log.contains("| ") && log.contains("restart counter is at"))
        #expect(log.contains("= kubelet unit activating (auto-restart), exit status 1"))
        #expect(!log.contains("s3cr3t-pull-token"))
        let journal = try String(contentsOfFile: cluster.stateDirectory + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("restart counter is at") && !journal.contains("s3cr3t-pull-token"))
        // In --events the rollback follows the failed wait for worker-2 directly.
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        let worker = try lines.map { try JSONDecoder().decode(EventLine.self, from: Data($0.utf8)) }
            .filter { $0.node == "worker-2" && $0.kind != "waiting" }
        let kinds = worker.map { [$0.kind, $0.step ?? ""].joined(separator: " ") }
        let restarted = try #require(kinds.firstIndex(of: "step-finished restart-kubelet"))
        #expect(
            Array(kinds[restarted...].prefix(5)) == [
                "step-finished restart-kubelet", "step-started wait-ready", "step-finished wait-ready",
                "node-failed wait-ready", "rollback-started ",
            ])
    }

    /// The rollback's own wait looks at the unit too: when the old kubelet does not start either, the run
    /// stops at once for repair by hand (exit 3) with the journal, and the node stays cordoned.
    @Test func aRolledBackKubeletThatFailsStopsTheRunForRepairAtOnce() async throws {
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 1,
            scenario: """
                from: v1.28.15
                faults:
                  - {type: kubelet-fails, node: worker-1, version: v1.29.15, restartSec: 1}
                  - {type: kubelet-fails, node: worker-1, version: v1.28.15, mode: failed,
                     message: "open /var/lib/kubelet/config.yaml: no such file or directory"}
                """,
            nodeReadyTimeout: "10m")
        let result = try await cluster.apply()
        #expect(result.status == 3, "\(result.error)")
        let error = try #require(result.error.components(separatedBy: "k8sup: error: ").last)
        #expect(
            error.hasPrefix(
                "worker-1: the rollback to v1.28.15 failed: the rolled-back kubelet v1.28.15 does not start: systemd "
                    + "unit kubelet failed (exit status 1)\n  the kubelet's journal ended with:\n"),
            "\(result.error)")
        #expect(error.contains("err=\"open /var/lib/kubelet/config.yaml: no such file or directory\""))
        #expect(error.contains("The node needs repair by hand:"))
        #expect(cluster.node("worker-1") == .init(version: "v1.28.15", ready: false, cordoned: true))
    }
}
