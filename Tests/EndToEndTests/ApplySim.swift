import Foundation
import Glibc
import K8sUpTestSupport
import Synchronization

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

/// A simulated cluster served in-process by k8sim (zero delays), its inventory, and the real `k8sup`
/// and `kubectl` binaries pointed at it: what `apply`'s end-to-end tests drive and then inspect.
final class ApplySim: Sendable {
    let sim: SimServer
    /// The cluster's own inventory (a directory with hosts.yaml and group_vars/all.yaml).
    let inventory: String
    /// k8sup's `--state-dir`.
    let stateDirectory: String
    /// `--node-ready-timeout` of every apply.
    let nodeReadyTimeout: String

    /// The kubectl k8sup drives (`--kubectl`).
    let kubectl: String
    /// The temporary directory of the inventory, the state directory and k8sim's files; removed at the end.
    private let root: String

    /// - Parameters:
    ///   - controlPlanes, workers: The cluster's size; `nil` uses `Inventories/sim` (3 + 5).
    ///   - scenario: Scenario YAML; delays are zero unless it sets them.
    ///   - drainTimeout: The inventory's `drain_timeout` (not with `Inventories/sim`, which has its own).
    ///   - nodeReadyTimeout: `--node-ready-timeout`.
    ///   - groupVars: More lines for the inventory's `group_vars/all.yaml` (not with `Inventories/sim`).
    /// The timeouts are minutes by default, so that only a test that waits for one to expire sets it
    /// short: with zero delays a drain or a node coming back takes moments, but a loaded machine can
    /// stretch moments into many seconds.
    init(
        controlPlanes: Int? = 1, workers: Int = 2, target: String = "v1.29.15", scenario: String = "from: v1.28.15",
        kubectl: String? = nil, drainTimeout: String = "5m", nodeReadyTimeout: String = "5m", groupVars: String = ""
    ) throws {
        self.kubectl = try kubectl ?? RealKubectl.path()
        self.nodeReadyTimeout = nodeReadyTimeout
        guard let executable = SimNodeHarness.executable else { throw SimNodeHarness.ExecutableMissing() }
        let root = try makeTemporaryDirectory()
        self.root = root
        if let controlPlanes {
            inventory = root + "/inventory"
            try Self.writeInventory(
                at: inventory, controlPlanes: controlPlanes, workers: workers, target: target,
                drainTimeout: drainTimeout, groupVars: groupVars)
        } else {
            inventory = TestPaths.inventories + "/sim"
        }
        stateDirectory = root + "/k8sup"
        var parsed = try Scenario.parse(text: scenario, file: "scenario.yaml")
        if !scenario.contains("delays:") { parsed.delays = SimDelays() }
        sim = try SimServer(
            inventory: [inventory], scenario: parsed, stateDirectory: root + "/sim", executable: executable)
    }

