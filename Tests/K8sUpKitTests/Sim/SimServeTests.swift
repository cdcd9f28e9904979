import Foundation
import Testing

@testable import K8sSimKit
@testable import K8sUpKit

/// `k8sim serve` and `Inventories/sim`: the simulated cluster as a new user meets it, driven by the
/// real k8sup and kubectl binaries.
@Suite("k8sim serve", .serialized)
struct SimServeTests {
    private func startSim() throws -> SimServer {
        guard let executable = SimNodeHarness.executable else { throw SimNodeHarness.ExecutableMissing() }
        let state = try makeTemporaryDirectory() + "/state"
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
        defer { sim.stop() }
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
        defer { sim.stop() }
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

    @Test func serveCommandPrintsWhatToUseAndStopsOnSigterm() throws {
        guard let executable = SimNodeHarness.executable else { throw SimNodeHarness.ExecutableMissing() }
        let state = try makeTemporaryDirectory() + "/state"
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

    @Test func serveRefusesMissingArguments() throws {
        let result = try runArgv([SimNodeHarness.executable ?? "k8sim", "serve", "-i", "Inventories/sim"])
        #expect(result.status == 64)
        #expect(result.error.contains("--inventory and --state are required"))
    }

    private func runArgv(_ argv: [String]) throws -> (status: Int32, output: String, error: String) {
        let scratch = try makeTemporaryDirectory()
        let out = scratch + "/out", err = scratch + "/err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        let executable = argv[0].hasPrefix("/") ? argv[0] : "/usr/bin/env"
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = argv[0].hasPrefix("/") ? Array(argv.dropFirst()) : argv
        process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.packageRoot)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        )
    }
}
