import K8sUpSupport

/// Every node's steps in every hop, numbered as the executor runs them: what `plan -v` adds to the
/// compact plan, for an operator who wants to read each node's upgrade in full.
struct PlanNodeListing {
    let plan: UpgradePlan
    let style: TextStyle

    var lines: [String] {
        var lines = [style.bold("Every node's steps:")]
        for hop in plan.hops {
            lines.append("")
            lines += render(hop)
        }
        return lines
    }

    private func render(_ hop: UpgradePlan.Hop) -> [String] {
        let title = "Hop \(hop.number) of \(plan.hops.count): \(hop.version)"
        var lines = [style.bold(title) + " (version from \(hop.versionSource))"]
        if let kubectl = hop.kubectl { lines.append("  kubectl: \(kubectl)") }
        lines.append("  Before the nodes:")
        lines += hop.preparation.map { "    \($0.number). \($0.description)" }
        for node in hop.nodes {
            let name = node.node == node.host ? node.node : "\(node.node) (host \(node.host))"
            let batch = plan.batchSize > 1 || plan.autoBatch != nil ? node.batch.map { ", batch \($0)" } ?? "" : ""
            lines.append("  \(node.order). \(style.bold(name)): \(node.role), \(node.from) → \(hop.version)\(batch)")
            lines += node.steps.map { "       \($0.number). \($0.description)" }
        }
        if !hop.skipped.isEmpty {
            let skipped = hop.skipped.map { "\($0.node) (\($0.reason))" }.joined(separator: ", ")
            lines.append("  Skipped: \(skipped)")
        }
        return lines
    }
}
