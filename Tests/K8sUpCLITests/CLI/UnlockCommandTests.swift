import Foundation
import K8sUpTestSupport
import Synchronization
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

/// `k8sup unlock`: shows the holder, asks, deletes; refuses to guess without a terminal.
@Suite struct UnlockCommandTests {
    static let get = "kubectl --context prod get lease k8sup -n kube-system -o json --ignore-not-found"
    static let delete = "kubectl --context prod delete lease k8sup -n kube-system --ignore-not-found --wait=false"
    static let holder = "dev@ci-7 pid 99 run run-0"

    func unlock(
        _ extra: [String], input: any ConsoleInput = NoInput(), lease: String?
    ) async throws -> (UseCaseOutcome, CapturingConsole, FakeRunner) {
        let runner = FakeRunner()
        runner.on(Self.get, .success(stdout: lease ?? ""))
        runner.on(Self.delete, .success())
        let console = CapturingConsole()
        let context = CommandContext(console: console, environment: [:], workingDirectory: "/", input: input)
        let arguments = try ArgumentParser.parse(["--context", "prod"] + extra, for: UnlockCommand.spec)
        let unlock = UnlockUseCase(context: context, runner: runner, clock: ManualWallClock(LockHarness.start))
        let code = try await unlock.run(arguments.unlockRequest)
        return (code, console, runner)
    }

    @Test func showsAnExpiredLockAndRemovesItWithYes() async throws {
        let lease = leaseJSON(holder: Self.holder, renewed: LockHarness.start.addingTimeInterval(-600))
        let (code, console, runner) = try await unlock(["--yes"], lease: lease)
        #expect(code == .done)
        #expect(runner.displayLines == [Self.get, Self.delete])
        #expect(
            console.output == """
                Lease kube-system/k8sup is held by dev@ci-7 pid 99 run run-0
                  run:      run-0, upgrading to v1.30.4
                  taken:    2025-01-02T02:04:05Z (60m ago)
                  renewed:  2025-01-02T02:54:05Z (10m ago)
                  expired:  2025-01-02T02:59:05Z (5m ago): that run stopped renewing it and is most likely dead
                Removed Lease kube-system/k8sup.

                """)
    }

    @Test func asksOnATerminalAndKeepsTheLockUnlessTheAnswerIsYes() async throws {
        let live = leaseJSON(holder: Self.holder, renewed: LockHarness.start.addingTimeInterval(-30))
        let (declined, console, runner) = try await unlock([], input: ScriptedInput(["n"]), lease: live)
        #expect(declined == .declined)
        #expect(runner.displayLines == [Self.get])
        #expect(console.error == "Remove it anyway? [y/N] ")
        #expect(console.output.contains("expires:  2025-01-02T03:08:35Z (in 4m30s) unless renewed"))
        #expect(console.output.hasSuffix("Left the lock in place.\n"))
        let (accepted, _, deleted) = try await unlock([], input: ScriptedInput([" Yes "]), lease: live)
        #expect(accepted == .done && deleted.displayLines == [Self.get, Self.delete])
    }

    @Test func refusesWithoutYesWhenNobodyCanAnswer() async throws {
        let lease = leaseJSON(holder: Self.holder, renewed: LockHarness.start)
        await #expect {
            _ = try await unlock([], lease: lease)
        } throws: { error in
            error as? RequestError == .cannotAskWithoutTerminal(command: "unlock")
        }
    }

    @Test func noLockIsSuccess() async throws {
        let (code, console, runner) = try await unlock([], lease: nil)
        #expect(code == .done && runner.displayLines == [Self.get])
        #expect(console.output == "No k8sup lock on the cluster (Lease kube-system/k8sup does not exist).\n")
    }

    @Test func anInventoryThatReadsASnapshotHasNoClusterToUnlock() async {
        let result = await runK8sup(["unlock", "-i", "Inventories/sample", "--yes"])
        #expect(result.code == .usage)
        #expect(result.error.contains("reads the cluster from a snapshot"))
    }

    @Test func theCommandsAreListedInHelp() async {
        let help = await runK8sup(["--help"]).output
        #expect(help.contains("status") && help.contains("unlock"))
        #expect(await runK8sup(["unlock", "--help"]).output.contains("--yes"))
    }
}
