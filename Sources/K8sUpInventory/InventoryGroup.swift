import K8sUpSupport
import PythonParity

/// One Ansible group: its own hosts and child groups in definition order, and its inline vars.
///
/// `depth` is the longest path from `all` (which Ansible uses to order variable precedence) and
/// `priority` comes from `ansible_group_priority`.
package struct InventoryGroup: Sendable, Equatable {
    package let name: String
    package internal(set) var depth = 0
    package internal(set) var priority = 1
    /// Hosts listed directly in this group, in the order they were first added.
    package internal(set) var hosts: [String] = []
    package internal(set) var children: [String] = []
    package internal(set) var parents: [String] = []
    /// Vars set in the inventory source itself (`[g:vars]`, `vars:`), not from `group_vars/`.
    package internal(set) var vars = DataMapping()
    /// Where the group was first declared, for error messages.
    package internal(set) var location: SourceLocation?
    package var hostSet: Set<String> = []
    /// `children` as a set: `all` can have a hundred thousand of them.
    package var childSet: Set<String> = []

    package init(name: String, location: SourceLocation?) {
        self.name = name
        self.location = location
    }
}
