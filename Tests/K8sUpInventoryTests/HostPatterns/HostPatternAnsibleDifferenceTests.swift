import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Where k8sup deliberately refuses what Ansible accepts, because Ansible's answer would have k8sup act on
/// other hosts than the operator meant. Each case records what ansible-core 2.19.14 does with the
/// `kubespray.ini` fixture (`ansible all --limit P --list-hosts`, or `ansible P --list-hosts`).
@Suite struct HostPatternAnsibleDifferenceTests {
    private let resolver: HostPatternResolver

    init() throws {
        resolver = HostPatternResolver(inventory: try HostPatternFixtures.kubespray())
    }

    @Test(arguments: [
        // Ansible: warns and selects nothing.
        ("nosuch", "matches no host or group in the inventory"),
        // Ansible: warns "ignoring: nosuch" and selects all of kube_node.
        ("kube_node:!nosuch", "'!nosuch' matches no host or group in the inventory"),
        ("kube_node:&nosuch", "'&nosuch' matches no host or group in the inventory"),
        // Ansible: selects all of kube_node (the `[` is dropped and `0` warned about).
        ("kube_node[0", "has a '[' without a matching ']'"),
        // Ansible: node01..node06 (reads `~node`).
        ("~node[", "has a '[' without a matching ']'"),
        // Ansible: node01 (the extra `]` is dropped).
        ("kube_node[0]]", "has a ']' without a matching '['"),
        // Ansible: node03 (an end of 0 counts as no end).
        ("kube_node[2:0]", "subscript [2:0] selects nothing: its end comes before its start"),
        // Ansible: "leaves us with no hosts to target".
        ("kube_node[3:1]", "subscript [3:1] selects nothing: its end comes before its start"),
        ("kube_node[10:12]", "subscript [10:12] is out of range: group 'kube_node' has 7 hosts"),
        ("calico_rr[0]", "subscript [0] is out of range: group 'calico_rr' has 0 hosts"),
        // Ansible: "No hosts matched the subscripted pattern" (an error there too).
        ("kube_node[10]", "subscript [10] is out of range: group 'kube_node' has 7 hosts"),
        (
            "kube*[10]",
            "subscript [10] is out of range: 'kube*' matches 10 hosts "
                + "(a host counts once for each group it is matched through)"
        ),
        // Ansible: "leaves us with no hosts to target".
        ("calico_rr", "selects no hosts: 'calico_rr' has no hosts"),
        ("kube_control_plane:&gpu_node", "selects no hosts: nothing is left after '&gpu_node'"),
        ("!all", "selects no hosts: nothing is left after '!all'"),
        // Ansible: every host (an empty limit is no limit).
        ("", "is empty: name at least one host or group (or 'all' for every host)"),
        (" , ", "is empty: name at least one host or group (or 'all' for every host)"),
        // Ansible: crashes with "string index out of range".
        ("!", "has nothing after the '!'"),
        ("kube_node:&", "'&' has nothing after the '&'"),
    ])
    func refusesWhatAnsibleWouldGetWrongQuietly(limit: String, problem: String) {
        #expect(throws: InventoryError.pattern(limit, problem: problem)) {
            try resolver.select(limit)
        }
    }

    @Test func describesTheErrorForTheOperator() {
        let problem = "'!nosuch' matches no host or group in the inventory"
        let error = InventoryError.pattern("kube_node:!nosuch", problem: problem)
        #expect(error.description == "host pattern 'kube_node:!nosuch': " + problem)
    }
}
