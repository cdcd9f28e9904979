/// Which inventory a command reads and which of its hosts it works on.
package struct InventoryChoice: Sendable, Equatable {
    /// Inventory files or directories; none means `$K8SUP_INVENTORY`.
    package var paths: [String]
    /// Ansible host patterns, joined as Ansible joins them; none selects every host.
    package var limits: [String]

    package init(paths: [String] = [], limits: [String] = []) {
        self.paths = paths
        self.limits = limits
    }
}
