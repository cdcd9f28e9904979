import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpPlanning
import K8sUpSupport
import Synchronization

/// `k8sup apply` for real: shows the plan, asks, takes the cluster lock, opens the
/// journal, puts back what an interrupted run left open, runs the plan with the executor and records
/// how it ended. Everything after the lock is taken ends with a `run-finished` entry and the lock
/// released, whatever happens in between.
package struct ApplyExecution {
    let request: ApplyRequest
    let context: CommandContext
    /// The exit status the process will end with for an outcome or error, recorded in the journal and
    /// the events file so they agree with what the shell sees.
    let exitStatus: ApplyUseCase.ExitStatus
    var runner: any CommandRunning = ProcessRunner()
    var stop = StopRequest.shared

    private var settings: ApplySettings { request.runSettings }
    private let command = "apply"

    func run() async throws -> UseCaseOutcome {
        let before = JournalPeek()
        let session = try await PlanningSession.prepare(request.planning, context: context) { loaded in
            try before.read(StateDirectory.resolve(explicit: request.planning.stateDirectory, inventory: loaded))
        }
        guard case .live = session.source else { throw RequestError.applyNeedsLiveCluster }
        let plan = try request.savedPlan.map { try Self.checked($0, against: session.plan) } ?? session.plan
        let open = before.state.openNodes
        let wiring = try ApplyWiring(session: session, request: request, extraHosts: open.map(\.host))
        let text = PlanTextRenderer.render(plan, colour: context.usesColour, verbose: request.verbose)
        context.console.writeOutput(wiring.redactor.redact(text))
        if !open.isEmpty { context.console.writeOutput(Self.resumeNotice(open)) }
        if plan.isBlocked {
            context.console.writeError(
                "k8sup: apply stopped before changing anything: the plan above has blockers; fix them and run it again\n"
            )
            return .blocked
        }
        if plan.hops.isEmpty && open.isEmpty {
            context.console.writeOutput("Nothing to do: every selected node is at \(plan.target.version).\n")
            return .nothingToDo
        }
        if request.confirmEach && !context.input.isTerminal { throw RequestError.confirmEachNeedsTerminal }
        let question =
            plan.hops.isEmpty
            ? "Put back the unfinished node(s) listed above?"
            : "Upgrade \(plan.summary.nodeUpgrades) node(s) to \(plan.target.version) as shown above?"
        guard try Confirmation.confirm(question, assumeYes: request.assumeYes, context: context, command: command)
        else {
            context.console.writeError("k8sup: nothing was changed.\n")
            return .declined
        }
        // ssh binds its master sockets there and gives up (exit 255) when the directory is missing.
        try wiring.transport.prepareControlDirectory()
        return try await locked(session, plan: plan, wiring: wiring)
    }

    /// The saved plan, with the kubectl chosen for this machine, when the cluster has not drifted from it.
    static func checked(_ saved: SavedPlan, against current: UpgradePlan) throws -> UpgradePlan {
        let drift = saved.drift(from: current)
        guard drift.isEmpty else {
            throw ExecutionError.drifted(
                "the cluster changed since the plan in \(saved.path) was made, so it is not applied:\n"
                    + drift.map { "  - " + $0 }.joined(separator: "\n")
                    + "\nMake a new plan (k8sup plan --out FILE), review it, and apply that")
        }
        var plan = saved.plan
        for index in plan.hops.indices {
            plan.hops[index].kubectl = current.hops[index].kubectl
            plan.hops[index].discovered = current.hops[index].discovered
        }
        plan.preflight = current.preflight
        plan.checks = current.checks
        plan.summary = current.summary
        return plan
    }

    /// Takes the lock, runs, records the end and releases the lock.
    private func locked(_ session: PlanningSession, plan: UpgradePlan, wiring: ApplyWiring) async throws
        -> UseCaseOutcome
    {
        let identity = RunIdentity.current()
        let kubectl = wiring.kubectl
        let console = context.console
        let output = try RunOutput(
            stateDirectory: wiring.stateDirectory, eventsPath: settings.eventsPath, redactor: wiring.redactor,
            progressInterval: try Self.progressInterval(context.environment) ?? settings.execution.progressInterval
        ) { console.writeError($0) }
        let heartbeat = output.heartbeat
        // Every command of the run goes through it; a retry outside any wait (a Lease renewal) is
        // reported as a waiting line of the run.
        var runner = RetryingRunner(base: self.runner, budget: request.planning.apiRetryBudget)
        runner.fallback = { notice, line in output.reportOutsideWaits(line, retry: notice) }
        let lock = ClusterLock(
            runner: runner, kubectl: { kubectl.command($0, timeout: $1) }, stateDirectory: wiring.stateDirectory,
            identity: identity, target: plan.target.version)
        try await lock.acquire(reporting: heartbeat)
        let renewal = Task { await lock.keepRenewed() }
        let started = Date()
        var journal: JournalWriter?
        let result: Result<Executor.Result, any Error>
        do {
            let writer = try JournalWriter(directory: wiring.stateDirectory)
            journal = writer
            try writer.record(.runStarted(Self.runStarted(plan, identity: identity)))
            let run = ApplyRun(
                session: session, plan: plan, wiring: wiring, settings: settings, runner: runner, stop: stop,
                context: context, journal: writer, runId: identity.runId, lock: lock,
                confirmEach: request.confirmEach, output: output, exitStatus: exitStatus)
            result = .success(try await stop.acceptingGracefulStop { try await run.execute() })
        } catch {
            result = .failure(error)
        }
        renewal.cancel()
        // Not the cancelled task's: a second Ctrl-C must not leave the lock behind.
        let released = await Task { () -> Result<ClusterLock.ReleaseOutcome, any Error> in
            do { return .success(try await lock.release(reporting: heartbeat)) } catch { return .failure(error) }
        }.value
        if case .failure(let error) = released {
            context.console.warn(
                "could not release \(LockError.leaseName): \(ErrorText.firstLine(error)); 'k8sup unlock' removes it")
        }
        let outcome = result.map(UseCaseOutcome.init)
        if let journal {
            try? journal.record(
                .runFinished(
                    .init(runId: identity.runId, result: Self.runResult(result), exitCode: exitStatus(outcome))))
        }
        report(result, elapsed: Date().timeIntervalSince(started), wiring: wiring)
        return try outcome.get()
    }

    private func report(_ result: Result<Executor.Result, any Error>, elapsed: Double, wiring: ApplyWiring) {
        let console = context.console
        let took = " (" + ProgressPrinter.seconds(elapsed) + ")"
        let logs = "Each node's full command output is in \(wiring.stateDirectory)/logs/."
        switch result {
        case .success(.succeeded):
            console.writeError(
                "k8sup: done\(took): every planned node is at its hop's version and in its own cordon state.\n")
        case .success(.canaryReached(let workers)):
            console.writeError(
                "k8sup: stopped after \(workers) worker(s) as --canary asked\(took); check them, then run apply again "
                    + "to upgrade the rest.\n")
        case .success(.stopped):
            console.writeError(
                "k8sup: stopped as asked\(took); the node being upgraded was put back. Run apply again to continue.\n")
        case .success(.failed(let error)), .success(.needsRepair(let error)):
            console.writeError("k8sup: error: " + wiring.redactor.redact(error.description) + "\n" + logs + "\n")
        case .failure:
            console.writeError(logs + "\n")
        }
    }

    /// `K8SUP_PROGRESS_INTERVAL`: how often a wait says it is still waiting (for tests and demos).
    package static func progressInterval(_ environment: [String: String]) throws(RequestError) -> Duration? {
        let name = ExecutionSettings.progressIntervalVariable
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let interval = DurationText.parse(text), interval > .zero else {
            throw .badProgressInterval(variable: name, text: text)
        }
        return interval
    }

    static func runResult(_ result: Result<Executor.Result, any Error>) -> JournalEvent.RunResult {
        switch result {
        case .success(.succeeded), .success(.canaryReached): .succeeded
        case .success(.stopped): .interrupted
        case .success(.failed(.blocked)): .blocked
        case .success(.failed), .success(.needsRepair): .failed
        case .failure(let error): error is CancellationError ? .interrupted : .failed
        }
    }

    static func runStarted(_ plan: UpgradePlan, identity: RunIdentity) -> JournalEvent.RunStarted {
        var nodes: [String] = []
        for node in plan.hops.flatMap(\.nodes) where !nodes.contains(node.node) { nodes.append(node.node) }
        return JournalEvent.RunStarted(
            runId: identity.runId, k8supVersion: ProductVersion.current, user: identity.userAtHost, pid: identity.pid,
            inventory: plan.inventory, targetVersion: plan.target.version, hops: plan.hops.map(\.version),
            nodes: nodes)
    }

    /// What the run will put back first, after the plan.
    static func resumeNotice(_ open: [JournalState.Node]) -> String {
        var text = "\nAn earlier run (\(open[0].runId)) left \(open.count) node(s) unfinished; apply puts them "
        text += "back first, from the journal:\n"
        for node in open {
            let status = StatusReport.describe(node.status).1.split(separator: "\n").first.map(String.init) ?? ""
            text += "  \(node.name): upgrade to \(node.hopVersion) \(status); "
            text += "leave it " + (node.originalCordon ? "cordoned" : "schedulable") + "\n"
        }
        return text + "\n"
    }
}

/// The journal as it was before the run, read while planning (the plan must see nodes an interrupted
/// run cordoned as they were before it).
final class JournalPeek: Sendable {
    private let stored = Mutex(JournalState())

    var state: JournalState { stored.withLock { $0 } }

    /// Reads the journal in `directory`; returns the original cordon state of each node it left open.
    func read(_ directory: String) throws -> [String: Bool] {
        let state = JournalState(try JournalReader.read(directory: directory).entries)
        stored.withLock { $0 = state }
        var cordons: [String: Bool] = [:]
        for node in state.openNodes { cordons[node.name] = node.originalCordon }
        return cordons
    }
}
