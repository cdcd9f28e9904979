import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `k8sup plan` through the CLI: the README's command on the sample, golden files of its text, the JSON
/// form against docs/plan.schema.json, and every way input can be bad.
@Suite struct PlanCommandTests {
    let sample = "Inventories/sample"
    let snapshot = TestPaths.inventories + "/sample.snapshot.json"

    @Test func theReadmeCommandPrintsTheSamplePlanAndExitsBlocked() async throws {
        let result = await runK8sup(["plan", "-i", sample])
        #expect(result.code == .blocked)
        #expect(result.error.isEmpty)
        try GoldenFile.check(result.output, named: "plan-sample.txt")
    }

    @Test func limitMastersPlansOnlyTheControlPlane() async throws {
        let result = await runK8sup(["plan", "-i", sample, "--limit", "masters", "--to", "v1.29.15"])
        try GoldenFile.check(result.output, named: "plan-sample-masters.txt")
        #expect(result.code == .ok)
        #expect(result.output.contains("READY: 0 blocker(s), 1 warning(s); 1 hop(s), 3 node upgrade(s)."))
    }

    @Test func aPlanThatStopsBeforeItsTargetSaysWhereItEndsAndWhoHoldsItBack() async throws {
        let result = await runK8sup(
            ["plan", "-i", sample, "--to", "1.40.0", "--via", "1.37.0", "--via", "1.38.0", "--via", "1.39.0"])
        try GoldenFile.check(result.output, named: "plan-sample-stops-early.txt")
        #expect(
            result.output.hasPrefix(
                "Upgrade plan: v1.28.6 → v1.31.14 (stops before the target v1.40.0: see version.stops-early), "))
        // worker-6 is a cluster node outside the inventory: --limit cannot help with it.
        #expect(result.output.contains("      nodes: worker-6; hops: 3\n      fix: worker-6 is not in the inventory"))
        let json = await runK8sup(
            [
                "plan", "-i", sample, "--to", "1.40.0", "--via", "1.37.0", "--via", "1.38.0", "--via", "1.39.0", "-o",
                "json",
            ])
        #expect(try PlanJSON.decode(json.output).summary.stopsAt == "v1.31.14")
    }

    @Test func verboseAddsEveryNodesStepsAfterTheSummary() async throws {
        let short = await runK8sup(["plan", "-i", sample, "-v"])
        let long = await runK8sup(["plan", "-i", sample, "--verbose"])
        let plain = await runK8sup(["plan", "-i", sample])
        #expect(short.output == long.output)
        #expect(short.code == .blocked)
        #expect(short.output.contains("\n\nEvery node's steps:\n\nHop 1 of 2: v1.29.15 "))
        #expect(
            short.output.contains(
                "  8. worker-5.prod.example (host worker-5): worker, v1.29.15 → v1.30.4\n"
                    + "       1. back up the kubelet binary and configuration\n"))
        #expect(!plain.output.contains("Every node's steps:"))
        // Both start with the same summary and end with the same checks and verdict.
        let head = try #require(plain.output.components(separatedBy: "\n\nWarnings (").first)
        #expect(short.output.hasPrefix(head))
        #expect(short.output.hasSuffix(try #require(plain.output.components(separatedBy: "\n\nWarnings (").last)))
    }

    @Test func jsonOutputFollowsTheDocumentedSchema() async throws {
        let schema = try PlanSchema.upgradePlan()
        for arguments in [
            ["plan", "-i", sample, "-o", "json"],
            ["plan", "-i", sample, "-o", "json", "--limit", "workers", "--batch", "2"],
            ["plan", "-i", sample, "-o", "json", "--batch", "auto", "--max-unavailable", "2"],
            [
                "plan", "-i", sample, "-o", "json", "--to", "1.40.0", "--via", "1.37.0", "--via", "1.38.0", "--via",
                "1.39.0",
            ],
        ] {
            let result = await runK8sup(arguments)
            let document = try #require(try DataFiles.parse(result.output, file: "plan.json"))
            let problems = schema.validate(document)
            #expect(problems.isEmpty, "\(problems)")
            #expect(document.mappingValue?["kind"] == "UpgradePlan")
            #expect(document.mappingValue?["apiVersion"] == "k8sup/v1")
        }
    }

    @Test func outSavesTheSamePlanAsJSON() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/plan.json"
        let text = await runK8sup(["plan", "-i", sample, "--out", path])
        let json = await runK8sup(["plan", "-i", sample, "-o", "json"])
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.code == .blocked)
        #expect(saved == json.output)
        #expect(try PlanJSON.decode(saved).hops.count == 2)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() async {
        let terminal = await runK8sup(["plan", "-i", sample], terminal: true)
        #expect(terminal.output.contains("\u{1B}[1;31mBLOCKED\u{1B}[0m"))
        let noColour = await runK8sup(["plan", "-i", sample], environment: ["NO_COLOR": "1"], terminal: true)
        #expect(!noColour.output.contains("\u{1B}["))
        #expect(!(await runK8sup(["plan", "-i", sample])).output.contains("\u{1B}["))
    }

    @Test(arguments: [
        (["--to", "1.30.x"], "--to: \"1.30.x\" is not a Kubernetes version"),
        (["--via", "latest"], "--via: \"latest\" is not a Kubernetes version"),
        (["--batch", "0"], "--batch must be a whole number of at least 1 or auto, not '0'"),
        (["-o", "yaml"], "-o/--output must be text or json, not 'yaml'"),
        (["--snapshot", "x.json", "--context", "prod"], "--snapshot reads a file; it cannot be combined"),
        (["--via", "v1.31.2"], "--via v1.31.2 is not between v1.28 and v1.30"),
    ])
    func badFlagsAreUsageErrors(arguments: [String], message: String) async {
        let result = await runK8sup(["plan", "-i", sample] + arguments)
        #expect(result.code == .usage)
        #expect(result.error.contains(message), "\(result.error)")
    }

    @Test func aDowngradeIsABlocker() async {
        let result = await runK8sup(["plan", "-i", sample, "--to", "v1.27.16"])
        #expect(result.code == .blocked)
        #expect(
            result.output.contains("version.downgrade: the target v1.27.16 is older than the control plane (v1.28.6)"))
    }

    @Test func malformedAndTruncatedSnapshotsAreBadInputWithAPosition() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let whole = try String(contentsOfFile: snapshot, encoding: .utf8)
        try String(whole.prefix(5000)).write(toFile: directory + "/cut.json", atomically: true, encoding: .utf8)
        try "NAME   STATUS\ncp-1   Ready\n".write(toFile: directory + "/table.json", atomically: true, encoding: .utf8)
        let cut = await runK8sup(["plan", "-i", sample, "--snapshot", directory + "/cut.json"])
        #expect(cut.code == .dataError)
        #expect(cut.error.contains("cut.json:"))
        #expect(cut.error.contains("ends early"))
        let table = await runK8sup(["plan", "-i", sample, "--snapshot", directory + "/table.json"])
        #expect(table.code == .dataError)
        #expect(table.error.contains("table.json:1:1: not JSON"))
    }

    @Test func aSnapshotOfAnotherClusterIsRefused() async {
        let result = await runK8sup([
            "plan", "-i", "Inventories/legacy/inventory.ini", "--snapshot", snapshot,
        ])
        #expect(result.code == .dataError)
        #expect(result.error.contains("the cluster is not the one the inventory describes: none of its nodes (master1"))
    }

    @Test func aMissingKubectlIsAFailureNamingIt() async {
        let result = await runK8sup([
            "plan", "-i", "Inventories/legacy/inventory.ini", "--kubectl", "/nonexistent/kubectl",
        ])
        #expect(result.code == .failure)
        #expect(result.error.contains("/nonexistent/kubectl"))
    }

    @Test func aFailingRealKubectlShowsItsOwnError() async throws {
        let kubectl = try RealKubectl.path()
        let result = await runK8sup([
            "plan", "-i", "Inventories/legacy/inventory.ini", "--kubectl", kubectl,
            "--kubeconfig", "/nonexistent/kubeconfig",
        ])
        #expect(result.code == .failure)
        // One line: what k8sup ran, and kubectl's own message.
        #expect(
            result.error
                == "k8sup: error: cannot read the cluster: `\(kubectl) --kubeconfig /nonexistent/kubeconfig get "
                + "nodes,pods,pdb -A -o json` failed (exit 1): error: stat /nonexistent/kubeconfig: no such file or "
                + "directory\n")
    }
}
