/// The plan's hops as a compact table: one row per hop with its number, version, where the version came
/// from, and the nodes it upgrades in order (control plane, then workers, in their `--batch` groups),
/// the nodes it skips and its kubectl. Long node lists keep to one line each (`NameList`), so a hop of
/// 300 nodes takes as many lines as a hop of 8.
struct PlanHopTable {
    let plan: UpgradePlan
    let style: TextStyle

    /// Widest a node list may get before it is shortened.
    static let listWidth = 80

    var lines: [String] {
        let columns = [
            ["Hop"] + plan.hops.map { "\($0.number)" },
            ["Version"] + plan.hops.map(\.version),
            ["Source"] + plan.hops.map { VersionPath.Source.shortName($0.versionSource) },
        ]
        let widths = columns.map { column in column.map(\.count).max() ?? 0 }
        func row(_ cells: [String], _ detail: String) -> String {
            "  " + zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }.joined(separator: "  ") + "  " + detail
        }
        let indent = String(repeating: " ", count: row(widths.map { _ in "" }, "").count)
        var lines = [style.bold("Hops:"), row(["Hop", "Version", "Source"], "Nodes, in upgrade order")]
        let sharedKubectl = Set(plan.hops.compactMap(\.kubectl)).count == 1 ? plan.hops.first?.kubectl : nil
        for hop in plan.hops {
            var details = nodeLines(hop)
            if let kubectl = hop.kubectl, sharedKubectl == nil { details.append("kubectl: \(kubectl)") }
            let cells = ["\(hop.number)", hop.version, VersionPath.Source.shortName(hop.versionSource)]
            lines.append(row(cells, details.first ?? ""))
            lines += details.dropFirst().map { indent + $0 }
        }
        lines += legend(sharedKubectl: sharedKubectl).map { "  " + $0 }
        return lines
    }

    private func nodeLines(_ hop: UpgradePlan.Hop) -> [String] {
        let controlPlane = hop.nodes.filter { $0.role == ClusterRoles.Role.controlPlane.rawValue }
        let workers = hop.nodes.filter { $0.role != ClusterRoles.Role.controlPlane.rawValue }
        var lines: [String] = []
        if !controlPlane.isEmpty {
            lines.append("control plane: " + NameList.line(controlPlane.map(\.node), width: Self.listWidth))
        }
        if !workers.isEmpty { lines.append(workerLine(workers)) }
        if !hop.skipped.isEmpty {
            lines.append(
                "skipped, already there: " + NameList.line(hop.skipped.map(\.node), width: Self.listWidth))
        }
        return lines
    }

    /// `workers: a, b, c`, or with `--batch 2`: `workers in batches of 2: [a, b] [c, d] [e]`.
    private func workerLine(_ workers: [UpgradePlan.NodeUpgrade]) -> String {
        guard plan.batchSize > 1 else {
            return "workers: " + NameList.line(workers.map(\.node), width: Self.listWidth)
        }
        var batches: [[String]] = []
        var batchNumbers: [Int?] = []
        for worker in workers {
            if batchNumbers.last == worker.batch, !batches.isEmpty {
                batches[batches.count - 1].append(worker.node)
            } else {
                batches.append([worker.node])
                batchNumbers.append(worker.batch)
            }
        }
        let shown = batches.map { "[" + NameList.line($0, width: Self.listWidth / 2) + "]" }
        return "workers in batches of \(plan.batchSize): "
            + NameList.line(shown, separator: " ", width: Self.listWidth, counting: "batches")
    }

    /// What the short source names stand for, and the kubectl when every hop uses the same one.
    private func legend(sharedKubectl: String?) -> [String] {
        var lines: [String] = []
        for source in Set(plan.hops.map(\.versionSource)).sorted() {
            let short = VersionPath.Source.shortName(source)
            if short != source && short != "k8sup_via" { lines.append("\(short): \(source)") }
        }
        if let sharedKubectl { lines.append("kubectl for every hop: \(sharedKubectl)") }
        return lines
    }
}
