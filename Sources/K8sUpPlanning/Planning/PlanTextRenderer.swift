import K8sUpSupport

/// Renders an `UpgradePlan` for a person, what matters first, as `terraform plan` does: the header
/// (where the upgrade starts and where it really ends, the target, its size, inventory, cluster and
/// scope), the blockers, a table of the hops and their nodes, the steps every node goes through told
/// once (naming the nodes that do a step differently), the steps before each hop's nodes, the warnings,
/// and the verdict. `verbose` adds every node's steps in full. Colour only when asked for (the CLI asks
/// on a terminal, never with `NO_COLOR`).
package enum PlanTextRenderer {
    /// Widest a list of node names in the steps or in a check gets before it is shortened.
    private static let listWidth = 80

    package static func render(_ plan: UpgradePlan, colour: Bool, verbose: Bool = false) -> String {
        let style = TextStyle(enabled: colour)
        var sections = [header(plan, style: style), checks(plan, .blocker, style: style)]
        if !plan.hops.isEmpty {
            sections.append(PlanHopTable(plan: plan, style: style, verbose: verbose).lines)
            sections.append(
                template(
                    "Each node's steps (\(StepTemplate.versionPlaceholder) is the hop's version):",
                    StepTemplate.nodes(of: plan), style: style))
            sections.append(template("Before each hop's nodes:", StepTemplate.preparation(of: plan), style: style))
            if verbose { sections.append(PlanNodeListing(plan: plan, style: style).lines) }
        }
        sections.append(checks(plan, .warning, style: style))
        sections.append([summary(plan, style: style)])
        return sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private static func header(_ plan: UpgradePlan, style: TextStyle) -> [String] {
        let from = plan.current.controlPlane ?? "unknown"
        let target = plan.target.version
        var end = plan.hops.last?.version ?? target
        if let stop = plan.summary.stopsAt {
            end = stop
            end +=
                stop == target
                ? " (its workers stop before the target: see version.stops-early)"
                : " (stops before the target \(target): see version.stops-early)"
        }
        let hops = plan.hops.count
        var size = hops == 0 ? "no hop" : hops == 1 ? "1 hop" : "\(hops) hops"
        if hops > 0 {
            let upgrades = plan.summary.nodeUpgrades
            let nodes = Set(plan.hops.flatMap { $0.nodes.map(\.node) }).count
            size += upgrades == 1 ? ", 1 node upgrade" : ", \(upgrades) node upgrades"
            size += nodes == 1 ? " (1 node)" : " (\(nodes) nodes)"
        }
        var lines = [
            style.bold("Upgrade plan: \(from) → \(end), \(size)"),
            "Target:    \(target), from \(plan.target.source)",
            "Inventory: \(plan.inventory.joined(separator: ", "))",
            "Cluster:   \(plan.clusterSource)",
            "Scope:     " + (plan.limit.map { "--limit \($0)" } ?? "all hosts") + ", " + batching(plan),
        ]
        if let preflight = plan.preflight { lines += self.preflight(preflight) }
        return lines
    }

    /// `workers one at a time`, `workers in batches of 3`, or `workers in batches packed by --batch auto
    /// (max-unavailable 20%, one zone at a time)`.
    private static func batching(_ plan: UpgradePlan) -> String {
        if let auto = plan.autoBatch {
            return "workers in batches packed by --batch auto (max-unavailable \(auto.maxUnavailable), "
                + (auto.acrossZones ? "zones mixed" : "one zone at a time") + ")"
        }
        return plan.batchSize > 1 ? "workers in batches of \(plan.batchSize)" : "workers one at a time"
    }

    /// What pre-flight over ssh checked, or, in a snapshot plan, what it could not check: one statement,
    /// wrapped to the table's width.
    private static func preflight(_ preflight: UpgradePlan.Preflight) -> [String] {
        guard preflight.live else {
            return wrapped("Not checked: " + preflight.notRun.joined(separator: ", ") + " (a live plan checks them)")
        }
        var line = "Pre-flight: \(preflight.hosts) host(s) checked over ssh"
        if !preflight.notRun.isEmpty { line += "; not run: " + preflight.notRun.joined(separator: "; ") }
        return wrapped(line)
    }

    /// `text` in lines of at most `PlanHopTable.lineWidth`, continued with an indent of 11 (under the
    /// header's values).
    private static func wrapped(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        var words = 0
        for word in text.split(separator: " ") {
            if words > 0, line.count + 1 + word.count > PlanHopTable.lineWidth {
                lines.append(line)
                line = String(repeating: " ", count: 11)
                words = 0
            }
            line += (words == 0 ? "" : " ") + word
            words += 1
        }
        lines.append(line)
        return lines
    }

    private static func template(_ title: String, _ template: StepTemplate, style: TextStyle) -> [String] {
        var lines = [style.bold(title)]
        for slot in template.slots {
            lines.append("  \(slot.number). \(slot.common)")
            for exception in slot.exceptions {
                let subjects = NameList.line(exception.subjects, width: listWidth)
                lines.append("       \(subjects): \(exception.description ?? "skipped")")
            }
        }
        return lines
    }

    private static func checks(
        _ plan: UpgradePlan, _ severity: UpgradePlan.Check.Severity, style: TextStyle
    ) -> [String] {
        let checks = plan.checks.filter { $0.severity == severity }
        guard !checks.isEmpty else { return [] }
        let title = severity == .blocker ? "Blockers" : "Warnings"
        return [style.bold("\(title) (\(checks.count)):")] + checks.flatMap { render($0, style: style) }
    }

    private static func render(_ check: UpgradePlan.Check, style: TextStyle) -> [String] {
        let mark = check.severity == .blocker ? style.red("✗") : style.yellow("!")
        var lines = ["  \(mark) \(check.id): \(check.message)"]
        var context: [String] = []
        if !check.nodes.isEmpty { context.append("nodes: " + NameList.line(check.nodes, width: listWidth)) }
        if !check.hops.isEmpty { context.append("hops: " + check.hops.map(String.init).joined(separator: ", ")) }
        if !context.isEmpty { lines.append("      " + context.joined(separator: "; ")) }
        if !check.objects.isEmpty { lines.append("      objects: " + check.objects.joined(separator: ", ")) }
        lines.append("      fix: \(check.fix)")
        return lines
    }

    private static func summary(_ plan: UpgradePlan, style: TextStyle) -> String {
        var counts =
            "\(plan.summary.blockers) blocker(s), \(plan.summary.warnings) warning(s); "
            + "\(plan.summary.hops) hop(s), \(plan.summary.nodeUpgrades) node upgrade(s)"
        if let stop = plan.summary.stopsAt { counts += "; ends at \(stop), before the target \(plan.target.version)" }
        switch plan.summary.outcome {
        case "blocked":
            return style.red("BLOCKED") + ": \(counts). Fix the blockers, then plan again."
        case "nothing-to-do":
            return style.green("NOTHING TO DO")
                + ": \(counts). Every node in scope already runs \(plan.target.version)."
        default:
            return style.green("READY") + ": \(counts)."
        }
    }
}
