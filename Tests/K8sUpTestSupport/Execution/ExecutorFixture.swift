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

/// A one-worker (or one-control-plane) upgrade wired to a `FakeRunner`: an inline playbook whose lines
/// name their step (`echo backup`), a local connection, and kubectl answers for node looks.
package struct ExecutorFixture {
    package let runner = FakeRunner()
    package let events = EventList()
    package let log = MemoryLog()
    /// The lines each answered session ran, by its marker (a failing line stops its session).
    package let sessionLines = SessionLines()
    // Generous: a loaded machine can starve a test task for seconds, and no test here waits for the timeout.
    package var settings = ExecutionSettings(nodeReadyTimeout: .seconds(30), verifyInterval: .zero)

    package init() {}

    package static let playbook = """
        stage:
          - echo stage
        discover_versions:
          - echo 1.30.4-1.1
        etcd_snapshot:
          - echo snapshot
        backup_kubelet:
          - echo backup {{ from }}
        upgrade_kubeadm:
          - echo kubeadm {{ package_version }}
        upgrade_control_plane_first:
          - echo apply {{ target }}
        upgrade_control_plane_other:
          - echo cp-node
        upgrade_worker:
          - echo worker-node
        upgrade_kubelet:
          - echo kubelet {{ package_version }}
        restart_kubelet:
          - echo restart
        rollback_kubelet:
          - echo rollback {{ from }}
        """

    package func hop(_ nodes: [UpgradePlan.NodeUpgrade], snapshot: Bool = false) -> UpgradePlan.Hop {
        let preparation = NodeSteps.preparation(
            version: KubeVersion(1, 30, 4), stagedNodes: nodes.count, snapshotNode: snapshot ? nodes.first?.node : nil)
        return UpgradePlan.Hop(
            number: 1, version: "v1.30.4", versionSource: "target", preparation: preparation, nodes: nodes, skipped: [],
            kubectl: nil)
    }

    package static func node(_ name: String, role: ClusterRoles.Role = .worker, apply: Bool = false, batch: Int? = nil)
        -> UpgradePlan.NodeUpgrade
    {
        let steps = NodeSteps.steps(
            for: .init(
                version: KubeVersion(1, 30, 4), role: role, runsUpgradeApply: apply, wasCordoned: false,
                healthCheck: nil))
        return UpgradePlan.NodeUpgrade(
            order: 1, host: name, node: name, role: role.rawValue, from: "v1.29.8", batch: batch, steps: steps)
    }

    /// - Parameters:
    ///   - runner: Runs the commands instead of `self.runner` (a `SlowRunner` over it).
    ///   - clock: What waits count time with (a `VirtualClock`).
    ///   - playbookFile: A whole playbook to use instead of `Self.playbook` (whose missing steps are `[]`).
    package func tools(
        hosts: [String], runner: (any CommandRunning)? = nil, clock: any WallClock = SystemWallClock(),
        playbookFile: String? = nil
    ) throws -> ExecutionTools {
        let playbook = try PlaybookLoader.load(text: playbookFile ?? playbookText(Self.playbook), file: "t.yaml")
        var playbooks: [String: Playbook] = [:]
        var connections: [String: HostConnection] = [:]
        for host in hosts {
            playbooks[host] = playbook
            connections[host] = HostConnection(host: host, kind: .local, become: false)
        }
        let factory = HostCommandFactory(
            playbooks: playbooks, connections: connections, hostVariables: [:],
            transport: SSHTransport(controlDirectory: "/tmp/k8sup-test"), stepTimeout: .seconds(60))
        let kubectl = KubectlCommands(
            kubectl: "kubectl", kubeconfig: nil, context: nil, drainTimeout: .seconds(30), drainGracePeriod: nil,
            nodeReadyTimeout: .seconds(2))
        return ExecutionTools(
            runner: runner ?? self.runner, hostCommands: factory, kubectl: kubectl, settings: settings,
            observer: events, log: log, stop: StopRequest(), clock: clock)
    }

    /// Answers every playbook line (`/bin/sh -c 'echo …'`) with success unless `failing` names its text.
    /// Playbook lines run in sessions (`SessionFake`): each line of a session answered the same way.
    package func answerShell(failing: Set<String> = []) {
        let ran = sessionLines
        runner.on("playbook sessions", where: { SessionFake($0) != nil }) { command -> CommandResult in
            guard let session = SessionFake(command) else { return .failure(stderr: "not a session") }
            let stop = session.lines.firstIndex(where: failing.contains).map { $0 + 1 } ?? session.lines.count
            ran.record(session.marker, Array(session.lines.prefix(stop)))
            return session.result { line in
                failing.contains(line)
                    ? SessionFake.Outcome(status: 1, stderr: "boom\n")
                    : SessionFake.Outcome(stdout: String(line.dropFirst(5)) + "\n")
            }
        }
        runner.on(
            "failing shell lines", where: { Self.shellLine($0).map(failing.contains) ?? false },
            .failure(stderr: "boom"))
        runner.on("shell lines", where: { Self.shellLine($0) != nil }) { command -> CommandResult in
            .success(stdout: String((Self.shellLine(command) ?? "").dropFirst(5)) + "\n")
        }
    }

    /// A ready plan of `hops` (one hop of `nodes` when `hops` is nil), from v1.29.8 to v1.30.4.
    package func plan(_ nodes: [UpgradePlan.NodeUpgrade] = [], hops: [UpgradePlan.Hop]? = nil, snapshot: Bool = false)
        -> UpgradePlan
    {
        let hops = hops ?? [hop(nodes, snapshot: snapshot)]
        return UpgradePlan(
            inventory: ["inv"], clusterSource: "test", limit: nil, batchSize: 1,
            current: .init(controlPlane: "v1.29.8", apiservers: [:], kubelets: [:]),
            target: .init(version: "v1.30.4", source: "--to"), hops: hops, checks: [],
            summary: .init(
                outcome: "ready", blockers: 0, warnings: 0, hops: hops.count,
                nodeUpgrades: hops.map(\.nodes.count).reduce(0, +)))
    }

    /// Answers the kubectl calls of upgrading worker `w1`: its node looks (`before`, then `after` for
    /// every later look, or `before` throughout when `after` is nil), cordon, uncordon and drain.
    package func answerWorker(before: String = "v1.29.8", after: String? = "v1.30.4", cordoned: Bool = false) {
        let first = CommandResult.success(stdout: Self.nodeJSON("w1", version: before, cordoned: cordoned))
        if let after {
            runner.on("kubectl get node w1 -o json", first, .success(stdout: Self.nodeJSON("w1", version: after)))
        } else {
            runner.on("kubectl get node w1 -o json", first)
        }
        for verb in [
            "cordon w1", "uncordon w1", "drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s",
        ] {
            runner.on("kubectl " + verb, .success())
        }
    }

    /// Whether `command` runs the playbook line `line`, alone or in a session.
    package static func runs(_ command: Command, _ line: String) -> Bool {
        shellLine(command) == line || SessionFake(command)?.lines.contains(line) == true
    }

    /// The `echo …` line a local host command runs.
    package static func shellLine(_ command: Command) -> String? {
        guard command.executable == "/bin/sh", command.arguments.count == 2 else { return nil }
        return command.arguments[1]
    }

    /// `kubectl get node NAME -o json` showing the node.
    package static func nodeJSON(
        _ name: String, ready: Bool = true, version: String = "v1.30.4", cordoned: Bool = false
    )
        -> String
    {
        """
        {"kind":"Node","apiVersion":"v1","metadata":{"name":"\(name)","labels":{}},
         "spec":{\(cordoned ? "\"unschedulable\":true" : "")},
         "status":{"conditions":[{"type":"Ready","status":"\(ready ? "True" : "False")"}],
                   "nodeInfo":{"kubeletVersion":"\(version)"}}}
        """
    }

    /// The shell lines that ran, in order (`echo backup v1.29.8` → `backup v1.29.8`).
    package var hostLines: [String] {
        runner.commands.flatMap { command in
            let lines = SessionFake(command).map { sessionLines.lines($0.marker) ?? $0.lines }
            return (lines ?? Self.shellLine(command).map { [$0] } ?? []).map { String($0.dropFirst(5)) }
        }
    }

    /// The kubectl calls, without `kubectl `.
    package var kubectlCalls: [String] {
        runner.commands.filter { $0.executable == "kubectl" }.map { $0.arguments.joined(separator: " ") }
    }
}

