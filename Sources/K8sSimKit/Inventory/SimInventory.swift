import K8sUpSupport
import PythonParity

/// The hosts and groups of an Ansible inventory as k8sim reads them: every host and group with its inline
/// vars, group children and hosts in the order the files give them. Each `-i` source adds to the same
/// inventory, as Ansible's do: a host or group named again gains members, and its vars are updated key by
/// key. Every group is under `all`; a host that no file puts in a group is in `ungrouped`.
struct SimInventory: Sendable {
    /// One group: its direct hosts and child groups in file order, and its inline vars.
    struct Group: Sendable {
        let name: String
        var hosts: [String] = []
        var children: [String] = []
        var vars = DataMapping()
        /// Where the group was first named, for errors.
        let location: SourceLocation
    }

    /// One host and its inline vars.
    struct Host: Sendable {
        let name: String
        var vars = DataMapping()
        /// Where the host was first named, for errors.
        let location: SourceLocation
    }

    static let all = "all"
    static let ungrouped = "ungrouped"

    private(set) var hostOrder: [String] = []
    private(set) var hosts: [String: Host] = [:]
    private(set) var groupOrder: [String] = []
    private(set) var groups: [String: Group] = [:]
    /// Every parent-child link in the order it was made, with the place that made it.
    private var childLinks: [(parent: String, child: String, location: SourceLocation)] = []
    /// How far below `all` each group sits: the longest chain of parents up to it (`all` is 0). Set by
    /// `finish()`.
    private(set) var depths: [String: Int] = [:]

    init() {
        let start = SourceLocation(file: "<implicit>")
        groups[Self.all] = Group(name: Self.all, location: start)
        groups[Self.ungrouped] = Group(name: Self.ungrouped, location: start)
        groupOrder = [Self.all, Self.ungrouped]
    }

    /// Declares `name` (no effect when it exists).
    mutating func addGroup(_ name: String, at location: SourceLocation) {
        guard groups[name] == nil else { return }
        groups[name] = Group(name: name, location: location)
        groupOrder.append(name)
    }

    /// Declares `name` as a member of `group` (which must exist), adding `vars` to the host's own.
    mutating func addHost(_ name: String, to group: String, vars: DataMapping, at location: SourceLocation) {
        if hosts[name] == nil {
            hosts[name] = Host(name: name, location: location)
            hostOrder.append(name)
        }
        for (key, value) in vars.entries { hosts[name]?.vars[key] = value }
        addGroup(group, at: location)
        if groups[group]?.hosts.contains(name) == false { groups[group]?.hosts.append(name) }
    }

    /// Makes `child` a child group of `parent` (both must exist). Loops are found by `finish()`.
    mutating func addChild(_ child: String, to parent: String, at location: SourceLocation) {
        guard groups[parent]?.children.contains(child) == false else { return }
        groups[parent]?.children.append(child)
        childLinks.append((parent: parent, child: child, location: location))
    }

    /// Adds `vars` to `group`'s inline vars (later keys win).
    mutating func addVars(_ vars: DataMapping, toGroup group: String) {
        for (key, value) in vars.entries { groups[group]?.vars[key] = value }
    }

    /// Puts every group that is no one's child under `all`, and every host that is in no group but `all`
    /// in `ungrouped`, what Ansible does once all sources are read; then refuses a group that contains
    /// itself through its children, as Ansible does, and measures each group's depth.
    mutating func finish() throws(SimInventoryError) {
        let named = Set(childLinks.map(\.child))
        for name in groupOrder where name != Self.all && !named.contains(name) {
            if groups[Self.all]?.children.contains(name) == false { groups[Self.all]?.children.append(name) }
        }
        let grouped = Set(groups.values.filter { $0.name != Self.all }.flatMap(\.hosts))
        for host in hostOrder where !grouped.contains(host) {
            groups[Self.ungrouped]?.hosts.append(host)
        }
        try measureDepths()
    }

    /// Longest paths from `all` in parent-before-child order (Kahn's algorithm, no recursion); the groups
    /// left over are on or below a loop.
    private mutating func measureDepths() throws(SimInventoryError) {
        var parentsLeft: [String: Int] = [:]
        for group in groupOrder {
            for child in groups[group]?.children ?? [] { parentsLeft[child, default: 0] += 1 }
        }
        var ready = groupOrder.filter { parentsLeft[$0, default: 0] == 0 }
        var depths: [String: Int] = [:]
        var next = 0
        while next < ready.count {
            let group = ready[next]
            next += 1
            let depth = depths[group, default: 0]
            for child in groups[group]?.children ?? [] {
                depths[child] = max(depths[child, default: 0], depth + 1)
                parentsLeft[child, default: 0] -= 1
                if parentsLeft[child] == 0 { ready.append(child) }
            }
        }
        self.depths = depths
        guard ready.count < groupOrder.count else { return }
        // Peel off the groups below the loop (those with no children left) to find a link on it.
        var looped = Set(groupOrder).subtracting(ready)
        var peeled = true
        while peeled {
            peeled = false
            for group in looped where !(groups[group]?.children.contains(where: looped.contains) ?? false) {
                looped.remove(group)
                peeled = true
            }
        }
        if let link = childLinks.last(where: { looped.contains($0.parent) && looped.contains($0.child) }) {
            throw .invalid(
                link.location,
                "group '\(link.child)' cannot be a child of '\(link.parent)': that makes a loop of groups")
        }
    }

    /// Every group below `group`, breadth first, without repeats.
    func descendants(of group: String) -> [String] {
        var result: [String] = []
        var seen: Set<String> = [group]
        var queue = groups[group]?.children ?? []
        var next = 0
        while next < queue.count {
            let child = queue[next]
            next += 1
            guard seen.insert(child).inserted else { continue }
            result.append(child)
            queue += groups[child]?.children ?? []
        }
        return result
    }

    /// The hosts of `group` and of every group below it: its own first, then its descendants' in order.
    func hosts(inGroup group: String) -> [String] {
        if group == Self.all { return hostOrder }
        var seen: Set<String> = []
        return ([group] + descendants(of: group)).flatMap { groups[$0]?.hosts ?? [] }.filter {
            seen.insert($0).inserted
        }
    }

    /// Every group `host` belongs to, directly or through a child group, `all` included.
    func groups(of host: String) -> Set<String> {
        var parents: [String: [String]] = [:]
        for group in groupOrder {
            for child in groups[group]?.children ?? [] { parents[child, default: []].append(group) }
        }
        var queue = groupOrder.filter { groups[$0]?.hosts.contains(host) == true }
        var result: Set<String> = [Self.all]
        var next = 0
        while next < queue.count {
            let group = queue[next]
            next += 1
            guard result.insert(group).inserted else { continue }
            queue += parents[group] ?? []
        }
        return result
    }
}
