import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The drain runs again after the cluster API failed it, never after a PodDisruptionBudget refused.
@Suite struct DrainRetryTests {
    static let drain = "kubectl drain w1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s"

    func fixture() -> ExecutorFixture {
        var fixture = ExecutorFixture()
        // Waits of a millisecond: the test looks at what runs, not at how long it waits.
        fixture.settings.retryBackoff = Backoff(first: .milliseconds(1), cap: .milliseconds(1), jitter: 0)
        return fixture
    }

    func upgradeW1(_ fixture: ExecutorFixture) async throws -> Executor.Result {
        let node = ExecutorFixture.node("w1")
        let plan = fixture.plan([node])
        return try await Executor(plan: plan, tools: fixture.tools(hosts: ["w1"])).run()
    }

    @Test func aDrainTheAPIFailedRunsAgainWithWhatIsLeftOfItsTimeout() async throws {
        let fixture = fixture()
        fixture.answerShell()
        fixture.runner.on(
            Self.drain,
            .failure(
                stderr: "evicting pod shop/web-1\nerror: unable to drain node \"w1\" due to error: error when evicting "
                    + "pods/\"web-1\" -n \"shop\": \(KubectlTexts.leaderChanged), continuing command...\n"))
        fixture.runner.on("the drain run again", where: { $0.arguments.first == "drain" }, .success())
        fixture.answerWorker()
        #expect(try await upgradeW1(fixture) == .succeeded)
        let drains = fixture.kubectlCalls.filter { $0.hasPrefix("drain ") }
        #expect(drains.count == 2)
        let timeout = try #require(drains.last?.split(separator: "=").last.flatMap { Int($0.dropLast()) })
        #expect((1...29).contains(timeout))
        let retry = try #require(fixture.events.all.first { $0.attempt == 1 })
        #expect(retry.step == "cordon-drain" && retry.node == "w1")
        #expect(retry.message?.hasPrefix("the cluster API failed: error: unable to drain node \"w1\"") == true)
        // A line about evicting web-1 that failed on the API is no PodDisruptionBudget refusal.
        #expect(!fixture.events.all.contains { ($0.message ?? "").hasPrefix("eviction of pod") })
    }

    @Test func aDrainHeldByABudgetUntilItsTimeoutRunsOnce() async throws {
        let fixture = fixture()
        fixture.answerShell()
        fixture.runner.on(
            Self.drain,
            .failure(
                stderr: """
                    error when evicting pods/"web-1" -n "shop" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
                    There are pending pods in node "w1" when an error occurred: error when evicting pods/"web-1" -n "shop": global timeout reached: 30s
                    """))
        fixture.runner.on("kubectl get nodes,pods,pdb -A -o json", .failure(stderr: KubectlTexts.forbidden))
        fixture.answerWorker()
        guard case .failed(.drainTimedOut(let node, _, let holders)) = try await upgradeW1(fixture) else {
            Issue.record("expected the drain to time out")
            return
        }
        #expect(node == "w1" && holders.map(\.pod) == ["shop/web-1"])
        #expect(fixture.kubectlCalls.filter { $0.hasPrefix("drain ") }.count == 1)
        #expect(!fixture.events.all.contains { $0.attempt != nil })
    }
}
