import K8sUpCluster

/// `--batch auto`: packs a hop's workers into the largest batches that never make an eviction wait or
/// break a budget. A pure function of the workers' drain footprints, in inventory order:
///
/// - the first batch is the first worker alone (it shows a problem on one node, not on many);
/// - zone after zone, in the order the zones first appear, a batch never mixing zones unless
///   `acrossZones`;
/// - a batch starts with the first worker not placed yet and takes each other worker of its zone that
///   keeps it within `limit` nodes, within every budget's allowed disruptions (the pods it evicts at
///   once), and within the room left on the nodes that stay schedulable for the pods controllers
///   recreate, each pod whole on one node (`ReplacementFit`); the others are tried hardest first
///   (those that share a budget too tight for both with the most workers of the zone), inventory
///   order breaking ties, so they do not end up in a tail of batches of one.
///
/// Each worker kept out of an earlier batch of its zone carries the first rule that kept it out; a
/// worker that starts a new zone carries its zone.
package struct BatchPacker: Sendable {
    package let ground: BatchingGround
    /// Most nodes in one batch (`--max-unavailable` resolved against the hop's workers).
    package let limit: Int
    /// `20%` or `4`, as the operator gave it, for the reasons.
    package let limitSetting: String
    package let acrossZones: Bool

    /// One batch: its zone (nil when batches may mix zones), its nodes in order, and why each node
    /// that was kept out of an earlier batch was.
    package struct Batch: Sendable, Equatable {
        var zone: String?
        var nodes: [String]
        var reasons: [(node: String, reason: BatchReason)]

        package static func == (lhs: Batch, rhs: Batch) -> Bool {
            lhs.zone == rhs.zone && lhs.nodes == rhs.nodes
                && lhs.reasons.map(\.node) == rhs.reasons.map(\.node)
                && lhs.reasons.map(\.reason) == rhs.reasons.map(\.reason)
        }
    }

    /// - Parameter canaryFirst: The first worker goes alone (a hop's first batch); false when re-packing
    ///   the rest of a hop that already started.
    package func pack(_ workers: [DrainFootprint], canaryFirst: Bool = true) -> [Batch] {
        guard let first = workers.first else { return [] }
        var batches: [Batch] = []
        var rest = workers[...]
        if canaryFirst {
            batches.append(Batch(zone: acrossZones ? nil : first.zone, nodes: [first.node], reasons: []))
            rest = workers.dropFirst()
        }
        // Zones in the order they first appear: the first worker's zone is finished before the next starts.
        var groups: [(zone: String, members: [DrainFootprint])] = []
        for worker in rest {
            let key = acrossZones ? "" : worker.zone
            if let index = groups.firstIndex(where: { $0.zone == key }) {
                groups[index].members.append(worker)
            } else {
                groups.append((key, [worker]))
            }
        }
        let firstKey = acrossZones ? "" : first.zone
        if let index = groups.firstIndex(where: { $0.zone == firstKey }), index > 0 {
            groups.insert(groups.remove(at: index), at: 0)
        }
        for (offset, group) in groups.enumerated() {
            let startsNewZone = !acrossZones && (offset > 0 || group.zone != first.zone)
            batches += pack(group.members, zone: acrossZones ? nil : group.zone, startsNewZone: startsNewZone)
        }
        return batches
    }

    /// One zone's workers: each batch opens with the first worker not placed yet (inventory order), then
    /// tries the others hardest first and takes each that keeps it within the rules. Hardest means in
    /// conflict with the most of the zone's workers (a budget that cannot allow both at once); inventory
    /// order breaks ties. The workers that share tight budgets with many others are spread over the early
    /// batches instead of being left for a tail of batches of one (Welsh–Powell order).
    private func pack(_ members: [DrainFootprint], zone: String?, startsNewZone: Bool) -> [Batch] {
        let position = Dictionary(members.enumerated().map { ($1.node, $0) }, uniquingKeysWith: { first, _ in first })
        let conflicts = conflictCounts(members)
        let tryOrder = members.enumerated().sorted { left, right in
            (conflicts[left.offset], right.offset) > (conflicts[right.offset], left.offset)
        }.map(\.element)
        var remaining = members
        var firstReason: [String: BatchReason] = [:]
        var batches: [Batch] = []
        while let opener = remaining.first {
            let left = Set(remaining.map(\.node))
            var taken = [opener]
            for candidate in tryOrder where candidate.node != opener.node && left.contains(candidate.node) {
                if let reason = rejection(of: candidate, joining: taken) {
                    if firstReason[candidate.node] == nil { firstReason[candidate.node] = reason }
                } else {
                    taken.append(candidate)
                }
            }
            taken.sort { (position[$0.node] ?? 0) < (position[$1.node] ?? 0) }
            let reasons = taken.compactMap { node -> (node: String, reason: BatchReason)? in
                if let reason = firstReason[node.node] { return (node.node, reason) }
                if startsNewZone, let zone { return (node.node, .zone(zone)) }
                return nil
            }
            batches.append(Batch(zone: zone, nodes: taken.map(\.node), reasons: reasons))
            let placed = Set(taken.map(\.node))
            remaining.removeAll { placed.contains($0.node) }
        }
        return batches
    }

    /// For each of `members` (by position), how many of the others it may not share a batch with because
    /// together they would evict more of a budget's pods than it allows.
    func conflictCounts(_ members: [DrainFootprint]) -> [Int] {
        var holders: [String: [Int]] = [:]
        for (index, member) in members.enumerated() {
            for (budget, pods) in member.charged where pods > 0 { holders[budget, default: []].append(index) }
        }
        var partners = Array(repeating: Set<Int>(), count: members.count)
        for (budget, indices) in holders {
            let allows = ground.allowed[budget] ?? 0
            for one in indices {
                let pods = members[one].charged[budget] ?? 0
                for other in indices where other != one && pods + (members[other].charged[budget] ?? 0) > allows {
                    partners[one].insert(other)
                }
            }
        }
        return partners.map(\.count)
    }

    /// The first rule `candidate` would break by joining `batch`, or nil when it may join.
    package func rejection(of candidate: DrainFootprint, joining batch: [DrainFootprint]) -> BatchReason? {
        if batch.count >= limit { return .maxUnavailable(setting: limitSetting, nodes: limit) }
        for (budget, pods) in candidate.charged.sorted(by: { $0.key < $1.key }) {
            let allows = ground.allowed[budget] ?? 0
            let holders = batch.filter { ($0.charged[budget] ?? 0) > 0 }
            let together = holders.reduce(pods) { $0 + ($1.charged[budget] ?? 0) }
            if together > allows {
                return .budget(name: budget, allows: allows, holders: holders.map(\.node) + [candidate.node])
            }
        }
        guard ground.capacityKnown else { return nil }
        return capacityRejection(of: candidate, joining: batch)
    }

    /// Whether the pods the batch and `candidate` evict together still fit, each whole on one of the
    /// nodes that stay schedulable (those taking pods now, less the batch's), placed first-fit
    /// decreasing and spread as a scheduler could spread them (`ReplacementFit.misfitsEitherWay`). A
    /// batch whose own pods already fit nowhere (a worker that opened it alone) does not keep out a
    /// candidate that adds no misfit of its own; one that does is kept out naming its pod that did not
    /// fit (else the first).
    func capacityRejection(of candidate: DrainFootprint, joining batch: [DrainFootprint]) -> BatchReason? {
        let members = batch + [candidate]
        let scale = ground.totalRoom
        let together = ReplacementFit.misfitsEitherWay(
            of: members.flatMap(\.replaced), in: rooms(leaving: members), scale: scale)
        guard !together.isEmpty else { return nil }
        let before = ReplacementFit.misfitsEitherWay(
            of: batch.flatMap(\.replaced), in: rooms(leaving: batch), scale: scale)
        guard together.count > before.count else { return nil }
        let brought = Set(candidate.replaced.map(\.name))
        return (together.first { brought.contains($0.pod) } ?? together[0]).reason
    }

    /// The nodes that take pods while `batch` drains: all that take pods now, less the batch's own.
    func rooms(leaving batch: [DrainFootprint]) -> [NodeRoom] {
        let leaving = Set(batch.map(\.node))
        return ground.rooms.filter { !leaving.contains($0.node) }
    }
}
