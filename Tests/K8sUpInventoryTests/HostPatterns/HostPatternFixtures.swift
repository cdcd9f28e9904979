import Foundation
import K8sUpTestSupport

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Inventories for the host-pattern tests, read with the INI reader from the files under
/// `Fixtures/HostPatterns/`, which are what the expected host lists were captured from with
/// `ansible -i FILE 'PATTERN' --list-hosts` (ansible-core 2.19.14).
enum HostPatternFixtures {
    /// `kubespray.ini`: ungrouped hosts, a bastion, control plane and etcd on the same hosts, workers with a
    /// `gpu_node` child group, an empty `calico_rr`, a top-level `edge-site` cutting across. At every depth
    /// below `all` at most one group has child groups, so Ansible's host order is deterministic.
    static func kubespray() throws -> Inventory {
        try inventory(file: "kubespray.ini")
    }

    /// `same-name.ini`: an ungrouped host `etcd` and a group `etcd` of other hosts, plus a `workers` group.
    static func sameName() throws -> Inventory {
        try inventory(file: "same-name.ini")
    }

    /// An inventory written as INI text, read and reconciled as `ansible-inventory` would.
    static func inventory(ini text: String, file: String = "test.ini") throws -> Inventory {
        var inventory = Inventory()
        try INIInventoryReader.read(text, file: file, into: &inventory)
        inventory.reconcile()
        return inventory
    }

    private static func inventory(file name: String) throws -> Inventory {
        let path = TestPaths.fixtures + "/HostPatterns/" + name
        return try inventory(ini: String(contentsOfFile: path, encoding: .utf8), file: name)
    }
}
