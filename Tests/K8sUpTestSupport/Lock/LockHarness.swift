import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity
import Synchronization
import Testing

/// A clock tests move by hand; `sleep` advances it instead of waiting.
package final class ManualWallClock: WallClock {
    private let current: Mutex<Date>

    package init(_ start: Date) {
        current = Mutex(start)
    }

    package func now() -> Date { current.withLock { $0 } }

    package func advance(_ seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    package func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        advance(Double(duration.components.seconds))
        await Task.yield()
    }
}

/// A `ClusterLock` over a `FakeRunner` and a manual clock, recording each manifest kubectl was given.
package struct LockHarness {
    package static let start = Date(timeIntervalSince1970: 1_735_787_045)
    package static let identity = RunIdentity(runId: "run-1", user: "ops", host: "laptop", pid: 4242)
    package static let holder = "ops@laptop pid 4242 run run-1"

    package let runner = FakeRunner()
    package let clock = ManualWallClock(start)
    package let directory: String
    package let manifests = TextLog()

    package init() throws {
        directory = try makeTemporaryDirectory()
        let manifests = self.manifests
        // Matches nothing; reads each `-f` file while it still exists.
        runner.on(
            "(manifest recorder)",
            where: { command in
                if let flag = command.arguments.firstIndex(of: "-f"), flag + 1 < command.arguments.count,
                    let text = try? String(contentsOfFile: command.arguments[flag + 1], encoding: .utf8)
                {
                    manifests.append(text)
                }
                return false
            }, .success())
    }

    package func lock(duration: Duration = .seconds(300)) -> ClusterLock {
        ClusterLock(
            runner: runner, kubectl: { Command("kubectl", ["--context", "prod"] + $0, timeout: $1) },
            stateDirectory: directory, identity: Self.identity, target: "v1.30.4", leaseDuration: duration,
            clock: clock)
    }

    /// The commands run, with the manifest path shown as `FILE`.
    package var lines: [String] {
        runner.commands.map { command in
            var copy = command
            if let flag = copy.arguments.firstIndex(of: "-f"), flag + 1 < copy.arguments.count {
                #expect(copy.arguments[flag + 1].hasPrefix(directory + "/lease-"))
                copy.arguments[flag + 1] = "FILE"
            }
            return copy.displayLine
        }
    }

    package var parsedManifests: [LeaseRecord] {
        manifests.all.compactMap { try? LeaseRecord.parse($0) }
    }

    package func cleanUp() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    package static let create = "kubectl --context prod create --validate=false -f FILE -o json"
    package static let replace = "kubectl --context prod replace --validate=false -f FILE -o json"
    package static let get = "kubectl --context prod get lease k8sup -n kube-system -o json --ignore-not-found"
    package static let delete =
        "kubectl --context prod delete lease k8sup -n kube-system --ignore-not-found --wait=false"

    /// Matches the kubectl command whose verb (after `--context prod`) is `verb`.
    package static func verb(_ verb: String) -> @Sendable (Command) -> Bool {
        { $0.arguments.dropFirst(2).first == verb }
    }
}

/// Lines collected from several tasks.
package final class TextLog: Sendable {
    package init() {}

    private let items = Mutex<[String]>([])

    package func append(_ text: String) { items.withLock { $0.append(text) } }

    package var all: [String] { items.withLock { $0 } }
}

/// A Lease as `kubectl … -o json` prints it.
package func leaseJSON(
    holder: String, acquired: Date = LockHarness.start.addingTimeInterval(-3600), renewed: Date, duration: Int = 300,
    resourceVersion: String = "100", transitions: Int? = nil
) -> String {
    var spec: [String] = [
        #""holderIdentity": "\#(holder)""#, #""acquireTime": "\#(RFC3339.microTime(acquired))""#,
        #""renewTime": "\#(RFC3339.microTime(renewed))""#, #""leaseDurationSeconds": \#(duration)"#,
    ]
    if let transitions { spec.append(#""leaseTransitions": \#(transitions)"#) }
    return """
        {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
         "metadata": {"name": "k8sup", "namespace": "kube-system", "resourceVersion": "\(resourceVersion)",
                      "uid": "1d2c", "creationTimestamp": "2025-01-01T00:00:00Z",
                      "annotations": {"k8sup.io/run-id": "run-0", "k8sup.io/target": "v1.30.4"}},
         "spec": {\(spec.joined(separator: ", "))}}
        """
}
