import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The disruption controller's arithmetic.
@Suite struct DisruptionMathTests {
    func pods(_ ready: Int, unready: Int = 0, replicas: Int? = nil) -> [DisruptionMath.PodFacts] {
        let total = replicas ?? (ready + unready)
        let controller = DisruptionMath.PodFacts.Controller.scaled(id: "deploy/web", replicas: total)
        return (0..<ready).map { _ in .init(ready: true, controller: controller) }
            + (0..<unready).map { _ in .init(ready: false, controller: controller) }
    }

    @Test func minAvailableCount() {
        let status = DisruptionMath.status(minAvailable: .count(2), maxUnavailable: nil, pods: pods(3))
        #expect(status == .init(expectedPods: 3, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1))
    }

    @Test func minAvailableCountUsesThePodsPresentNotTheScale() {
        let status = DisruptionMath.status(minAvailable: .count(1), maxUnavailable: nil, pods: pods(2, replicas: 5))
        #expect(status.expectedPods == 2)
    }

    @Test func minAvailablePercentRoundsUpAgainstTheScale() {
        let status = DisruptionMath.status(minAvailable: .percent(50), maxUnavailable: nil, pods: pods(3))
        #expect(status == .init(expectedPods: 3, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1))
    }

    @Test func maxUnavailableCountAndPercent() {
        #expect(
            DisruptionMath.status(minAvailable: nil, maxUnavailable: .count(1), pods: pods(4))
                == .init(expectedPods: 4, desiredHealthy: 3, currentHealthy: 4, disruptionsAllowed: 1))
        // 25% of 5 = 1.25, rounded up to 2 unavailable → 3 desired.
        #expect(
            DisruptionMath.status(minAvailable: nil, maxUnavailable: .percent(25), pods: pods(5))
                == .init(expectedPods: 5, desiredHealthy: 3, currentHealthy: 5, disruptionsAllowed: 2))
    }

    @Test func maxUnavailableZeroNeverAllows() {
        let status = DisruptionMath.status(minAvailable: nil, maxUnavailable: .count(0), pods: pods(3))
        #expect(status.disruptionsAllowed == 0)
        #expect(status.desiredHealthy == 3)
    }

    @Test func desiredHealthyIsNeverNegative() {
        let status = DisruptionMath.status(minAvailable: nil, maxUnavailable: .count(5), pods: pods(2))
        #expect(status.desiredHealthy == 0)
        #expect(status.disruptionsAllowed == 2)
    }

    @Test func unreadyAndDisruptedPodsAreNotHealthy() {
        var facts = pods(3, unready: 1)
        facts[0].disrupted = true
        facts[1].terminating = true
        let status = DisruptionMath.status(minAvailable: .count(1), maxUnavailable: nil, pods: facts)
        #expect(status.currentHealthy == 1)
        #expect(status.disruptionsAllowed == 0)
    }

    @Test func noExpectedPodsAllowsNothing() {
        let status = DisruptionMath.status(minAvailable: .count(0), maxUnavailable: nil, pods: [])
        #expect(status == .init(expectedPods: 0, desiredHealthy: 0, currentHealthy: 0, disruptionsAllowed: 0))
    }

    @Test func disruptionsAreClampedAtZero() {
        let status = DisruptionMath.status(minAvailable: .count(5), maxUnavailable: nil, pods: pods(2))
        #expect(status.disruptionsAllowed == 0)
    }

    @Test func percentagesOverUnscaledControllersFailTheSync() {
        let facts = [DisruptionMath.PodFacts(ready: true, controller: .unscaled)]
        let status = DisruptionMath.status(minAvailable: .percent(50), maxUnavailable: nil, pods: facts)
        #expect(status.syncFailed)
        #expect(status.disruptionsAllowed == 0)
    }

    @Test func barePodsAreIgnoredForTheScale() {
        let facts = pods(2) + [DisruptionMath.PodFacts(ready: true, controller: .none)]
        let status = DisruptionMath.status(minAvailable: nil, maxUnavailable: .count(1), pods: facts)
        #expect(status.expectedPods == 2)
        #expect(status.currentHealthy == 3)
    }

    @Test func amountsParse() {
        #expect(DisruptionMath.Amount(.int(2)) == .count(2))
        #expect(DisruptionMath.Amount(.string("50%")) == .percent(50))
        #expect(DisruptionMath.Amount(.string("two")) == nil)
    }
}
