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

    /// Makes `child` a child group of `parent` (both must exist). A group that would contain itself, directly
    /// or through its children, is refused as Ansible refuses it.
    mutating func addChild(_ child: String, to parent: String, at location: SourceLocation) throws(SimInventoryError) {
        if child == parent || descendants(of: child).contains(parent) {
            throw .invalid(location, "group '\(child)' cannot be a child of '\(parent)': that makes a loop of groups")
        }
        if groups[parent]?.children.contains(child) == false { groups[parent]?.children.append(child) }
    }

    /// Adds `vars` to `group`'s inline vars (later keys win).
    mutating func addVars(_ vars: DataMapping, toGroup group: String) {
        for (key, value) in vars.entries { groups[group]?.vars[key] = value }
    }

    /// Puts every group that is no one's child under `all`, and every host that is in no group but `all`
    /// in `ungrouped`: what Ansible does once all sources are read.
    mutating func finish() {
        let named = Set(groups.values.flatMap(\.children))
        for name in groupOrder where name != Self.all && !named.contains(name) {
            if groups[Self.all]?.children.contains(name) == false { groups[Self.all]?.children.append(name) }
        }
        let grouped = Set(groups.values.filter { $0.name != Self.all }.flatMap(\.hosts))
        for host in hostOrder where !grouped.contains(host) {
            groups[Self.ungrouped]?.hosts.append(host)
        }
    }

    /// Every group below `group`, breadth first, without repeats.
    func descendants(of group: String) -> [String] {
        var result: [String] = []
        var queue = groups[group]?.children ?? []
        var seen: Set<String> = []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += groups[next]?.children ?? []
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
        var result: Set<String> = [Self.all]
        for group in groupOrder where groups[group]?.hosts.contains(host) == true {
            result.insert(group)
        }
        var changed = true
        while changed {
            changed = false
            for group in groupOrder where !result.contains(group) {
                if groups[group]?.children.contains(where: result.contains) == true {
                    result.insert(group)
                    changed = true
                }
            }
        }
        return result
    }

    /// How far below `all` a group sits: the longest chain of parents up to it (`all` is 0, its children 1).
    func depth(of group: String) -> Int {
        guard group != Self.all else { return 0 }
        let parents = groupOrder.filter { groups[$0]?.children.contains(group) == true }
        return 1 + (parents.map(depth(of:)).max() ?? 0)
    }
}
