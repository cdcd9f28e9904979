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

/// The use cases called with typed requests, no command line: they plan, print and refuse on their own,
/// and the CLI over the same request prints the same and exits as the outcome says.
@Suite struct UseCaseTests {
    let sample = "Inventories/sample"

    func context(_ console: CapturingConsole) -> CommandContext {
        CommandContext(console: console, environment: [:], workingDirectory: TestPaths.packageRoot)
    }

    func planning(limits: [String] = [], target: KubeVersion? = nil) -> PlanningRequest {
        var request = PlanningRequest()
        request.inventory = InventoryChoice(paths: [sample], limits: limits)
        request.options.target = target
        return request
    }

    /// The exit status apply would record: the CLI's own mapping.
    let exitStatus: ApplyUseCase.ExitStatus = { CLI.exitCode(for: $0).rawValue }

    @Test func planOnTheSampleSnapshotIsBlockedAndPrintsWhatTheCommandPrints() async throws {
        let console = CapturingConsole()
        var request = PlanRequest()
        request.planning = planning()
        let outcome = try await PlanUseCase(context: context(console)).run(request)
        #expect(outcome == .blocked)
        let command = await runK8sup(["plan", "-i", sample])
        #expect(command.code == CLI.exitCode(for: outcome))
        #expect(console.output == command.output && console.output.contains("BLOCKED"))
    }

    @Test func planOfTheControlPlaneToTheNextMinorIsDoneAsJSON() async throws {
        let console = CapturingConsole()
        var request = PlanRequest()
        request.planning = planning(limits: ["masters"], target: try KubeVersion(parsing: "v1.29.15"))
        request.output = .json
        #expect(try await PlanUseCase(context: context(console)).run(request) == .done)
        let plan = try PlanJSON.decode(console.output)
        #expect(plan.target.version == "v1.29.15" && plan.limit == "masters")
        #expect(Set(plan.hops.flatMap(\.nodes).map(\.node)) == ["cp-1", "cp-2", "cp-3"])
    }

    @Test func applyDryRunPrintsTheScriptTheCommandPrints() async throws {
        let console = CapturingConsole()
        var request = ApplyRequest()
        request.planning = planning(limits: ["masters"], target: try KubeVersion(parsing: "v1.29.15"))
        request.dryRun = true
        request.output = .json
        let outcome = try await ApplyUseCase(context: context(console), exitStatus: exitStatus).run(request)
        #expect(outcome == .done)
        let script = try JSONDecoder().decode(ExecutionScript.self, from: Data(console.output.utf8))
        #expect(Set(script.commands.compactMap(\.node)) == ["cp-1", "cp-2", "cp-3"])
        let command = await runK8sup(
            ["apply", "-i", sample, "--limit", "masters", "--to", "v1.29.15", "--dry-run", "-o", "json"])
        #expect(command.code == .ok && command.output == console.output)
    }

    @Test func aRealApplyOfASnapshotIsARequestErrorTheCLIShowsAsUsage() async throws {
        var request = ApplyRequest()
        request.planning = planning()
        request.assumeYes = true
        let apply = ApplyUseCase(context: context(CapturingConsole()), exitStatus: exitStatus)
        await #expect(throws: RequestError.applyNeedsLiveCluster) { try await apply.run(request) }
        let command = await runK8sup(["apply", "-i", sample, "--yes"])
        #expect(command.code == .usage)
        #expect(command.error.hasPrefix("k8sup: error: \(RequestError.applyNeedsLiveCluster)\nusage: k8sup apply "))
    }

    @Test func statusWithoutAnInventoryOrStateDirectoryIsARequestError() async {
        let status = StatusUseCase(context: context(CapturingConsole()))
        await #expect(throws: RequestError.noStateDirectory) { try await status.run(StatusRequest()) }
    }

    @Test func outcomesExitAsTheCommandsPromise() {
        let blocked = ExecutionError.blocked(hop: 1, messages: ["x"])
        let rollback = ExecutionError.rollbackFailed(node: "cp-1", version: "v1.29.15", failure: "x", instructions: [])
        let cases: [(UseCaseOutcome, ExitCode)] = [
            (.done, .ok), (.nothingToDo, .ok), (.canaryReached(workers: 1), .ok), (.blocked, .blocked),
            (.declined, .failure), (.stopped, .interrupted), (.failed(blocked), .blocked),
            (.failed(rollback), .needsManualRepair), (.needsRepair(rollback), .needsManualRepair),
        ]
        for (outcome, code) in cases { #expect(CLI.exitCode(for: outcome) == code, "\(outcome)") }
        #expect(CLI.exitCode(for: .failure(RequestError.noInventory)) == .usage)
    }
}
