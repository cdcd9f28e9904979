import Foundation
import K8sUpCluster
import K8sUpPlanning
import K8sUpSupport
import Synchronization

/// `cordon-drain`: `kubectl drain` with a finite timeout; it cordons the node before it evicts (one
/// process where a separate `kubectl cordon` was another). While the drain waits, each pod a
/// PodDisruptionBudget holds is reported once; when it times out, the pods still there and the budgets
/// covering them are named, and the rollback puts the node back as it was. A drain that fails because
/// the cluster API failed is run again (draining is idempotent) with what is left of the drain timeout.
struct DrainPhase: NodePhase {
    let action = StepAction.drain

    func run(_ node: NodeRun) async throws {
        let tools = node.tools
        let step = node.event(.waiting, step: action.rawValue)
        // From here the node may be cordoned (kubectl drain cordons first), so a failure puts back the
        // cordon state the node had, which was looked at before the node was touched.
        node.pushUndo(.restoreCordon)
        let held = Mutex<Set<String>>([])
        let observer = tools.observer
        let timeout = tools.kubectl.drainTimeout.compactDescription
        let draining = Date()
        let onLine: @Sendable (String) -> Void = { line in
            guard let pod = Self.heldPod(in: line) else { return }
            let isNew = held.withLock { $0.insert(pod).inserted }
            guard isNew else { return }
            var event = step
            event.time = Date()
            event.elapsed = event.time.timeIntervalSince(draining)
            event.message = "eviction of pod \(pod) refused: " + Self.reason(in: line)
            observer.record(event)
        }
        let result = try await drain(
            node, during: step, waitingFor: "draining \(node.name): kubectl evicts its pods (timeout \(timeout))",
            onLine: onLine)
        if result.succeeded { return }
        let timedOut = result.timedOut || result.stderr.contains("global timeout reached")
        guard timedOut else {
            throw ExecutionError.stepFailed(
                node: node.name, step: "draining the node",
                failure: CommandFailure(result, command: tools.kubectl.drain(node.name).displayLine))
        }
        if tools.settings.disableEvictionFallback {
            let deleted = try await drain(
                node, disableEviction: true, during: step,
                waitingFor:
                    "draining \(node.name) again, deleting its pods without the Eviction API (timeout \(timeout))")
            if deleted.succeeded { return }
        }
        let namedPods = held.withLock { Array($0) }.sorted()
        let holders = try await tools.waiting(step, for: "finding out which pods held the drain of \(node.name)") { _ in
            await DrainHolders(tools: tools).find(node: node.name, namedPods: namedPods)
        }
        throw ExecutionError.drainTimedOut(node: node.name, timeout: timeout, holders: holders)
    }

    /// `kubectl drain`, run again after a transient failure of the cluster API until it ends otherwise or
    /// the drain timeout is spent; each run gets what is left of the timeout as its `--timeout`. The
    /// Eviction API's refusals (HTTP 429: a PodDisruptionBudget) are kubectl's to retry, never a reason
    /// to run the drain again.
    private func drain(
        _ node: NodeRun, disableEviction: Bool = false, during step: ExecutionEvent, waitingFor status: String,
        onLine: (@Sendable (String) -> Void)? = nil
    ) async throws -> CommandResult {
        let tools = node.tools
        let loop = RetryLoop(
            budget: tools.kubectl.drainTimeout, backoff: tools.settings.retryBackoff, clock: tools.clock,
            random: tools.random)
        return try await tools.waiting(step, for: status) { wait in
            var last = tools.kubectl.drain(node.name, disableEviction: disableEviction)
            let outcome = try await loop.run { attempt, remaining in
                if tools.stop.isRequested { throw StopRequested() }
                if attempt > 1 {
                    // kubectl reads --timeout=0s as no timeout at all: never less than a second.
                    let seconds = max(1, Int(remaining.components.seconds))
                    last = tools.kubectl.drain(node.name, disableEviction: disableEviction, timeout: .seconds(seconds))
                }
                let result = try await tools.logged(last, shown: last.displayLine, node: node.name, onLine: onLine)
                guard let cause = KubectlFailure.transientCause(result, timeout: last.timeout, eviction: true) else {
                    return .finished(result)
                }
                return .transient(result, cause: cause)
            } onRetry: { notice in
                wait.report(RetryingRunner.message(notice, failure: .clusterAPI, command: last), retry: notice)
            }
            var result = outcome.value
            if let cause = outcome.gaveUp {
                result.retryRecord = RetryRecord(
                    failure: .clusterAPI, cause: cause, attempts: outcome.attempts, elapsed: outcome.elapsed)
            }
            return result
        }
    }

    /// `ns/name` from kubectl's `error when evicting pods/"name" -n "ns" (will retry after 5s): …` lines:
    /// the Eviction API refused (HTTP 429), which is a PodDisruptionBudget's answer. Other eviction errors
    /// are the cluster API failing, not a budget.
    static func heldPod(in line: String) -> String? {
        guard let start = line.range(of: "error when evicting pods/\""), line.contains(" (will retry after ") else {
            return nil
        }
        let rest = line[start.upperBound...]
        guard let nameEnd = rest.firstIndex(of: "\"") else { return nil }
        let name = rest[..<nameEnd]
        guard let nsStart = rest.range(of: " -n \"") else { return nil }
        let afterNamespace = rest[nsStart.upperBound...]
        guard let nsEnd = afterNamespace.firstIndex(of: "\"") else { return nil }
        return "\(afterNamespace[..<nsEnd])/\(name)"
    }

    /// The Eviction API's refusal from such a line, `would violate the pod's disruption budget`.
    static func reason(in line: String) -> String {
        guard let colon = line.range(of: "): ") else { return line }
        return String(line[colon.upperBound...])
    }
}

/// After a drain timed out: the pods still on the node that it had to evict, and the budgets covering
/// each, from one `kubectl get nodes,pods,pdb -A -o json`.
struct DrainHolders: Sendable {
    let tools: ExecutionTools

    func find(node: String, namedPods: [String]) async -> [DrainHolder] {
        let command = tools.kubectl.readCluster()
        guard let result = try? await tools.runner.run(command), result.succeeded,
            let snapshot = try? ClusterSnapshot.decode(text: result.stdout, source: "kubectl get nodes,pods,pdb")
        else {
            return namedPods.map { DrainHolder(pod: $0, budgets: []) }
        }
        let state = snapshot.state
        let remaining = state.pods(onNode: node).filter { !$0.isDaemonSetPod && !$0.isMirror && !$0.isFinished }
        let pods = namedPods.isEmpty ? remaining : remaining.filter { namedPods.contains($0.qualifiedName) }
        return pods.map { pod in
            let budgets = state.budgets(inNamespace: pod.namespace).filter { $0.covers(pod) }.map {
                "\($0.qualifiedName) (allows \($0.disruptionsAllowed) disruption(s): "
                    + "\($0.currentHealthy) healthy, \($0.desiredHealthy) needed)"
            }
            return DrainHolder(pod: pod.qualifiedName, budgets: budgets)
        }
    }
}
