import K8sUpSupport
import PythonParity

/// One Ansible host: its inline vars and every group it belongs to, directly or through ancestry.
package struct InventoryHost: Sendable, Equatable {
    package let name: String
    /// Vars set in the inventory source itself (inline `key=value`, host mapping), not from `host_vars/`.
    package internal(set) var vars = DataMapping()
    /// Direct groups and all their ancestors, `all` included, in the order Ansible records them.
    package internal(set) var groups: [String] = []
    /// Where the host was first defined, for error messages.
    package internal(set) var location: SourceLocation?
    package var groupSet: Set<String> = []

    package init(name: String, location: SourceLocation?) {
        self.name = name
        self.location = location
    }

    package mutating func addGroupRecord(_ group: String) {
        if groupSet.insert(group).inserted { groups.append(group) }
    }
}
