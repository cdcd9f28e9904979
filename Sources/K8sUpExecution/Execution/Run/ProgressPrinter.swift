import Foundation
import K8sUpPlanning
import Synchronization

/// The progress lines `apply` prints on standard error: one per step with `[n/N]`, the hop's version,
/// the node, the step and how long it took; what holds a step up, and every `K8SUP_PROGRESS_INTERVAL`
/// (30 s) that a wait still goes on; how each node ended.
///
/// ```
/// [3/16] v1.29.15 cp-3 cordon-drain ok 2.1s
/// [4/16] v1.29.15 worker-1 cordon-drain: eviction of pod shop/web-0 refused: …
/// [4/16] v1.29.15 worker-1 cordon-drain: still waiting after 30s — draining worker-1: kubectl evicts its pods (timeout 5m)
/// ```
package final class ProgressPrinter: ExecutionObserving {
    private let write: @Sendable (String) -> Void
    private let redactor: SecretRedactor
    /// When each running step began, by node (`""` for hop-wide steps) and step.
    private let started = Mutex<[String: Date]>([:])

    package init(redactor: SecretRedactor, write: @escaping @Sendable (String) -> Void) {
        self.redactor = redactor
        self.write = write
    }

    package func record(_ event: ExecutionEvent) {
        guard let line = line(for: event) else { return }
        write(redactor.redact(line) + "\n")
    }

    package func line(for event: ExecutionEvent) -> String? {
        let key = (event.node ?? "") + " " + (event.step ?? "")
        switch event.kind {
        case .runStarted:
            return "k8sup: " + (event.message ?? "starting")
        case .hopStarted:
            return "hop \(event.hop ?? 0): \(event.version ?? "")"
        case .stepStarted:
            started.withLock { $0[key] = event.time }
            return nil
        case .stepFinished:
            let began = started.withLock { $0.removeValue(forKey: key) }
            let seconds = began.map { event.time.timeIntervalSince($0) } ?? event.elapsed ?? 0
            let outcome = event.ok == true ? "ok" : event.message == NodeUpgradeRunner.stopped ? "stopped" : "failed"
            // A failure's reason follows on the node-failed line.
            return prefix(event) + " \(event.step ?? "") \(outcome) " + Self.seconds(seconds)
        case .waiting:
            let column = [prefix(event), event.step ?? "waiting"].filter { !$0.isEmpty }.joined(separator: " ")
            return column + firstLine(event.message)
        case .nodeStarted:
            let cordon = event.cordonedBefore == true ? " (cordoned before k8sup; stays cordoned)" : ""
            return prefix(event) + " from \(event.from ?? "?")" + cordon
        case .nodeFinished:
            return prefix(event) + " upgraded in " + Self.seconds(event.elapsed ?? 0)
        case .nodeFailed:
            return prefix(event) + " \(event.step ?? "") FAILED" + firstLine(event.message)
        case .rollbackStarted:
            return prefix(event) + " putting the node back: " + (event.message ?? "")
        case .rollbackFinished:
            return prefix(event)
                + (event.ok == true ? " put back as it was" : " could NOT be put back" + firstLine(event.message))
        case .cordonRestored:
            return prefix(event) + " left " + (event.cordonedBefore == true ? "cordoned" : "schedulable")
                + (event.message.map { " (\($0))" } ?? "")
        case .batchStarted:
            let nodes = NameList.line(event.nodes ?? [], width: 80)
            return "\(event.version ?? "") batch \(event.batch ?? 0): \(nodes)"
                + (event.message.map { " (\($0))" } ?? "")
        case .runFinished:
            return "k8sup: " + (event.message ?? "finished") + " in " + Self.seconds(event.elapsed ?? 0)
        }
    }

    /// `[n/N] v1.29.15 node` (or the hop's version alone for hop-wide steps).
    private func prefix(_ event: ExecutionEvent) -> String {
        var text = ""
        if let position = event.position, let total = event.total, total > 0 { text = "[\(position)/\(total)] " }
        text += event.version ?? ""
        if let node = event.node { text += " " + node }
        return text
    }

    private func firstLine(_ message: String?) -> String {
        guard let message, let first = message.split(separator: "\n").first else { return "" }
        return ": " + first
    }

    /// `0.4s`, `12s`, `3m05s`.
    package static func seconds(_ value: Double) -> String {
        if value < 10 { return String(format: "%.1fs", value) }
        let whole = Int(value.rounded())
        if whole < 60 { return "\(whole)s" }
        return String(format: "%dm%02ds", whole / 60, whole % 60)
    }
}
