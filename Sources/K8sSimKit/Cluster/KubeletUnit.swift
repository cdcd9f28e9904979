import Foundation

/// A node's simulated `kubelet.service` since its last start, as systemd would show it at any later time:
/// its state for `systemctl show` and its journal lines for `journalctl`. A kubelet that does not start
/// runs for a moment and exits with `exitStatus`; with `Restart=always` systemd starts it again every
/// `restartSeconds` (the unit shows `activating (auto-restart)` and `NRestarts` rises), otherwise the unit
/// fails for good. systemd resets `NRestarts` when the unit is started by hand.
struct KubeletUnit: Sendable, Equatable {
    enum Run: Sendable, Equatable {
        /// Running (a kubelet that works).
        case running
        /// Stopped by `systemctl stop`.
        case stopped
        /// Exits at once every time: started again every `restartSeconds`.
        case crashLoop(restartSeconds: Double, exitStatus: Int, reason: String)
        /// Exited and systemd gave up.
        case failed(exitStatus: Int, reason: String)
    }

    var run: Run
    /// When systemd last started it by hand (simulated seconds since 1970).
    var startedAt: Double
    /// The kubelet binary's version (`v1.29.15`).
    var version: String
    /// Counts the starts by hand, so each gets its own process ids in the journal.
    var invocation: Int

    /// Why the kubelet of a `kubelet-fails` fault exits, unless the fault says otherwise: the error of a new
    /// kubelet whose container runtime is too old for it (kubelet v1.26+ needs the CRI v1 API).
    static let defaultFailure =
        "failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "
        + "\\\"unix:///var/run/containerd/containerd.sock\\\": rpc error: code = Unimplemented desc = unknown "
        + "service runtime.v1.RuntimeService"

    /// How many times systemd started it again on its own by `now`.
    func restarts(at now: Double) -> Int {
        guard case .crashLoop(let interval, _, _) = run else { return 0 }
        return max(0, Int(((now - startedAt) / interval).rounded(.down)))
    }

    /// `systemctl show`'s view at `now`.
    func state(at now: Double) -> (active: String, sub: String, restarts: Int, exitStatus: Int) {
        switch run {
        case .running: ("active", "running", 0, 0)
        case .stopped: ("inactive", "dead", 0, 0)
        case .crashLoop(_, let status, _): ("activating", "auto-restart", restarts(at: now), status)
        case .failed(let status, _): ("failed", "failed", 0, status)
        }
    }

    /// The journal lines of this run up to `now`, oldest first (`Jun 14 10:02:03 worker-2 kubelet[4242]: …`).
    func journal(node: String, at now: Double) -> [String] {
        var lines: [String] = []
        let format = JournalFormat(node: node)
        switch run {
        case .running:
            lines += format.started(at: startedAt, pid: pid(0), version: version)
            lines.append(
                format.kubelet(
                    at: startedAt + 0.2, pid: pid(0), level: "I", source: "kubelet.go:2360",
                    message: "\"Starting kubelet main sync loop\""))
        case .stopped:
            lines.append(format.systemd(at: startedAt, "Stopped kubelet.service - \(JournalFormat.description)."))
        case .failed(let status, let reason):
            lines += format.started(at: startedAt, pid: pid(0), version: version)
            lines += format.exited(at: startedAt + 0.1, pid: pid(0), status: status, reason: reason)
        case .crashLoop(let interval, let status, let reason):
            // The latest attempts are enough: journalctl shows the last lines.
            let count = restarts(at: now)
            for attempt in max(0, count - 5)...count {
                let time = startedAt + Double(attempt) * interval
                if attempt > 0 {
                    lines.append(
                        format.systemd(
                            at: time, "kubelet.service: Scheduled restart job, restart counter is at \(attempt)."))
                    lines.append(format.systemd(at: time, "Stopped kubelet.service - \(JournalFormat.description)."))
                }
                lines += format.started(at: time, pid: pid(attempt), version: version)
                lines += format.exited(at: time + 0.1, pid: pid(attempt), status: status, reason: reason)
            }
        }
        return lines
    }

    /// The lines systemd writes when the unit is stopped or restarted by hand at `now`.
    func stopping(node: String, at now: Double) -> [String] {
        let format = JournalFormat(node: node)
        switch run {
        case .running:
            return [
                format.systemd(at: now, "Stopping kubelet.service - \(JournalFormat.description)..."),
                format.systemd(at: now, "kubelet.service: Deactivated successfully."),
                format.systemd(at: now, "Stopped kubelet.service - \(JournalFormat.description)."),
            ]
        case .crashLoop, .failed:
            return [format.systemd(at: now, "Stopped kubelet.service - \(JournalFormat.description).")]
        case .stopped:
            return []
        }
    }

    private func pid(_ attempt: Int) -> Int { 1000 + invocation * 97 + attempt * 7 }
}

/// journalctl's short format and klog's header, in UTC.
private struct JournalFormat {
    let node: String

    static let description = "kubelet: The Kubernetes Node Agent"

    func systemd(at time: Double, _ message: String) -> String {
        "\(Self.stamp(time, "MMM dd HH:mm:ss")) \(node) systemd[1]: \(message)"
    }

    func kubelet(at time: Double, pid: Int, level: String, source: String, message: String) -> String {
        let klog = level + Self.stamp(time, "MMdd HH:mm:ss.SSSSSS")
        // klog right-aligns the thread id in 7 columns.
        let thread = String(repeating: " ", count: max(0, 7 - String(pid).count)) + String(pid)
        return "\(Self.stamp(time, "MMM dd HH:mm:ss")) \(node) kubelet[\(pid)]: \(klog) \(thread) \(source)] \(message)"
    }

    /// The start; a binary that did not run (no version) wrote nothing itself.
    func started(at time: Double, pid: Int, version: String) -> [String] {
        let started = systemd(at: time, "Started kubelet.service - \(Self.description).")
        guard !version.isEmpty else { return [started] }
        return [
            started,
            kubelet(
                at: time + 0.05, pid: pid, level: "I", source: "server.go:487",
                message: "\"Kubelet version\" kubeletVersion=\"\(version)\""),
        ]
    }

    /// The process's end; status 203 is systemd's own "could not execute the binary" (`reason` is its message).
    func exited(at time: Double, pid: Int, status: Int, reason: String) -> [String] {
        guard status != 203 else {
            return [
                systemd(at: time, "kubelet.service: \(reason)"),
                systemd(at: time, "kubelet.service: Main process exited, code=exited, status=203/EXEC"),
                systemd(at: time, "kubelet.service: Failed with result 'exit-code'."),
            ]
        }
        return [
            kubelet(
                at: time, pid: pid, level: "E", source: "run.go:74", message: "\"command failed\" err=\"\(reason)\""),
            systemd(at: time, "kubelet.service: Main process exited, code=exited, status=\(status)/FAILURE"),
            systemd(at: time, "kubelet.service: Failed with result 'exit-code'."),
        ]
    }

    private static func stamp(_ time: Double, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: Date(timeIntervalSince1970: time))
    }
}
