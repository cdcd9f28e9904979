import Foundation
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// `plan`: reads the inventory and the cluster (live or from a snapshot), plans the upgrade and prints
/// it with every check's findings, optionally saving it for `apply --plan`.
package struct PlanUseCase {
    let context: CommandContext

    package init(context: CommandContext) {
        self.context = context
    }

    /// Prints the plan: `.blocked` when a check found a blocker, else `.done`.
    package func run(_ request: PlanRequest) async throws -> UseCaseOutcome {
        let session = try await PlanningSession.prepare(request.planning, context: context)
        let plan = session.plan
        // A --health-check command may carry a secret var's value; it never reaches the output.
        let hosts = session.roles.nodes.map(\.host)
        let redactor = SecretRedactor(hostVariables: VariableResolver(session.loaded).allHostVariables(hosts))
        if let path = request.savePath {
            try Self.writePlan(redactor.redact(PlanJSON.encode(plan)), to: path)
        }
        switch request.output {
        case .json: context.console.writeOutput(redactor.redact(PlanJSON.encode(plan)))
        case .text:
            let text = PlanTextRenderer.render(plan, colour: context.usesColour, verbose: request.verbose)
            context.console.writeOutput(redactor.redact(text))
        }
        return plan.isBlocked ? .blocked : .done
    }

    private static func writePlan(_ json: String, to path: String) throws(PlanOutputError) {
        do {
            try json.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw PlanOutputError(path: path, reason: error.localizedDescription)
        }
    }
}

/// `--out FILE` could not be written.
package struct PlanOutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    package var description: String { "cannot write the plan to '\(path)': \(reason)" }
}
