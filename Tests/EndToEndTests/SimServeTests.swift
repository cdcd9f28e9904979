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

/// `k8sim serve` and `Inventories/sim`: the simulated cluster as a new user meets it, driven by the
/// real k8sup and kubectl binaries.
@Suite("k8sim serve", .serialized)
struct SimServeTests {
    /// Stops `sim` and removes the temporary directory its state was in.
    private func stop(_ sim: SimServer) {
        sim.stop()
        try? FileManager.default.removeItem(atPath: PathNames.directoryName(of: sim.stateDirectory))
    }

    private func startSim() throws -> SimServer {
        guard let executable = SimNodeHarness.executable else { throw SimNodeHarness.ExecutableMissing() }
        let state = try makeTemporaryDirectory() + "/state"  // removed with it by `stop`
        var scenario = try Scenario.load(path: TestPaths.inventories + "/sim.scenario.yaml")
        scenario.delays = SimDelays()
        return try SimServer(
            inventory: [TestPaths.inventories + "/sim"], scenario: scenario, stateDirectory: state,
            executable: executable)
    }

    private func k8sup(_ arguments: [String], sim: SimServer) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            arguments + ["--kubectl", try RealKubectl.path()], environment: ["KUBECONFIG": sim.kubeconfigPath])
    }

    @Test func planReadsTheSimulatedClusterLive() throws {
        let sim = try startSim()
        defer { stop(sim) }
        let result = try k8sup(
            ["plan", "-i", "Inventories/sim", "-i", sim.inventoryOverlayPath, "-o", "json"], sim: sim)
        #expect(result.status == 0, "\(result.error)")
        let plan = try JSONDecoder().decode(UpgradePlan.self, from: Data(result.output.utf8))
        #expect(plan.hops.map(\.version) == ["v1.29.15", "v1.30.14"])
        #expect(plan.summary.nodeUpgrades == 16)
        #expect(Set(plan.current.kubelets.values) == ["v1.28.15"])
        #expect(plan.clusterSource.hasPrefix("live"))
    }

    /// The ssh command lines `apply` would run reach the node's sandbox through the ssh stand-in:
    /// staging on worker-1 switches its apt repository to v1.29 and finds the package version.
    @Test func dryRunCommandsRunOnTheSimulatedNodes() throws {
        let sim = try startSim()
        defer { stop(sim) }
        let result = try k8sup(
            ["apply", "--dry-run", "-i", "Inventories/sim", "-i", sim.inventoryOverlayPath, "-o", "json"], sim: sim)
        #expect(result.status == 0, "\(result.error)")
        let script = try JSONDecoder().decode(ExecutionScript.self, from: Data(result.output.utf8))
        let staging = script.commands.filter { $0.hop == 1 && $0.node == "worker-1" && $0.action == .stage }
        #expect(staging.count == 5)
        var lastOutput = ""
        for command in staging {
            let run = try runArgv(command.argv)
            #expect(run.status == 0, "\(command.line): \(run.error)")
            lastOutput = run.output
        }
        #expect(lastOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "1.29.15-1.1")
        let sources = try String(
            contentsOfFile: sim.stateDirectory + "/nodes/worker-1/etc/apt/sources.list.d/kubernetes.list",
            encoding: .utf8)
        #expect(sources.contains("/v1.29/deb/"))
    }

    /// Starts `k8sim serve` on the sim inventory and scenario; returns it once its banner is complete.
    private func startServe(state: String) throws -> (process: Process, banner: String) {
        guard let executable = SimNodeHarness.executable else { throw SimNodeHarness.ExecutableMissing() }
        let output = state + ".out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "serve", "-i", TestPaths.inventories + "/sim", "--scenario", TestPaths.inventories + "/sim.scenario.yaml",
            "--state", state,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Up to five minutes for k8sim to start: it takes moments, but a loaded machine stretches that.
        var banner = ""
        for _ in 0..<6_000 where !banner.contains("Ctrl-C stops") && process.isRunning {
            usleep(50_000)
            banner = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }
        return (process, banner)
    }

    @Test func serveCommandPrintsWhatToUseAndStopsOnSigterm() throws {
        let scratch = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let state = scratch + "/state"
        let (process, banner) = try startServe(state: state)
        #expect(banner.contains("k8sim: 8 node(s) at v1.28.15"))
        #expect(banner.contains("kubeconfig:  \(state)/kubeconfig"))
        let nodes = try runArgv([
            try RealKubectl.path(), "--kubeconfig", state + "/kubeconfig", "get", "nodes", "-o", "name",
        ])
        #expect(nodes.output.split(separator: "\n").count == 8)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// The two `curl` lines the banner prints, run as printed: the first switches a fault on for a
    /// worker (the answer lists it), the second clears them all.
    @Test func serveBannerCurlLinesSetAndClearFaults() throws {
        let scratch = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let state = scratch + "/state"
        let (process, banner) = try startServe(state: state)
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let port = try #require(banner.components(separatedBy: "apiserver http://127.0.0.1:").dropFirst().first)
            .prefix { $0.isNumber }
        let curls = banner.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("curl ") }
        try #require(curls.count == 2, "\(banner)")
        let url = "http://127.0.0.1:\(port)/k8sim/v1/faults"
        #expect(curls.allSatisfy { $0.hasSuffix(" " + url) })
        let set = try runArgv(["/bin/sh", "-c", curls[0]])
        #expect(set.status == 0, "\(set.error)")
        #expect(set.output == #"[{"node": "worker-1", "type": "kubelet-fails"}]"# + "\n")
        let listed = try runArgv(["/bin/sh", "-c", "curl -s " + url])
        #expect(listed.output == set.output)
        let cleared = try runArgv(["/bin/sh", "-c", curls[1]])
        #expect(cleared.status == 0, "\(cleared.error)")
        #expect(cleared.output == "[]\n")
    }

    /// `PUT /k8sim/v1/faults` over HTTP: YAML as in the scenario works, a bad body is a 400 naming its line
    /// and column and leaves the faults as they were.
    @Test func faultsEndpointTakesYAMLAndRefusesBadBodiesWithTheirPlace() throws {
        let sim = try startSim()
        defer { stop(sim) }
        func put(_ body: String) throws -> (status: Int, body: String) {
            let response = try HTTPClient.send(
                HTTPRequest(method: "PUT", path: "/k8sim/v1/faults", query: [:], headers: [:], body: Array(body.utf8)),
                to: sim.url)
            return (response.status, String(decoding: response.body, as: UTF8.self))
        }
        let set = try put("faults:\n  - {type: unreachable, node: worker-5}\n  - {type: kubeadm-fails, node: cp-2}\n")
        #expect(set.status == 200)
        #expect(
            sim.cluster.faults == [
                .unreachable(node: "worker-5"),
                .kubeadmFails(node: "cp-2", message: SimFault.defaultKubeadmMessage, command: nil),
            ])
        #expect(set.body.hasPrefix(#"[{"node": "worker-5", "type": "unreachable"}, "#))
        let bad = try put("faults:\n  - {type: unreachable, nod: worker-5}\n")
        #expect(bad.status == 400)
        #expect(bad.body.hasPrefix(#"{"error": "request body:2:25: unknown key nod in fault"#), "\(bad.body)")
        #expect(sim.cluster.faults.count == 2)
        let unknown = try put(#"[{"type": "unreachable", "node": "worker-9"}]"#)
        #expect(unknown.status == 400)
        #expect(unknown.body.contains("request body:1:2: fault.node worker-9 is not a node of the simulated cluster"))
        #expect(try put("").body == "[]\n")
        #expect(sim.cluster.faults.isEmpty)
    }

    /// A fault on a node the inventory does not have would silently never fire: refused at startup.
    @Test func aScenarioFaultOnAnUnknownNodeIsRefusedAtStartup() throws {
        guard let executable = SimNodeHarness.executable else { throw SimNodeHarness.ExecutableMissing() }
        var scenario = try Scenario.load(path: TestPaths.inventories + "/sim.scenario.yaml")
        scenario.faults = [.kubeletFails(node: "worker-9", version: nil)]
        let scratch = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let sim = try SimServer(
                inventory: [TestPaths.inventories + "/sim"], scenario: scenario, stateDirectory: scratch + "/state",
                executable: executable)
            stop(sim)
            Issue.record("expected the unknown node to be refused")
        } catch {
            #expect(
                "\(error)".hasPrefix(
                    "the scenario's kubelet-fails fault names node worker-9, which is not in the simulated cluster "
                        + "(nodes: cp-1, cp-2, cp-3, worker-1,"))
        }
    }

    @Test func serveRefusesMissingArguments() throws {
        let result = try runArgv([SimNodeHarness.executable ?? "k8sim", "serve", "-i", "Inventories/sim"])
        #expect(result.status == 64)
        #expect(result.error.contains("--inventory and --state are required"))
    }

    private func runArgv(_ argv: [String]) throws -> (status: Int32, output: String, error: String) {
        let result =
            argv[0].hasPrefix("/")
            ? try BinaryRunner.runProgram(argv[0], Array(argv.dropFirst()))
            : try BinaryRunner.runProgram("/usr/bin/env", argv)
        return (result.status, result.output, result.error)
    }
}
