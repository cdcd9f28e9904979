/// Collects check findings while the planner walks hops and drains, merging repeats: the same problem
/// found again in a later hop or on another node adds that hop or node to the first finding instead of
/// printing it twice.
struct CheckCollector {
    private(set) var checks: [UpgradePlan.Check] = []
    private var positions: [String: Int] = [:]

    /// Adds a finding; `key` identifies "the same problem" (defaults to id + message).
    mutating func add(
        _ id: String, _ severity: UpgradePlan.Check.Severity, _ message: String, objects: [String] = [],
        nodes: [String] = [], hops: [Int] = [], fix: String, key: String? = nil
    ) {
        let identity = id + "\u{0}" + (key ?? message)
        if let position = positions[identity] {
            checks[position].objects = merged(checks[position].objects, objects)
            checks[position].nodes = merged(checks[position].nodes, nodes)
            checks[position].hops = merged(checks[position].hops, hops)
            return
        }
        positions[identity] = checks.count
        checks.append(
            UpgradePlan.Check(
                id: id, severity: severity, message: message, objects: objects, nodes: nodes, hops: hops, fix: fix))
    }

    /// Blockers first, then warnings, each in the order found.
    var sorted: [UpgradePlan.Check] {
        checks.filter { $0.severity == .blocker } + checks.filter { $0.severity == .warning }
    }

    private func merged<Element: Equatable>(_ existing: [Element], _ new: [Element]) -> [Element] {
        existing + new.filter { !existing.contains($0) }
    }
}
