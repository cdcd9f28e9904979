/// The lines of the plan text for a hop's `--batch auto` batches: a heading with the limit, then one
/// short line per batch (number, zone, size, nodes, and what held some of them back, counted), so
/// that 200 workers stay readable; `verbose` adds, under each batch, every held-back node and its
/// reason.
///
/// ```
/// workers in 4 batches (--batch auto, at most 4 down at once):
///   1. zone a, 1 worker: worker-1 (the first batch goes alone)
///   2. zone a, 3 workers: worker-2, worker-4, worker-5
///   3. zone a, 1 worker: worker-3; held back by pdb default/web (1)
///   4. zone b, 2 workers: worker-6, worker-7
/// ```
package struct PlanBatchLines {
    package let batches: [UpgradePlan.Batch]
    /// Most workers in one batch for the hop.
    package let limit: Int?
    package let verbose: Bool
    /// The width a batch's list of nodes keeps to.
    package let width: Int

    package var lines: [String] {
        let count = batches.count == 1 ? "1 batch" : "\(batches.count) batches"
        let limitText = limit.map { ", at most \($0) down at once" } ?? ""
        var lines = ["workers in \(count) (--batch auto\(limitText)):"]
        for batch in batches {
            let label =
                "  \(batch.number). " + (batch.zone.map { "zone \($0), " } ?? "")
                + (batch.nodes.count == 1 ? "1 worker: " : "\(batch.nodes.count) workers: ")
            var line = label + NameList.line(batch.nodes, width: max(40, width - label.count))
            if batch.number == 1 && batch.nodes.count == 1 {
                line += " (the first batch goes alone)"
            } else if let held = Self.heldBack(batch.reasons) {
                line += "; held back by " + held
            }
            lines.append(line)
            if verbose {
                lines += batch.reasons.map { "       \($0.node): \($0.reason)" }
            }
        }
        return lines
    }

    /// `pdb default/web (2), capacity (1)`: what kept nodes of the batch out of earlier ones, each cause
    /// once with how many nodes it held back, in the order first met; nil when nothing but the zone did.
    package static func heldBack(_ reasons: [UpgradePlan.BatchNote]) -> String? {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for note in reasons where note.kind != "zone" {
            let cause = note.kind == "pdb" ? budgetCause(note.reason) : note.kind
            if counts[cause] == nil { order.append(cause) }
            counts[cause, default: 0] += 1
        }
        guard !order.isEmpty else { return nil }
        return order.map { "\($0) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
    }

    /// `pdb default/web` from `pdb default/web allows 1: …`.
    private static func budgetCause(_ reason: String) -> String {
        reason.split(separator: " ").prefix(2).joined(separator: " ")
    }
}
