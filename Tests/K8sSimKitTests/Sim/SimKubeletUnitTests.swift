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

/// The simulated `kubelet.service`: a kubelet a `kubelet-fails` fault stops from starting crash-loops
/// (systemd's restart counter one higher every `restartSec`) or fails, a working one runs, and the journal
/// tells each start, the kubelet's error and systemd's restarts. Time is a `ManualClock`.
@Suite struct SimKubeletUnitTests {
    static func cluster(faults: String, clock: ManualClock) throws -> SimCluster {
        try SimTestSupport.cluster(SimClusterTests.web + "\nfaults:\n" + faults, clock: clock)
    }

    static func state(_ unit: NodeAPI.KubeletUnitReport?) -> String {
        guard let unit else { return "no unit" }
        return "\(unit.activeState) (\(unit.subState)) restarts \(unit.restarts) status \(unit.exitStatus)"
    }

    @Test func aCrashLoopingKubeletRestartsEveryRestartSecAndSaysWhyInItsJournal() throws {
        let clock = ManualClock()
        let cluster = try Self.cluster(
            faults: "  - {type: kubelet-fails, node: worker-2, version: v1.29.15, restartSec: 4}\n", clock: clock)
        #expect(Self.state(cluster.kubeletUnit("worker-2")) == "active (running) restarts 0 status 0")
        _ = cluster.kubelet("worker-2", report: .init(version: "v1.29.15", running: true))
        #expect(Self.state(cluster.kubeletUnit("worker-2")) == "activating (auto-restart) restarts 0 status 1")
        clock.advance(by: 4)
        #expect(cluster.kubeletUnit("worker-2")?.restarts == 1)
        clock.advance(by: 9)
        let unit = try #require(cluster.kubeletUnit("worker-2"))
        #expect(Self.state(unit) == "activating (auto-restart) restarts 3 status 1")
        #expect(cluster.nodeReport("worker-2")?.ready == false)
        let journal = unit.journal.joined(separator: "\n")
        #expect(journal.contains("worker-2 kubelet["))
        #expect(journal.contains("\"command failed\" err=\"failed to run Kubelet: validate service connection"))
        #expect(journal.contains("kubeletVersion=\"v1.29.15\""))
        #expect(journal.contains("systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 3."))
        #expect(journal.contains("kubelet.service: Main process exited, code=exited, status=1/FAILURE"))
        // The seeded kubelet's stop comes first: the journal is in time order.
        #expect(
            unit.journal.first?.contains("Stopping kubelet.service - kubelet: The Kubernetes Node Agent...") == true)
        // k8sup reads systemctl's view with its own parser.
        let shown = "ActiveState=\(unit.activeState)\nSubState=\(unit.subState)\nNRestarts=\(unit.restarts)\n"
        #expect(KubeletUnitState.parse(shown)?.restarts == 3)
    }

    @Test func aFailedUnitFailsAtOnceWithTheFaultsMessage() throws {
        let clock = ManualClock()
        let cluster = try Self.cluster(
            faults:
                "  - {type: kubelet-fails, node: worker-1, mode: failed, message: \"open /var/lib/kubelet/config.yaml: no such file\"}\n",
            clock: clock)
        _ = cluster.kubelet("worker-1", report: .init(version: "v1.29.15", running: true))
        clock.advance(by: 60)
        let unit = try #require(cluster.kubeletUnit("worker-1"))
        #expect(Self.state(unit) == "failed (failed) restarts 0 status 1")
        #expect(unit.journal.contains { $0.hasSuffix("err=\"open /var/lib/kubelet/config.yaml: no such file\"") })
        #expect(unit.journal.last?.hasSuffix("kubelet.service: Failed with result 'exit-code'.") == true)
    }

    @Test func aRestartByHandResetsTheCounterAndAWorkingKubeletRuns() throws {
        let clock = ManualClock()
        let cluster = try Self.cluster(
            faults: "  - {type: kubelet-fails, node: worker-3, version: v1.29.15}\n", clock: clock)
        _ = cluster.kubelet("worker-3", report: .init(version: "v1.29.15", running: true))
        clock.advance(by: 25)
        #expect(cluster.kubeletUnit("worker-3")?.restarts == 2)
        // The rolled-back kubelet starts: the counter is reset, the earlier run stays in the journal.
        _ = cluster.kubelet("worker-3", report: .init(version: "v1.28.15", running: true))
        clock.advance(by: 30)
        let unit = try #require(cluster.kubeletUnit("worker-3"))
        #expect(Self.state(unit) == "active (running) restarts 0 status 0")
        #expect(unit.journal.contains { $0.contains("restart counter is at 2.") })
        #expect(unit.journal.last?.contains("\"Starting kubelet main sync loop\"") == true)
        _ = cluster.kubelet("worker-3", report: .init(version: "v1.28.15", running: false))
        #expect(Self.state(cluster.kubeletUnit("worker-3")) == "inactive (dead) restarts 0 status 0")
        #expect(cluster.kubeletUnit("worker-3")?.journal.last?.contains("Stopped kubelet.service") == true)
    }

    @Test func aBinaryThatDoesNotRunCrashLoopsWithSystemdsExecStatus() throws {
        let clock = ManualClock()
        let cluster = try Self.cluster(faults: "", clock: clock)
        let failure = "Failed to execute /usr/bin/kubelet: No such file or directory"
        _ = cluster.kubelet("worker-1", report: .init(version: "", running: false, startFailure: failure))
        clock.advance(by: 10)
        let unit = try #require(cluster.kubeletUnit("worker-1"))
        #expect(Self.state(unit) == "activating (auto-restart) restarts 1 status 203")
        #expect(unit.journal.contains { $0.hasSuffix("systemd[1]: kubelet.service: " + failure) })
        #expect(unit.journal.contains { $0.hasSuffix("status=203/EXEC") })
    }

    @Test func theFaultsModeAndRestartIntervalAreReadAndShownBack() throws {
        let faults = try SimFault.readList(
            text: "[{type: kubelet-fails, node: w1, mode: failed, restartSec: 2.5, message: boom}]", file: "body")
        #expect(
            faults == [.kubeletFails(node: "w1", version: nil, mode: .failed, restartSeconds: 2.5, message: "boom")])
        #expect(
            faults.first?.dataValue
                == [
                    "type": "kubelet-fails", "node": "w1", "mode": "failed", "restartSec": .float(2.5),
                    "message": "boom",
                ])
        // The defaults (crash loop every 10 s, the runtime error) are left out, as a scenario would.
        #expect(
            try SimFault.readList(text: "{type: kubelet-fails, node: w1}", file: "body")
                == [.kubeletFails(node: "w1", version: nil)])
        #expect(SimFault.kubeletFails(node: "w1", version: nil).dataValue == ["type": "kubelet-fails", "node": "w1"])
        #expect(throws: ScenarioError.self) {
            try SimFault.readList(text: "{type: kubelet-fails, node: w1, mode: flaky}", file: "body")
        }
        #expect(throws: ScenarioError.self) {
            try SimFault.readList(text: "{type: kubelet-fails, node: w1, restartSec: 0}", file: "body")
        }
    }
}
