import K8sUpSupport

/// Group and host membership: the parts of Ansible's `Group` and `Host` that keep parent/child links,
/// depths and each host's ancestor list consistent.
extension Inventory {
    /// Child groups nested deeper than this (below `all`) are refused. Ansible's ancestor and depth
    /// bookkeeping costs time in proportion to the depth for every group added, so a generated chain of
    /// 100,000 `[gN:children]` sections would take hours; real inventories nest a handful of levels.
    package static let maximumGroupDepth = 200

    /// Every group above `group` (not including it).
    package func ancestors(of group: String) -> Set<String> {
        var seen: Set<String> = []
        var frontier = parents(of: group)
        while let next = frontier.popLast() {
            guard seen.insert(next).inserted else { continue }
            frontier.append(contentsOf: parents(of: next))
        }
        return seen
    }

    /// A group's parents, read in place (`groups[name]?.parents` would copy the whole group first).
    private func parents(of group: String) -> [String] {
        guard let index = groups.index(forKey: group) else { return [] }
        return groups.values[index].parents
    }

    /// `group` and every group below it, breadth first, each level in definition order.
    ///
    /// Ansible walks the same levels but orders each level below the direct children by Python set
    /// iteration, which is arbitrary; definition order is the stable reading of the same structure.
    package func groupAndDescendants(of group: String) -> [String] {
        var ordered = [group]
        var seen: Set<String> = [group]
        var level = [group]
        while !level.isEmpty {
            var nextLevel: [String] = []
            for name in level {
                for child in groups[name]?.children ?? [] where seen.insert(child).inserted {
                    ordered.append(child)
                    nextLevel.append(child)
                }
            }
            level = nextLevel
        }
        return ordered
    }

    /// Ansible's `Group.get_hosts()`: the group's own hosts, then those of its descendants, without
    /// repeats, in the order described at `groupAndDescendants(of:)`.
    package func hosts(inGroup group: String) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for name in groupAndDescendants(of: group) {
            for host in groups[name]?.hosts ?? [] where seen.insert(host).inserted {
                result.append(host)
            }
        }
        return result
    }

    /// Ansible's `Group.add_child_group`, including its two loop checks and depth propagation. With
    /// `limitingDepth`, nesting deeper than `maximumGroupDepth` is refused (`reconcile` adds the one level
    /// of `all` above groups the readers already limited).
    package mutating func addChildGroup(
        _ child: String, to parent: String, at location: SourceLocation, limitingDepth: Bool = true
    ) throws(InventoryError) {
        guard child != parent else {
            throw .invalid(location, "group '\(parent)' cannot be a child of itself")
        }
        // Only scalars are read out: holding a copy of the parent group would make the append below copy
        // its children, and adding n children to `all` quadratic.
        guard let parentDepth = groups[parent]?.depth, let childDepth = groups[child]?.depth,
            groups[parent]?.childSet.contains(child) == false
        else { return }
        let childAncestors = ancestors(of: child)
        var newAncestors = ancestors(of: parent)
        if newAncestors.contains(child) {
            throw .invalid(
                location,
                "adding group '\(child)' as a child of '\(parent)' creates a loop: "
                    + "'\(child)' is already above '\(parent)'")
        }
        newAncestors.insert(parent)
        newAncestors.subtract(childAncestors)

        let depth = max(parentDepth + 1, childDepth)
        if limitingDepth { try checkDepth(depth, of: child, at: location) }
        groups[parent]?.children.append(child)
        groups[parent]?.childSet.insert(child)
        groups[child]?.depth = depth
        try propagateDepth(below: child, at: location, limitingDepth: limitingDepth)
        if groups[child]?.parents.contains(parent) == false {
            groups[child]?.parents.append(parent)
            for host in hosts(inGroup: child) {
                for ancestor in newAncestors.sorted() { hosts[host]?.addGroupRecord(ancestor) }
            }
        }
    }

    /// Ansible's `_check_children_depth`: push depths down and detect loops by counting levels.
    private mutating func propagateDepth(
        below group: String, at location: SourceLocation, limitingDepth: Bool
    ) throws(InventoryError) {
        guard let start = groups[group]?.depth else { return }
        var depth = start
        var seen: Set<String> = []
        var unprocessed = Set(groups[group]?.children ?? [])
        while !unprocessed.isEmpty {
            seen.formUnion(unprocessed)
            depth += 1
            var next: Set<String> = []
            for name in unprocessed {
                guard let current = groups[name], current.depth < depth else { continue }
                if limitingDepth { try checkDepth(depth, of: name, at: location) }
                groups[name]?.depth = depth
                next.formUnion(current.children)
            }
            unprocessed = next
            if depth - start > seen.count {
                throw .invalid(location, "group '\(group)' is part of a loop of child groups")
            }
        }
    }

    private func checkDepth(_ depth: Int, of group: String, at location: SourceLocation) throws(InventoryError) {
        guard depth > Self.maximumGroupDepth else { return }
        throw .invalid(
            location,
            "child groups are nested more than \(Self.maximumGroupDepth) levels deep (group '\(group)' would "
                + "be at level \(depth)): is a [group:children] section generated in a loop?")
    }

    /// Ansible's `Group.add_host` + `Host.add_group`: record membership and every ancestor on the host.
    package mutating func addHostMember(_ host: String, to group: String) {
        // Mutate in place: copying the group out would copy its host set for every host added.
        guard let groupIndex = groups.index(forKey: group),
            groups.values[groupIndex].hostSet.insert(host).inserted
        else { return }
        groups.values[groupIndex].hosts.append(host)
        let ancestors = parents(of: group).isEmpty ? [] : ancestors(of: group).sorted()
        guard let hostIndex = hosts.index(forKey: host) else { return }
        for ancestor in ancestors { hosts.values[hostIndex].addGroupRecord(ancestor) }
        hosts.values[hostIndex].addGroupRecord(group)
    }

    /// Ansible's `Group.remove_host` + `Host.remove_group`, which also drops ancestors no longer reached.
    package mutating func removeHostMember(_ host: String, from group: String) {
        guard groups[group]?.hostSet.remove(host) != nil else { return }
        groups[group]?.hosts.removeAll { $0 == host }
        dropGroupRecord(group, fromHost: host)
    }

    private mutating func dropGroupRecord(_ group: String, fromHost host: String) {
        guard var record = hosts[host], record.groupSet.remove(group) != nil else { return }
        record.groups.removeAll { $0 == group }
        hosts[host] = record
        for ancestor in ancestors(of: group) where ancestor != Self.allGroup {
            let current = hosts[host]?.groups ?? []
            let stillReached = current.contains { ancestors(of: $0).contains(ancestor) }
            if !stillReached { dropGroupRecord(ancestor, fromHost: host) }
        }
    }
}
