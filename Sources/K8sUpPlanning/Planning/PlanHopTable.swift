import K8sUpInventory
import K8sUpSupport

/// The plan's hops as a compact table: one row per hop with its number, version, where the version came
/// from, and the nodes it upgrades in order (control plane, then workers, in their `--batch` groups),
/// the nodes it skips and its kubectl. Long node lists keep to one line each (`NameList`), so a hop of
/// 300 nodes takes as many lines as a hop of 8.
struct PlanHopTable {
    let plan: UpgradePlan
    let style: TextStyle
    /// `plan -v`: every held-back worker of a `--batch auto` batch with its reason.
    var verbose = false

    /// The width the table's lines keep to, unless single names are longer than it allows.
    static let lineWidth = 116
    /// A batch wider than this shows its first and last node only.
    private static let batchWidth = 32

    var lines: [String] {
        let columns = [
            ["Hop"] + plan.hops.map { "\($0.number)" },
            ["Version"] + plan.hops.map(\.version),
            ["Source"] + plan.hops.map { VersionPath.Source.shortName($0.versionSource) },
        ]
        let widths = columns.map { column in column.map(\.count).max() ?? 0 }
        func row(_ cells: [String]) -> String {
            "  "
                + zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
                .joined(separator: "  ") + "  "
        }
        let indent = String(repeating: " ", count: row(widths.map { _ in "" }).count)
        var lines = [style.bold("Hops:"), row(["Hop", "Version", "Source"]) + "Nodes, in upgrade order"]
        let sharedKubectl = Set(plan.hops.compactMap(\.kubectl)).count == 1 ? plan.hops.first?.kubectl : nil
        for hop in plan.hops {
            var details = nodeLines(hop, width: Self.lineWidth - indent.count)
            if let kubectl = hop.kubectl, sharedKubectl == nil { details.append("kubectl: \(kubectl)") }
            if let discovered = hop.discovered { details += Self.discoveredLines(discovered) }
            let cells = ["\(hop.number)", hop.version, VersionPath.Source.shortName(hop.versionSource)]
            lines.append(row(cells) + (details.first ?? ""))
            lines += details.dropFirst().map { indent + $0 }
        }
        lines += legend(sharedKubectl: sharedKubectl).map { "  " + $0 }
        return lines
    }

    private func nodeLines(_ hop: UpgradePlan.Hop, width: Int) -> [String] {
        func labelled(_ label: String, _ names: [String], separator: String = ", ", counting: String = "in all")
            -> String
        {
            label + NameList.line(names, separator: separator, width: max(40, width - label.count), counting: counting)
        }
        let controlPlane = hop.nodes.filter { $0.role == ClusterRoles.Role.controlPlane.rawValue }.map(\.node)
        let workers = hop.nodes.filter { $0.role != ClusterRoles.Role.controlPlane.rawValue }
        var lines: [String] = []
        if !controlPlane.isEmpty { lines.append(labelled("control plane: ", controlPlane)) }
        if !workers.isEmpty {
            if let batches = hop.batches {
                lines +=
                    PlanBatchLines(batches: batches, limit: hop.maxUnavailableNodes, verbose: verbose, width: width)
                    .lines
            } else if plan.batchSize > 1 {
                let batches = Self.batches(workers).map(Self.batch)
                lines.append(
                    labelled("workers in batches of \(plan.batchSize): ", batches, separator: " ", counting: "batches"))
            } else {
                lines.append(labelled("workers: ", workers.map(\.node)))
            }
        }
        if !hop.skipped.isEmpty { lines.append(labelled("skipped, already there: ", hop.skipped.map(\.node))) }
        return lines
    }

    /// What pre-flight read for the hop on the first control-plane node.
    private static func discoveredLines(_ found: UpgradePlan.Discovered) -> [String] {
        let package =
            found.packageVersion.map { "package: \($0) (discover_versions on \(found.host))" }
            ?? "package: not discovered (\(found.packageNote ?? "no answer")); staging finds it"
        let components =
            found.components.map { list in
                "components: "
                    + list.map { "\($0.name) \($0.current) → \($0.target)" }.joined(separator: ", ")
            } ?? "components: not read (\(found.componentsNote ?? "no answer"))"
        return [package, components]
    }

    /// The workers' node names, grouped by batch number in their order.
    private static func batches(_ workers: [UpgradePlan.NodeUpgrade]) -> [[String]] {
        var batches: [[String]] = []
        var numbers: [Int?] = []
        for worker in workers {
            if let last = numbers.last, last == worker.batch {
                batches[batches.count - 1].append(worker.node)
            } else {
                batches.append([worker.node])
                numbers.append(worker.batch)
            }
        }
        return batches
    }

    /// `[a, b]`, or `[a … z]` for a long batch (the batch size is stated before the list).
    private static func batch(_ names: [String]) -> String {
        let whole = names.joined(separator: ", ")
        guard whole.count > batchWidth, let first = names.first, let last = names.last else { return "[\(whole)]" }
        return "[\(first) … \(last)]"
    }

    /// What the short source names stand for, and the kubectl when every hop uses the same one.
    private func legend(sharedKubectl: String?) -> [String] {
        var lines: [String] = []
        for source in Set(plan.hops.map(\.versionSource)).sorted() {
            let short = VersionPath.Source.shortName(source)
            if short != source && short != "k8sup_via" { lines.append("\(short): \(source)") }
        }
        if let sharedKubectl { lines.append("kubectl: \(sharedKubectl)" + (plan.hops.count > 1 ? " (every hop)" : "")) }
        return lines
    }
}
