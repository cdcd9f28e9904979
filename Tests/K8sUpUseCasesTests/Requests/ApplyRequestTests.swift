import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// What `apply` shares with planning is set in one place: the run takes its forks, step timeout and
/// health check from the planning request, whatever its own execution settings say.
@Suite struct ApplyRequestTests {
    @Test func theRunTakesForksStepTimeoutAndHealthCheckFromThePlanning() {
        var request = ApplyRequest()
        request.planning.forks = 3
        request.planning.stepTimeout = .seconds(420)
        request.planning.options.healthCheck = "curl -fsS https://shop/healthz"
        request.settings.execution.forks = 50
        request.settings.execution.stepTimeout = .seconds(1)
        request.settings.execution.healthCheck = "true"
        request.settings.execution.canary = 2
        let run = request.runSettings.execution
        #expect(run.forks == 3)
        #expect(run.stepTimeout == .seconds(420))
        #expect(run.healthCheck == "curl -fsS https://shop/healthz")
        #expect(run.canary == 2)
    }
}