/// The executor's events, kept for assertions.
package final class EventList: ExecutionObserving, @unchecked Sendable {
    package init() {}

    private let lock = NSLock()
    private var list: [ExecutionEvent] = []

    package func record(_ event: ExecutionEvent) {
        lock.lock()
        list.append(event)
        lock.unlock()
    }

    package var all: [ExecutionEvent] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }

    /// `kind step` strings of one node's events, e.g. `step-finished upgrade-kubelet false`.
    package func summary(node: String) -> [String] {
        all.filter { $0.node == node }.map { event in
            [event.kind.rawValue, event.step, event.ok.map { "\($0)" }].compactMap { $0 }.joined(separator: " ")
        }
    }
}

/// Logs kept in memory.
package final class MemoryLog: CommandLogging, Sendable {
    package init() {}

    private let stored = Mutex<[String]>([])

    /// `node: line` for each line written, `run: line` for the run's log.
    package var lines: [String] { stored.withLock { $0 } }

    package func write(_ line: String, node: String?) {
        stored.withLock { $0.append((node ?? "run") + ": " + line) }
    }
}

/// The lines each session a fake answered ran, by the session's marker.
package final class SessionLines: Sendable {
    package init() {}

    private let state = Mutex<[String: [String]]>([:])

    package func record(_ marker: String, _ lines: [String]) {
        state.withLock { $0[marker] = lines }
    }

    package func lines(_ marker: String) -> [String]? {
        state.withLock { $0[marker] }
    }
}
