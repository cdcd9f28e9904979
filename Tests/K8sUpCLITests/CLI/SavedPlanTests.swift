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

/// `apply --plan FILE`: the reviewed plan runs only while the cluster still matches it.
@Suite struct SavedPlanTests {
    let sample = "Inventories/sample"

    /// Saves a plan into a new temporary directory; the caller removes it with `removeSavedPlan`.
    private func savedPlan(_ extra: [String] = []) async throws -> String {
        let path = try makeTemporaryDirectory() + "/plan.json"
        let result = await runK8sup(
            ["plan", "-i", sample, "--limit", "masters", "--to", "v1.29.15", "--out", path] + extra)
        #expect(result.code == .ok, "\(result.error)")
        return path
    }

    private func removeSavedPlan(_ path: String) {
        try? FileManager.default.removeItem(atPath: PathNames.directoryName(of: path))
    }

    @Test func theSavedPlanDrivesTheDryRunWithoutRepeatingItsOptions() async throws {
        let path = try await savedPlan()
        defer { removeSavedPlan(path) }
        let fromPlan = await runK8sup(["apply", "-i", sample, "--dry-run", "--plan", path, "-o", "json"])
        let direct = await runK8sup(
            ["apply", "-i", sample, "--dry-run", "--limit", "masters", "--to", "v1.29.15", "-o", "json"])
        #expect(fromPlan.code == .ok, "\(fromPlan.error)")
        #expect(fromPlan.output == direct.output)
    }

    @Test func aNodeThatChangedSinceThePlanStopsApplyAndIsNamed() async throws {
        let path = try await savedPlan()
        defer { removeSavedPlan(path) }
        var plan = try JSONDecoder().decode(UpgradePlan.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        plan.hops[0].nodes[1].from = "v1.28.2"
        try PlanJSON.encode(plan).write(toFile: path, atomically: true, encoding: .utf8)
        let result = await runK8sup(["apply", "-i", sample, "--dry-run", "--plan", path])
        #expect(result.code == .failure)
        #expect(result.error.contains("the cluster changed since the plan in \(path) was made"))
        #expect(result.error.contains("hop 1 (v1.29.15): cp-2 runs v1.28.6 now, the plan has v1.28.2"))
        #expect(result.output.isEmpty)
    }

    @Test func driftNamesNodesThatCameWentOrChangedSteps() throws {
        let node = { (name: String, steps: [StepAction]) in
            UpgradePlan.NodeUpgrade(
                order: 1, host: name, node: name, role: "worker", from: "v1.28.6", batch: 1,
                steps: steps.enumerated().map { .init(number: $0.offset + 1, action: $0.element, description: "") })
        }
        let hop = { (nodes: [UpgradePlan.NodeUpgrade], skipped: [UpgradePlan.SkippedNode]) in
            UpgradePlan.Hop(
                number: 1, version: "v1.29.15", versionSource: "target", preparation: [], nodes: nodes,
                skipped: skipped)
        }
        let plan = { (hops: [UpgradePlan.Hop]) in
            UpgradePlan(
                inventory: [], clusterSource: "", limit: nil, batchSize: 1,
                current: .init(controlPlane: nil, apiservers: [:], kubelets: [:]),
                target: .init(version: "v1.29.15", source: "--to"), hops: hops, checks: [],
                summary: .init(outcome: "ready", blockers: 0, warnings: 0, hops: hops.count, nodeUpgrades: 0))
        }
        let saved = SavedPlan(
            plan: plan([hop([node("w1", [.drain, .uncordon]), node("w2", [.drain, .uncordon])], [])]), path: "p.json")
        #expect(saved.drift(from: saved.plan).isEmpty)
        let now = plan([
            hop(
                [node("w1", [.drain, .keepCordoned]), node("w3", [.drain, .uncordon])],
                [.init(host: "w2", node: "w2", reason: "already at v1.29.15")])
        ])
        #expect(
            saved.drift(from: now) == [
                "hop 1 (v1.29.15): w2 is no longer to be upgraded (already at v1.29.15)",
                "hop 1 (v1.29.15): w3 would be upgraded too (it runs v1.28.6)",
                "hop 1 (v1.29.15): w1's steps changed from [cordon-drain, uncordon] to [cordon-drain, keep-cordoned]",
            ])
        #expect(saved.drift(from: plan([])) == ["the hops are none now, the plan has v1.29.15"])
    }

    @Test func optionsThatContradictThePlanAreRefused() async throws {
        let path = try await savedPlan()
        defer { removeSavedPlan(path) }
        let result = await runK8sup(["apply", "-i", sample, "--dry-run", "--plan", path, "--to", "v1.30.4"])
        #expect(result.code == .usage)
        #expect(result.error.contains("--to v1.30.4 differs from the plan in \(path) (v1.29.15)"))
    }

    @Test func aFileThatIsNotAPlanIsBadInput() async throws {
        let pathDirectory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: pathDirectory) }
        let path = pathDirectory + "/plan.json"
        try "{\"kind\": \"Pod\"}".write(toFile: path, atomically: true, encoding: .utf8)
        let result = await runK8sup(["apply", "-i", sample, "--dry-run", "--plan", path])
        #expect(result.code == .dataError)
        #expect(result.error.contains("cannot apply the plan in \(path): it is not a plan saved by `k8sup plan --out`"))
    }
}
