import K8sUpPlanning

/// Renders `apply --dry-run` for a person: per hop, the preparation and then each node's commands in
/// order, each line numbered with where it runs (`local` or the host) and the step it belongs to.
package enum ScriptTextRenderer {
    /// `routes` maps each node name to where its host commands go (`cp-1 (ubuntu@10.20.0.11:22 via …)`).
    package static func render(_ script: ExecutionScript, plan: UpgradePlan, routes: [String: String]) -> String {
        var lines = [
            "# k8sup apply --dry-run: \(script.commands.count) commands in \(plan.hops.count) hop(s); nothing is changed.",
            "# Host commands run as root through each host's transport (ssh with sudo -n, or a local shell);",
            "# ${package_version} is found on the node by discover_versions at run time; *** hides secret values.",
        ]
        if plan.isBlocked {
            lines.append(
                "# BLOCKED: \(plan.summary.blockers) blocker(s) (see `k8sup plan`); apply would stop at the pre-flight checks."
            )
        }
        var currentHop = 0
        var currentGroup = ""
        for command in script.commands {
            if command.hop != currentHop {
                currentHop = command.hop
                let version = plan.hops.first { $0.number == command.hop }?.version ?? "?"
                lines += ["", "Hop \(command.hop) of \(plan.hops.count): \(version)"]
                currentGroup = ""
            }
            let group = groupTitle(command, routes: routes)
            if group != currentGroup {
                lines.append("  \(group)")
                currentGroup = group
            }
            let place = command.location == .local ? "local" : (command.host ?? "?")
            lines.append("    \(command.number). [\(place)] \(command.action.rawValue): \(command.line)")
        }
        lines.append("")
        lines += (script.notes + script.rollback).map { "# \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Commands are grouped under the hop's preparation or the node they upgrade.
    private static func groupTitle(_ command: ScriptedCommand, routes: [String: String]) -> String {
        switch command.action {
        case .preflight, .stage, .etcdSnapshot:
            return "before the nodes (stage runs on all nodes in parallel):"
        default:
            let node = command.node ?? "?"
            return "node \(node)" + (routes[node].map { ", host \($0)" } ?? "") + ":"
        }
    }
}