    deinit {
        sim.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `k8sup apply` with the flags every test needs, then `extra`.
    func applyArguments(_ extra: [String]) -> [String] {
        [
            "apply", "-i", inventory, "-i", sim.inventoryOverlayPath, "--state-dir", stateDirectory, "--kubectl",
            kubectl, "--verify-interval", "0s", "--node-ready-timeout", nodeReadyTimeout, "--yes",
        ] + extra
    }

    var environment: [String: String] { ["KUBECONFIG": sim.kubeconfigPath] }

    /// Runs `k8sup apply` to the end; `variables` are added to its environment.
    func apply(_ extra: [String] = [], variables: [String: String] = [:]) async throws -> BinaryRunner.Result {
        try await start(applyArguments(extra), variables: variables).result()
    }

    /// Runs any k8sup command against the cluster.
    func k8sup(_ arguments: [String]) async throws -> BinaryRunner.Result {
        try await start(arguments + ["--kubectl", kubectl]).result()
    }

    /// Starts `k8sup apply` without waiting for it, for tests that signal it.
    func startApply(_ extra: [String] = []) throws -> RunningBinary {
        try start(applyArguments(extra))
    }

    /// Starts k8sup with `arguments` against the cluster; `variables` are added to its environment.
    func start(_ arguments: [String], variables: [String: String] = [:]) throws -> RunningBinary {
        guard let executable = BinaryRunner.executable else { throw BinaryRunner.ExecutableMissing() }
        return try RunningBinary(
            executable: executable, arguments: arguments, environment: environment.merging(variables) { $1 })
    }

    /// What the journal holds now.
    var journal: JournalState {
        get throws { JournalState(try JournalReader.read(directory: stateDirectory).entries) }
    }

    var journalEntries: [JournalEntry] {
        get throws { try JournalReader.read(directory: stateDirectory).entries }
    }

    /// A node as the simulated apiserver has it.
    struct NodeState: Equatable, CustomStringConvertible {
        var version: String
        var ready: Bool
        var cordoned: Bool

        var description: String { "\(version)\(ready ? "" : " NotReady")\(cordoned ? " cordoned" : "")" }
    }

    func node(_ name: String) -> NodeState? {
        guard let node = sim.cluster.object("nodes", name: name) else { return nil }
        let conditions = node[["status", "conditions"]]?.listValue ?? []
        let ready = conditions.contains { $0.string("type") == "Ready" && $0.string("status") == "True" }
        let cordoned = node[["spec", "unschedulable"]] == .bool(true)
        return NodeState(
            version: node.string("status", "nodeInfo", "kubeletVersion") ?? "?", ready: ready, cordoned: cordoned)
    }

    /// Every node's state, by name.
    var nodes: [String: NodeState] {
        var result: [String: NodeState] = [:]
        for node in sim.cluster.objects("nodes") {
            result[node.objectName] = self.node(node.objectName)
        }
        return result
    }

    /// The order in which nodes started their upgrade in the journal, per hop: `["1 cp-1", "1 worker-1"]`.
    func startOrder() throws -> [String] {
        try journalEntries.compactMap { entry in
            guard case .nodeStarted(let started) = entry.event else { return nil }
            return "\(started.hop) \(started.node)"
        }
    }

    private static func writeInventory(
        at directory: String, controlPlanes: Int, workers: Int, target: String, drainTimeout: String,
        groupVars: String
    ) throws {
        let cps = (1...max(1, controlPlanes)).map { "cp-\($0)" }
        let workerNames = workers > 0 ? (1...workers).map { "worker-\($0)" } : []
        var hosts = "all:\n  vars:\n    ansible_user: ubuntu\n  hosts:\n"
        for (index, name) in cps.enumerated() { hosts += "    \(name): {ansible_host: 10.77.0.\(11 + index)}\n" }
        for (index, name) in workerNames.enumerated() {
            hosts += "    \(name): {ansible_host: 10.77.1.\(21 + index)}\n"
        }
        func group(_ names: [String]) -> String {
            "{hosts: {" + names.map { "\($0): {}" }.joined(separator: ", ") + "}}"
        }
        hosts += "  children:\n"
        hosts += "    kube_control_plane: \(group(cps))\n    etcd: \(group(cps))\n"
        hosts += workerNames.isEmpty ? "    kube_node: {hosts: {}}\n" : "    kube_node: \(group(workerNames))\n"
        hosts += "    k8s_cluster: {children: {kube_control_plane: {}, kube_node: {}}}\n"
        try FileManager.default.createDirectory(atPath: directory + "/group_vars", withIntermediateDirectories: true)
        try hosts.write(toFile: directory + "/hosts.yaml", atomically: true, encoding: .utf8)
        let vars = "kube_version: \(target)\nk8sup_playbook: kubeadm-apt\ndrain_timeout: \(drainTimeout)\n" + groupVars
        try vars.write(toFile: directory + "/group_vars/all.yaml", atomically: true, encoding: .utf8)
    }
}

/// A `k8sup` process running in the background, its output going to files. Waiting for it never
/// blocks a thread of the Swift concurrency pool (the suite shares two with every other test).
final class RunningBinary: Sendable {
    /// How the process ended, and who waits for it; shared with the termination handler.
    private final class Exit: Sendable {
        struct State {
            var status: Int32?
            var waiter: CheckedContinuation<Int32, Never>?
        }

        let state = Mutex(State())
    }

    let pid: Int32
    private let scratch: String
    private let exit = Exit()

    deinit {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        scratch = try makeTemporaryDirectory()
        let process = try BinaryRunner.prepare(
            executable, arguments, environment: environment, outputDirectory: scratch)
        let exit = self.exit
        process.terminationHandler = { ended in
            let status =
                ended.terminationReason == .uncaughtSignal ? 128 + ended.terminationStatus : ended.terminationStatus
            let waiter = exit.state.withLock { state in
                state.status = status
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: status)
        }
        try process.run()
        pid = process.processIdentifier
    }

    var output: String { (try? String(contentsOfFile: scratch + "/out", encoding: .utf8)) ?? "" }
    var error: String { (try? String(contentsOfFile: scratch + "/err", encoding: .utf8)) ?? "" }
    var isRunning: Bool { exit.state.withLock { $0.status == nil } }

    /// Polls until `condition` holds (true) or the process ends or `seconds` pass (false), then sends
    /// `signal` (if any) at once. The polling runs on its own thread, so a busy concurrency pool cannot
    /// delay the signal past the moment the test aims at. The limit only ends the wait of a run that
    /// hangs: a run that goes on without ever meeting the condition ends by itself.
    func wait(
        upTo seconds: Double = 600, thenSignal signal: Int32? = nil, until condition: @escaping @Sendable () -> Bool
    ) async -> Bool {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                let deadline = Date().addingTimeInterval(seconds)
                var reached = false
                while Date() < deadline {
                    if condition() {
                        reached = true
                        break
                    }
                    if !isRunning {
                        reached = condition()
                        break
                    }
                    usleep(2_000)
                }
                if reached, let signal { kill(pid, signal) }
                continuation.resume(returning: reached)
            }
            thread.start()
        }
    }

    func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// Waits for the process to end; its exit status, or 128 + the signal that killed it.
    func finish() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status: Int32? = exit.state.withLock { state in
                if state.status == nil { state.waiter = continuation }
                return state.status
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    /// Waits for the end; status and both streams.
    func result() async -> BinaryRunner.Result {
        let status = await finish()
        return BinaryRunner.Result(status: status, output: output, error: error)
    }
}
