import Foundation
import K8sUpTestSupport

@testable import K8sUpSupport

/// What `/proc` says about processes, for checking that nothing a test started is left running.
/// Zombies count as gone: they are dead, and in some containers nothing ever reaps them.
enum LiveProcesses {
    /// Pids of the living processes whose process group is `group`.
    static func inGroup(_ group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let (state, processGroup) = status(of: pid) else { return false }
            return processGroup == group && state != "Z"
        }
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        guard let (state, _) = status(of: pid) else { return false }
        return state != "Z"
    }

    /// Waits up to `limit` for the group to have no living member; returns the survivors. It returns as
    /// soon as they are gone; the limit only ends the wait when something was left running, so it is
    /// far longer than a loaded machine takes to deliver a SIGKILL and reap the processes.
    static func waitUntilGone(group: pid_t, limit: Duration = .seconds(60)) async -> [pid_t] {
        let deadline = ContinuousClock.now + limit
        while true {
            let alive = inGroup(group)
            if alive.isEmpty || ContinuousClock.now >= deadline { return alive }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits up to `limit` for one process to be gone (see `waitUntilGone(group:limit:)`); whether it is.
    static func waitUntilGone(pid: pid_t, limit: Duration = .seconds(60)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while isAlive(pid) {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The state letter and process group from `/proc/<pid>/stat` ("pid (comm) S ppid pgrp …").
    private static func status(of pid: pid_t) -> (Character, pid_t)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let group = pid_t(fields[2]) else { return nil }
        return (state, group)
    }
}

/// The pids a test child printed on stdout, one per line.
func printedPids(_ result: CommandResult) -> [pid_t] {
    result.stdout.split(separator: "\n").compactMap { pid_t($0) }
}
