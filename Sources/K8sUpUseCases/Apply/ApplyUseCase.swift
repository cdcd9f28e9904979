import K8sUpExecution
import K8sUpPlanning
import K8sUpSupport

/// `apply`: with `dryRun`, plans and prints every command the upgrade would run, in order, changing
/// nothing; otherwise upgrades the cluster (`ApplyExecution`).
package struct ApplyUseCase {
    /// The exit status the process will end with for an outcome or an error. A real run records it in
    /// the journal and the events file; the command line supplies its one mapping.
    package typealias ExitStatus = @Sendable (Result<UseCaseOutcome, any Error>) -> Int32

    let context: CommandContext
    let exitStatus: ExitStatus

    package init(context: CommandContext, exitStatus: @escaping ExitStatus) {
        self.context = context
        self.exitStatus = exitStatus
    }

    /// Runs the request: `.blocked` when checks block the plan, else how the run ended.
    package func run(_ request: ApplyRequest) async throws -> UseCaseOutcome {
        guard request.dryRun else {
            return try await ApplyExecution(request: request, context: context, exitStatus: exitStatus).run()
        }
        return try await dryRun(request)
    }

    /// Prints the script (text or JSON) of the plan the request makes.
    private func dryRun(_ request: ApplyRequest) async throws -> UseCaseOutcome {
        let session = try await PlanningSession.prepare(request.planning, context: context)
        let plan = try request.savedPlan.map { try ApplyExecution.checked($0, against: session.plan) } ?? session.plan
        let wiring = try ApplyWiring(session: session, request: request)
        var builder = ScriptBuilder(
            plan: plan, hostCommands: wiring.hostCommands, kubectl: wiring.kubectl,
            healthCheck: request.planning.options.healthCheck)
        builder.preflight = wiring.preflight
        builder.firstControlPlane = session.roles.controlPlane.first
        let script = try builder.build()
        switch request.output {
        case .json:
            context.console.writeOutput(wiring.redactor.redact(StableJSON.encode(script)))
        case .text:
            context.console.writeOutput(
                wiring.redactor.redact(
                    ScriptTextRenderer.render(script, plan: plan, routes: wiring.routes(of: plan))))
        }
        return plan.isBlocked ? .blocked : .done
    }
}
