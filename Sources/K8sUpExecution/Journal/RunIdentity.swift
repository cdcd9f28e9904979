import Foundation
import Glibc
import K8sUpSupport

/// Who is running an `apply`: the run's id and the user, machine and process. The journal records it
/// in `run-started`; the cluster lock names it as its holder, so an operator who finds the cluster
/// locked knows whom to ask.
package struct RunIdentity: Sendable, Equatable {
    /// `20250102T030405Z-4f2a`: sortable by start time, unique enough for one cluster's runs.
    package var runId: String
    package var user: String
    package var host: String
    package var pid: Int32

    package init(runId: String, user: String, host: String, pid: Int32) {
        self.runId = runId
        self.user = user
        self.host = host
        self.pid = pid
    }

    /// `user@host`.
    package var userAtHost: String { user + "@" + host }

    /// The Lease's holder identity: `user@host pid N run RUNID`.
    package var holder: String { "\(userAtHost) pid \(pid) run \(runId)" }

    /// Whether `holder` (a Lease holder this type wrote) names another process on this machine that no
    /// longer exists: a run killed with `kill -9` or a crash left its lock behind, and the next run on
    /// the same machine may take it over at once instead of waiting for it to expire.
    func isGoneFromThisMachine(_ holder: String) -> Bool {
        let words = holder.split(separator: " ")
        guard words.count == 5, words[1] == "pid", words[3] == "run", let pid = Int32(words[2]),
            words[0].split(separator: "@").last.map(String.init) == host, pid != self.pid, pid > 0
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// This process, starting a run now.
    package static func current(
        at time: Date = Date(), environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> RunIdentity
    {
        let stamp = RFC3339.format(time, fractionDigits: 0).filter { $0 != "-" && $0 != ":" }
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        let padded = String(repeating: "0", count: 4 - suffix.count) + suffix
        return RunIdentity(
            runId: stamp + "-" + padded, user: userName(environment), host: hostName(), pid: getpid())
    }

    private static func userName(_ environment: [String: String]) -> String {
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown-host" : name
    }
}
