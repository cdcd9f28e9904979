import Foundation

/// Decides, look after look at the kubelet's systemd unit, whether a kubelet k8sup just restarted cannot
/// start: the unit failed, or systemd restarted it `crashLoopRestarts` times or more since the first look
/// (kubeadm's and Kubespray's units have `Restart=always`, so a kubelet that exits at once is started
/// again every `RestartSec` and never fails for good). The first look that reports `NRestarts`, taken
/// right after the restart, is the baseline: systemd may or may not have reset the counter on k8sup's
/// restart, and restarts before it do not count.
struct KubeletStartJudge: Sendable {
    /// Restarts since the baseline that make a crash loop.
    static let crashLoopRestarts = 3

    /// `NRestarts` at the first look that reported it, and when that look was.
    private(set) var baseline: (restarts: Int, time: Date)?

    /// Why the kubelet cannot start, from this look; nil while it may still come up.
    mutating func judge(_ state: KubeletUnitState, at time: Date) -> KubeletStartFailure? {
        if state.isFailed { return .failed(exitStatus: state.exitStatus) }
        guard let restarts = state.restarts else { return nil }
        guard let baseline else {
            self.baseline = (restarts, time)
            return nil
        }
        let since = restarts - baseline.restarts
        guard since >= Self.crashLoopRestarts else { return nil }
        return .crashLoop(restarts: since, seconds: max(1, Int(time.timeIntervalSince(baseline.time).rounded())))
    }
}

/// Why a restarted kubelet cannot start, as the failure message says it.
enum KubeletStartFailure: Sendable, Equatable, CustomStringConvertible {
    /// systemd gave up: `ActiveState=failed`.
    case failed(exitStatus: Int?)
    /// systemd restarted it `restarts` times within `seconds` of the first look.
    case crashLoop(restarts: Int, seconds: Int)

    /// `systemd unit kubelet failed (exit status 1)`, `systemd unit kubelet restarted 3 times in 40s (crash loop)`.
    var description: String {
        switch self {
        case .failed(let status?) where status != 0:
            "systemd unit kubelet failed (exit status \(status))"
        case .failed:
            "systemd unit kubelet failed"
        case .crashLoop(let restarts, let seconds):
            "systemd unit kubelet restarted \(restarts) times in \(Duration.seconds(seconds).compactDescription) "
                + "(crash loop)"
        }
    }
}
