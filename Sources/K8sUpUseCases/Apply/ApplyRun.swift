import Foundation
import K8sUpExecution
import K8sUpPlanning
import K8sUpSupport

/// The part of `apply` that runs under the cluster lock with the journal open: put back the nodes an
/// interrupted run left open, re-plan if that changed any node's version, then execute the plan with
/// progress on standard error, the journal, the `--events` file and per-node logs all fed from the
/// executor's events.
struct ApplyRun {
    let session: PlanningSession
    /// The plan the operator confirmed (the saved one with `--plan`).
    let plan: UpgradePlan
    let wiring: ApplyWiring
    let settings: ApplySettings
    let runner: any CommandRunning
    let stop: StopRequest
    let context: CommandContext
    let journal: JournalWriter
    let runId: String
    let lock: ClusterLock
    let confirmEach: Bool
    /// The progress lines, the events file and the logs, opened before the lock was taken.
    let output: RunOutput
    /// The exit status the run-finished event records.
    let exitStatus: ApplyUseCase.ExitStatus

    func execute() async throws -> Executor.Result {
        let journalObserver = JournalObserver(journal: journal, runId: runId, redactor: wiring.redactor)
        let tools = makeTools(journalObserver: journalObserver)
        let state = JournalState(try JournalReader.read(directory: wiring.stateDirectory).entries)
        let hosts = Set(wiring.connections.keys)
        let reconciled = try await ResumeReconciler(journal: state, tools: tools, knownHosts: hosts).run()
        var plan = self.plan
        if reconciled.contains(where: { $0.action == .rolledBack }) {
            let step = ExecutionEvent(.waiting, step: StepAction.preflight.rawValue)
            let (inputs, source, runner, preflight) = (session.inputs, session.source, self.runner, session.preflight)
            plan = try await tools.waiting(step, for: "re-reading the cluster to plan again after putting nodes back") {
                _ in try await Self.replan(inputs, source: source, runner: runner, preflight: preflight)
            }
            context.console.writeError(
                "k8sup: after putting back the interrupted node(s), the plan has \(plan.summary.nodeUpgrades) "
                    + "node upgrade(s)\n")
            if plan.isBlocked {
                return .failed(.blocked(hop: 1, messages: Self.blockers(plan)))
            }
        }
        tools.observer.record(
            ExecutionEvent(
                .runStarted, version: plan.target.version,
                message: "run \(runId): \(plan.summary.nodeUpgrades) node upgrade(s) to \(plan.target.version), "
                    + "journal \(StateDirectory.journalPath(in: wiring.stateDirectory))"))
        var executor = Executor(plan: plan, tools: tools)
        let inputs = session.inputs, source = session.source, runner = self.runner, preflight = session.preflight
        executor.preflight = { _ in
            Self.blockers(try await Self.replan(inputs, source: source, runner: runner, preflight: preflight))
        }
        let lock = self.lock
        executor.checkpoint = {
            try await lock.checkHeld()
            try journalObserver.checkWritable()
        }
        if confirmEach {
            let context = self.context
            executor.confirmNext = { nodes in
                (try? Confirmation.confirm(
                    "Upgrade \(nodes) next?", assumeYes: false, context: context, command: "apply"))
                    ?? false
            }
        }
        let started = Date()
        let result = try await executor.run()
        var finished = ExecutionEvent(.runFinished, version: plan.target.version, ok: result == .succeeded)
        finished.elapsed = Date().timeIntervalSince(started)
        let code = exitStatus(.success(UseCaseOutcome(result)))
        finished.exitCode = code
        finished.message = "run \(runId) ended with exit code \(code)"
        tools.observer.record(finished)
        try journalObserver.checkWritable()
        return result
    }

    private func makeTools(journalObserver: JournalObserver) -> ExecutionTools {
        var execution = settings.execution
        execution.progressInterval = output.progressInterval
        return ExecutionTools(
            runner: runner, hostCommands: wiring.hostCommands, kubectl: wiring.kubectl, settings: execution,
            observer: ObserverGroup(observers: [journalObserver] + output.observers), log: output.log, stop: stop)
    }

    /// The same plan inputs over the cluster as it is now, with pre-flight over ssh run again.
    static func replan(
        _ inputs: PlanInputs, source: ClusterStateSource, runner: any CommandRunning, preflight: PreflightGathering?
    ) async throws -> UpgradePlan {
        var inputs = inputs
        (inputs.cluster, inputs.live) = try await source.read(runner: runner, fileSystem: LocalFileSystem())
        return try await PlanningSession.planWithPreflight(inputs, preflight: preflight)
    }

    static func blockers(_ plan: UpgradePlan) -> [String] {
        plan.checks.filter { $0.severity == .blocker }.map { "\($0.message) (fix: \($0.fix))" }
    }
}
