/// Renders an `UpgradePlan` for a person: the version path, each hop's numbered node steps, then
/// blockers and warnings with what they involve and the fix, then a one-line summary. Colour only when
/// asked for (the CLI asks on a terminal, never with `NO_COLOR`).
public enum PlanTextRenderer {
    public static func render(_ plan: UpgradePlan, colour: Bool) -> String {
        let style = TextStyle(enabled: colour)
        var lines: [String] = header(plan, style: style)
        for hop in plan.hops {
            lines.append("")
            lines += render(hop, in: plan, style: style)
        }
        for severity in [UpgradePlan.Check.Severity.blocker, .warning] {
            let checks = plan.checks.filter { $0.severity == severity }
            guard !checks.isEmpty else { continue }
            lines.append("")
            let title = severity == .blocker ? "Blockers" : "Warnings"
            lines.append(style.bold("\(title) (\(checks.count)):"))
            for check in checks { lines += render(check, style: style) }
        }
        lines.append("")
        lines.append(summary(plan, style: style))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header(_ plan: UpgradePlan, style: TextStyle) -> [String] {
        let from = plan.current.controlPlane ?? "unknown"
        let path = plan.hops.isEmpty ? "no hop" : plan.hops.count == 1 ? "1 hop" : "\(plan.hops.count) hops"
        return [
            style.bold("Upgrade plan: \(from) → \(plan.target.version) (\(plan.target.source)), \(path)"),
            "Inventory: \(plan.inventory.joined(separator: ", "))",
            "Cluster:   \(plan.clusterSource)",
            "Scope:     " + (plan.limit.map { "--limit \($0)" } ?? "all hosts")
                + (plan.batchSize > 1 ? ", workers in batches of \(plan.batchSize)" : ", workers one at a time"),
        ]
    }

    private static func render(_ hop: UpgradePlan.Hop, in plan: UpgradePlan, style: TextStyle) -> [String] {
        let title = "Hop \(hop.number) of \(plan.hops.count): \(hop.version)"
        var lines = [style.bold(title) + " (version from \(hop.versionSource))"]
        if let kubectl = hop.kubectl { lines.append("  kubectl: \(kubectl)") }
        lines.append("  Before the nodes:")
        lines += hop.preparation.map { "    \($0.number). \($0.description)" }
        for node in hop.nodes {
            let name = node.node == node.host ? node.node : "\(node.node) (host \(node.host))"
            let batch = plan.batchSize > 1 ? node.batch.map { ", batch \($0)" } ?? "" : ""
            lines.append("  \(node.order). \(style.bold(name)): \(node.role), \(node.from) → \(hop.version)\(batch)")
            lines += node.steps.map { "       \($0.number). \($0.description)" }
        }
        if !hop.skipped.isEmpty {
            let skipped = hop.skipped.map { "\($0.node) (\($0.reason))" }.joined(separator: ", ")
            lines.append("  Skipped: \(skipped)")
        }
        return lines
    }

    private static func render(_ check: UpgradePlan.Check, style: TextStyle) -> [String] {
        let mark = check.severity == .blocker ? style.red("✗") : style.yellow("!")
        var lines = ["  \(mark) \(check.id): \(check.message)"]
        var context: [String] = []
        if !check.nodes.isEmpty { context.append("nodes: " + check.nodes.joined(separator: ", ")) }
        if !check.hops.isEmpty { context.append("hops: " + check.hops.map(String.init).joined(separator: ", ")) }
        if !context.isEmpty { lines.append("      " + context.joined(separator: "; ")) }
        if !check.objects.isEmpty { lines.append("      objects: " + check.objects.joined(separator: ", ")) }
        lines.append("      fix: \(check.fix)")
        return lines
    }

    private static func summary(_ plan: UpgradePlan, style: TextStyle) -> String {
        let counts =
            "\(plan.summary.blockers) blocker(s), \(plan.summary.warnings) warning(s); "
            + "\(plan.summary.hops) hop(s), \(plan.summary.nodeUpgrades) node upgrade(s)"
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
