import Foundation
import K8sUpPlanning
import K8sUpSupport

/// `apply --plan FILE`: a plan saved with `k8sup plan --out FILE` and reviewed. apply plans again from the
/// live cluster with the saved plan's target, intermediate versions, `--limit` and `--batch`, and runs
/// the saved plan only if the fresh one has the same hops, nodes and steps; otherwise the cluster drifted
/// since the review and apply refuses.
package struct SavedPlan: Sendable {
    package let plan: UpgradePlan
    package let path: String

    package static func load(path: String, fileSystem: any FileSystemReading = LocalFileSystem()) throws(SavedPlanError)
        -> SavedPlan
    {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.bytes(of: path)
        } catch {
            throw SavedPlanError(path: path, reason: "cannot read it: \(error)")
        }
        let plan: UpgradePlan
        do {
            plan = try JSONDecoder().decode(UpgradePlan.self, from: Data(bytes))
        } catch {
            throw SavedPlanError(path: path, reason: "it is not a plan saved by `k8sup plan --out` (\(error))")
        }
        guard plan.apiVersion == "k8sup/v1", plan.kind == "UpgradePlan" else {
            throw SavedPlanError(
                path: path, reason: "its apiVersion/kind is \(plan.apiVersion)/\(plan.kind), not k8sup/v1/UpgradePlan")
        }
        return SavedPlan(plan: plan, path: path)
    }

    /// How `current` (planned now) differs from the saved plan; empty when the cluster did not drift.
    func drift(from current: UpgradePlan) -> [String] {
        var differences: [String] = []
        if current.target.version != plan.target.version {
            differences.append("the target is \(current.target.version) now, the plan has \(plan.target.version)")
        }
        let savedHops = plan.hops.map(\.version), currentHops = current.hops.map(\.version)
        if savedHops != currentHops {
            differences.append(
                "the hops are " + Self.list(currentHops) + " now, the plan has " + Self.list(savedHops))
            return differences
        }
        for (saved, now) in zip(plan.hops, current.hops) {
            // Packed batches follow the pods' placement, which moves; apply re-packs them before each batch.
            differences += Self.drift(saved, now, orderMatters: plan.autoBatch == nil)
        }
        return differences
    }

    private static func drift(_ saved: UpgradePlan.Hop, _ now: UpgradePlan.Hop, orderMatters: Bool) -> [String] {
        var differences: [String] = []
        let before = Dictionary(saved.nodes.map { ($0.node, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(now.nodes.map { ($0.node, $0) }, uniquingKeysWith: { first, _ in first })
        let hop = "hop \(saved.number) (\(saved.version))"
        for node in saved.nodes where after[node.node] == nil {
            let skipped = now.skipped.first { $0.node == node.node }.map { " (\($0.reason))" } ?? ""
            differences.append("\(hop): \(node.node) is no longer to be upgraded\(skipped)")
        }
        for node in now.nodes where before[node.node] == nil {
            differences.append("\(hop): \(node.node) would be upgraded too (it runs \(node.from))")
        }
        for node in saved.nodes {
            guard let fresh = after[node.node] else { continue }
            if fresh.from != node.from {
                differences.append("\(hop): \(node.node) runs \(fresh.from) now, the plan has \(node.from)")
            } else if fresh.steps.map(\.action) != node.steps.map(\.action) || fresh.host != node.host {
                let was = node.steps.map(\.action.rawValue).joined(separator: ", ")
                let now = fresh.steps.map(\.action.rawValue).joined(separator: ", ")
                differences.append("\(hop): \(node.node)'s steps changed from [\(was)] to [\(now)]")
            }
        }
        if differences.isEmpty, orderMatters, saved.nodes.map(\.node) != now.nodes.map(\.node) {
            differences.append("\(hop): the order of the nodes changed")
        }
        return differences
    }

    private static func list(_ versions: [String]) -> String {
        versions.isEmpty ? "none" : versions.joined(separator: ", ")
    }
}

/// `--plan FILE` cannot be used.
package struct SavedPlanError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    package var description: String { "cannot apply the plan in \(path): \(reason)" }
}
