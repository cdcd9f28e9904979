/// Why `--batch auto` kept a worker out of an earlier batch: the budget or limit that separated it,
/// in the words the plan prints (`pdb default/web allows 1: worker-3 and worker-7 both hold its pods`).
package enum BatchReason: Sendable, Equatable, CustomStringConvertible {
    /// Batches never mix zones; the worker is in `zone`.
    case zone(String)
    /// The batch already had as many nodes as `--max-unavailable` lets down at once.
    case maxUnavailable(setting: String, nodes: Int)
    /// The budget allows `allows` disruptions and these nodes together hold more of its pods.
    case budget(name: String, allows: Int, holders: [String])
    /// A replaced pod (`namespace/name`) fits on none of the nodes left to take pods once the batch's
    /// other pods are placed (largest first, or spread smallest first, whichever leaves more out): it
    /// requests `requested` of `resource` and one node has `free` at most then (nil when each resource
    /// is free on some node but never both on the same one).
    case capacity(pod: String, resource: String, requested: String, free: String?)

    /// The JSON `kind`: `zone`, `max-unavailable`, `pdb`, `capacity`.
    package var kind: String {
        switch self {
        case .zone: "zone"
        case .maxUnavailable: "max-unavailable"
        case .budget: "pdb"
        case .capacity: "capacity"
        }
    }

    package var description: String {
        switch self {
        case .zone(let zone):
            return "zone \(BatchReason.zoneName(zone))"
        case .maxUnavailable(let setting, let nodes):
            return "max-unavailable \(setting) = \(nodes)"
        case .budget(let name, let allows, let holders):
            let who: String
            if holders.count == 2 {
                who = "\(holders[0]) and \(holders[1]) both hold"
            } else {
                who = holders.dropLast().joined(separator: ", ") + " and " + (holders.last ?? "") + " hold"
            }
            let pods = name.split(separator: "/").last.map(String.init) ?? name
            return "pdb \(name) allows \(allows): \(holders.count == 1 ? "\(holders[0]) holds" : who) \(pods) pods"
        case .capacity(let pod, _, let requested, let free):
            let room = free.map { "\($0) free at most on one node" } ?? "no node has both free"
            return "capacity: pod \(pod) needs \(requested), \(room)"
        }
    }

    /// A zone as the plan names it; the zone of nodes with no zone label and no `k8sup_zone` is "none".
    package static func zoneName(_ zone: String) -> String {
        zone.isEmpty ? "none" : zone
    }
}
