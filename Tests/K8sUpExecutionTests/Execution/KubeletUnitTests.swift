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

/// Reading `systemctl show kubelet -p ActiveState,SubState,NRestarts,ExecMainStatus`, and deciding from
/// successive looks whether a restarted kubelet cannot start.
@Suite("Kubelet unit")
struct KubeletUnitTests {
    @Test func readsTheFourPropertiesAsSystemctlShowPrintsThem() {
        let crashLooping = "ActiveState=activating\nSubState=auto-restart\nNRestarts=4\nExecMainStatus=1\n"
        #expect(
            KubeletUnitState.parse(crashLooping)
                == KubeletUnitState(activeState: "activating", subState: "auto-restart", restarts: 4, exitStatus: 1))
        // systemctl prints the properties in its own order, not the order -p named them.
        #expect(
            KubeletUnitState.parse("NRestarts=0\nExecMainStatus=0\nSubState=running\nActiveState=active")
                == KubeletUnitState(activeState: "active", subState: "running", restarts: 0, exitStatus: 0))
        #expect(
            KubeletUnitState.parse("ActiveState=failed\r\nSubState=failed\r\nExecMainStatus=203\r\n")?.isFailed == true)
    }

    @Test func oldSystemdWithoutNRestartsAndNoiseAroundTheLines() {
        // systemd before 235 has no NRestarts: an unknown property prints nothing (or an empty value).
        let old = "ActiveState=activating\nSubState=auto-restart\nNRestarts=\nExecMainStatus=1\n"
        #expect(KubeletUnitState.parse(old)?.restarts == nil)
        #expect(KubeletUnitState.parse(old)?.exitStatus == 1)
        // A login banner or a motd line before the properties, a property k8sup does not read, a repeat.
        let noisy = "Welcome to node-1\nId=kubelet.service\nActiveState=active\nActiveState=failed\nSubState = failed\n"
        #expect(KubeletUnitState.parse(noisy) == KubeletUnitState(activeState: "failed", subState: "failed"))
    }

    @Test func outputWithoutAnActiveStateSaysNothingAboutTheUnit() {
        #expect(KubeletUnitState.parse("") == nil)
        #expect(KubeletUnitState.parse("NRestarts=3\nExecMainStatus=1\n") == nil)
        #expect(KubeletUnitState.parse("Failed to connect to bus: No such file or directory\n") == nil)
    }

    @Test func describesTheUnitAsSystemctlStatusWordsIt() {
        #expect(
            KubeletUnitState(activeState: "activating", subState: "auto-restart", restarts: 2, exitStatus: 1)
                .description == "activating (auto-restart), exit status 1, 2 restarts")
        #expect(
            KubeletUnitState(activeState: "active", subState: "running", restarts: 1, exitStatus: 0).description
                == "active (running), 1 restart")
        #expect(KubeletUnitState(activeState: "failed").description == "failed")
    }

    private static let start = Date(timeIntervalSince1970: 1_800_000_000)

    private static func unit(_ active: String, _ sub: String, restarts: Int?, exit: Int = 1) -> KubeletUnitState {
        KubeletUnitState(activeState: active, subState: sub, restarts: restarts, exitStatus: exit)
    }

    /// Runs the judge over looks taken `seconds` after the start; the first verdict and when it came.
    private static func judge(_ looks: [(seconds: Double, state: KubeletUnitState)]) -> (
        KubeletStartFailure, Double
    )? {
        var judge = KubeletStartJudge()
        for look in looks {
            if let failure = judge.judge(look.state, at: start.addingTimeInterval(look.seconds)) {
                return (failure, look.seconds)
            }
        }
        return nil
    }

    @Test func aFailedUnitIsAFailureAtTheFirstLook() throws {
        let verdict = try #require(Self.judge([(0, Self.unit("failed", "failed", restarts: 0))]))
        #expect(verdict.0 == .failed(exitStatus: 1) && verdict.1 == 0)
        #expect(verdict.0.description == "systemd unit kubelet failed (exit status 1)")
        #expect(KubeletStartFailure.failed(exitStatus: nil).description == "systemd unit kubelet failed")
    }

    @Test func threeRestartsSinceTheFirstLookAreACrashLoop() throws {
        let looping = (0...4).map { (Double($0) * 10, Self.unit("activating", "auto-restart", restarts: 5 + $0)) }
        // The counter stood at 5 before k8sup's restart: only the restarts after the first look count.
        let verdict = try #require(Self.judge(looping))
        #expect(verdict.0 == .crashLoop(restarts: 3, seconds: 30) && verdict.1 == 30)
        #expect(verdict.0.description == "systemd unit kubelet restarted 3 times in 30s (crash loop)")
    }

    @Test func twoRestartsThenRunningIsNoFailure() {
        let looks: [(Double, KubeletUnitState)] = [
            (0, Self.unit("activating", "auto-restart", restarts: 0)),
            (10, Self.unit("activating", "auto-restart", restarts: 1)),
            (20, Self.unit("activating", "auto-restart", restarts: 2)),
            (30, Self.unit("active", "running", restarts: 2, exit: 0)),
            (600, Self.unit("active", "running", restarts: 2, exit: 0)),
        ]
        #expect(Self.judge(looks) == nil)
    }

    @Test func withoutNRestartsOnlyAFailedUnitCounts() throws {
        let looping = (0...10).map { (Double($0) * 10, Self.unit("activating", "auto-restart", restarts: nil)) }
        #expect(Self.judge(looping) == nil)
        #expect(try #require(Self.judge(looping + [(200, Self.unit("failed", "failed", restarts: nil))])).1 == 200)
    }

    @Test func theJournalFollowsTheMessagesFirstLine() {
        #expect(KubeletJournal(lines: []).details == "")
        #expect(
            KubeletJournal(lines: ["a", "b"]).details == "\n  the kubelet's journal ended with:\n    a\n    b")
        #expect(
            ExecutionError.kubeletDoesNotStart(
                node: "worker-2", kubelet: "the new kubelet v1.29.15",
                cause: "systemd unit kubelet failed (exit status 1)", journal: KubeletJournal(lines: ["E0614 boom"])
            ).description
                == "worker-2: the new kubelet v1.29.15 does not start: systemd unit kubelet failed (exit status 1)\n"
                + "  the kubelet's journal ended with:\n    E0614 boom")
        #expect(
            KubeletJournal(lines: [], unreadable: "kubelet_logs failed; see the node's log").details
                == "\n  the kubelet's journal could not be read: kubelet_logs failed; see the node's log")
    }
}
