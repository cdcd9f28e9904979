import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// k8sim's own inventory reader (`SimNodeRoster` and what it is built on): INI, YAML, `group_vars/` and
/// `host_vars/`, Kubespray's roles, and errors with file and line.
@Suite struct SimInventoryReaderTests {
    /// The two readers are written independently; on every inventory the tests and demos use, k8sim must
    /// see the nodes k8sup sees, with the same names, roles and variables.
    @Test(arguments: [
        TestPaths.inventories + "/sim", TestPaths.inventories + "/sample",
        TestPaths.inventories + "/legacy/inventory.ini", TestPaths.kubesprayStyle + "/legacy/inventory.ini",
        TestPaths.kubesprayStyle + "/modern/inventory.ini", TestPaths.kubesprayStyle + "/single-file/cedar.yml",
        TestPaths.kubesprayStyle + "/local/hosts.ini",
    ])
    func agreesWithK8supsReader(source: String) throws {
        let roster = try SimNodeRoster.load(sources: [source])
        let loaded = try InventoryLoader().load(sources: [source])
        let roles = try ClusterRoles(loaded)
        let resolver = VariableResolver(loaded)
        #expect(roster.nodes.map(\.host) == roles.nodes.map(\.host))
        #expect(roster.nodes.map(\.name) == roles.nodes.map(\.nodeName))
        #expect(roster.nodes.map(\.controlPlane) == roles.nodes.map { $0.role == .controlPlane })
        for node in roster.nodes {
            let expected = resolver.hostVariables(node.host)
            let keys = (node.vars.keys + expected.keys).compactMap(\.stringValue)
            // INI values written as Python lists or dicts stay text in k8sim, which reads no such var.
            let differing = Set(
                keys.filter { key in
                    let collection = expected[key]?.listValue != nil || expected[key]?.mappingValue != nil
                    return node.vars[key] != expected[key] && !(collection && node.vars[key]?.stringValue != nil)
                })
            #expect(
                differing.isEmpty,
                "\(node.host): \(differing.sorted().map { "\($0)=\(node.vars[$0]?.scalarText ?? "-")" })")
        }
    }

    @Test func iniHostsGroupsRangesAndVars() throws {
        let roster = try roster([
            "hosts.ini": """
            # comment
            lonely ansible_host=10.0.0.1
            [kube_control_plane]
            cp-[a:c] ansible_user=core
            [kube_node]
            worker[08:10] pool="general purpose" port_test=1 # trailing comment
            odd-[1:5:2]:2222
            [k8s_cluster:children]
            kube_control_plane
            kube_node
            [k8s_cluster:vars]
            k8sup_playbook = kubespray
            max_pods = 110
            enabled = True
            quoted = 'text'
            """
        ])
        #expect(
            roster.nodes.map(\.host) == [
                "cp-a", "cp-b", "cp-c", "worker08", "worker09", "worker10", "odd-1", "odd-3", "odd-5",
            ])
        #expect(roster.nodes.filter(\.controlPlane).count == 3)
        let worker = try #require(roster.nodes.first { $0.host == "worker09" })
        #expect(worker.vars["pool"] == .string("general purpose"))
        #expect(worker.vars["port_test"] == .int(1))
        #expect(worker.vars["k8sup_playbook"] == .string("kubespray"))
        #expect(worker.vars["max_pods"] == .int(110))
        #expect(worker.vars["enabled"] == .bool(true))
        #expect(worker.vars["quoted"] == .string("text"))
        #expect(roster.nodes.first { $0.host == "odd-3" }?.vars["ansible_port"] == .int(2222))
        #expect(roster.nodes.first { $0.host == "cp-a" }?.vars["ansible_user"] == .string("core"))
    }

    @Test func yamlGroupsHostsAndNodeNames() throws {
        let roster = try roster([
            "hosts.yaml": """
            all:
              vars: {ansible_user: ubuntu}
              hosts:
                cp-1: {ansible_host: 10.0.0.11}
                1: {ansible_host: 10.0.0.99}
              children:
                kube-master:
                  hosts: cp-1
                kube_control_plane:
                  hosts:
                    cp-2: {kube_override_hostname: "{{ inventory_hostname }}"}
                kube_node:
                  hosts:
                    cp-1:
                    w-[1:2]:
                      kube_override_hostname: worker.example
                    1:
                etcd:
                  hosts: {etcd-only: {}}
            """
        ])
        // The new group name first, then hosts only the legacy one has; cp-1 is a control plane in both.
        #expect(roster.nodes.map(\.host) == ["cp-2", "cp-1", "w-1", "w-2", "1"])
        #expect(roster.nodes.map(\.name) == ["cp-2", "cp-1", "worker.example", "worker.example", "1"])
        #expect(roster.nodes.map(\.controlPlane) == [true, true, false, false, false])
        #expect(roster.nodes.first { $0.host == "1" }?.address == "10.0.0.99")
        #expect(roster.nodes.first?.vars["ansible_user"] == .string("ubuntu"))
    }

    /// Ansible's precedence: inline group vars < group_vars/all < group_vars/<group> < inline host vars <
    /// host_vars; a vars directory's files in name order; a later source's vars files win.
    @Test func varsDirectoriesFollowAnsiblesPrecedence() throws {
        try withTemporaryTree(text: [
            "a/hosts.ini": """
            [kube_control_plane]
            cp-1 from_host=inline both=inline-host
            [kube_node]
            w-1
            [kube_node:vars]
            from_group=inline
            beats_all=inline-group
            """,
            "a/group_vars/all/10-first.yml": "beats_all: all\nfrom_group: all\nlayer: first\n",
            "a/group_vars/all/20-second.yaml": "layer: second\n",
            "a/group_vars/all/notes.txt": "layer: ignored\n",
            "a/group_vars/kube_node.yml": "from_group: group-file\n",
            "a/host_vars/cp-1/main.yml": "both: host-file\nkube_override_hostname: control.example\n",
            "b/hosts.yaml": "all:\n  hosts:\n    w-1:\n",
            "b/group_vars/all.json": #"{"layer": "second source"}"#,
        ]) { root in
            let roster = try SimNodeRoster.load(sources: [root + "/a/hosts.ini", root + "/b"])
            let control = try #require(roster.nodes.first)
            #expect(control.name == "control.example")
            #expect(control.vars["both"] == .string("host-file"))
            #expect(control.vars["from_host"] == .string("inline"))
            #expect(control.vars["layer"] == .string("second source"))
            let worker = try #require(roster.nodes.last)
            #expect(worker.vars["beats_all"] == .string("all"))
            #expect(worker.vars["from_group"] == .string("group-file"))
        }
    }

    @Test(arguments: [
        ("hosts.ini", "[kube_control_plane]\ncp-1\n[bad group]\n", "hosts.ini:3: invalid section header '[bad group]'"),
        ("hosts.ini", "[web:hosts]\n[web:things]\n", "hosts.ini:2: section '[web:things]' has the unknown type"),
        ("hosts.ini", "[kube_control_plane]\ncp-1 novalue\n", "hosts.ini:2: expected key=value after the host"),
        ("hosts.ini", "[web]\n[web:vars]\njust a line\n", "hosts.ini:3: expected key = value in section [web:vars]"),
        ("hosts.ini", "[web]\n\n[foo:vars]\na=1\n", "hosts.ini:3: [foo:vars] is for a group 'foo' that is never"),
        ("hosts.ini", "[web:children]\nmissing\n", "hosts.ini:2: [web:children] names the group 'missing'"),
        ("hosts.ini", "[a:children]\nb\n[b:children]\na\n", "hosts.ini:4: group 'a' cannot be a child of 'b'"),
        ("hosts.ini", "[web]\nnode[1:]\n", "hosts.ini:2: 'node[1:]': the host range has no end"),
        ("hosts.ini", "[web]\nnode[a:3]\n", "hosts.ini:2: 'node[a:3]': a host range runs from number to number"),
        ("hosts.ini", "[web]\nnode[01:100]\n", "hosts.ini:2: 'node[01:100]': a zero-padded host range needs"),
        ("hosts.ini", "[web]\nnode[1:3:0]\n", "hosts.ini:2: 'node[1:3:0]': the host range's step"),
        ("hosts.ini", "[web]\nnode[1:3\n", "hosts.ini:2: 'node[1:3': a host range '[' without its closing ']'"),
        ("hosts.ini", "[web]\nnode a='open\n", "hosts.ini:2: a quote is not closed on this line"),
        ("hosts.ini", "[web]\nn[0:9][0:9999]\n", "hosts.ini:2: 'n[0:9][0:9999]' stands for more than 10000 hosts"),
        ("hosts.ini", "[a:children]\na\n", "hosts.ini:2: group 'a' cannot be a child of 'a'"),
        ("hosts.yaml", "- all\n", "hosts.yaml:1:1: a YAML inventory is a mapping of group names"),
        ("hosts.yaml", "all:\n  - cp-1\n", "hosts.yaml:2:3: group 'all' must be a mapping"),
        ("hosts.yaml", "all:\n  host:\n    cp-1:\n", "hosts.yaml:2:3: group 'all' has the key 'host'"),
        ("hosts.yaml", "all:\n  hosts:\n    cp-1: [a]\n", "hosts.yaml:3:11: host 'cp-1' must be followed by a mapping"),
        ("hosts.yaml", "all:\n  hosts: {\n", "hosts.yaml:"),
        ("hosts.yaml", "", "hosts.yaml: the YAML file is empty"),
    ])
    func unreadableInventoriesSayWhereAndWhy(file: String, text: String, expected: String) throws {
        try withTemporaryTree(text: [file: text]) { root in
            let error = #expect(throws: SimInventoryError.self) { try SimNodeRoster.load(sources: [root + "/" + file]) }
            let message = error.map(String.init(describing:)) ?? ""
            #expect(message.hasPrefix(root + "/" + expected), "\(message)")
        }
    }

    @Test func rolesAndVarsFilesErrors() throws {
        try withTemporaryTree(text: [
            "none/hosts.yaml": "all:\n  children:\n    kube_node: {hosts: {w-1: }}\n",
            "empty/hosts.yaml": "all:\n  children:\n    kube_control_plane: {}\n",
            "template/hosts.ini": "[kube_control_plane]\ncp-1 kube_override_hostname='{{ name }}'\n",
            "badvars/hosts.ini": "[kube_control_plane]\ncp-1\n",
            "badvars/group_vars/all.yml": "- a list\n",
        ]) { root in
            func failure(_ source: String) -> String {
                do {
                    _ = try SimNodeRoster.load(sources: [root + "/" + source])
                    return "no error"
                } catch {
                    return error.description
                }
            }
            #expect(failure("none").hasPrefix("the inventory has no kube_control_plane (or kube-master) group"))
            #expect(failure("none").hasSuffix("its groups are kube_node"))
            #expect(failure("empty").contains("kube_control_plane group has no hosts"))
            #expect(
                failure("template")
                    == root + "/template/hosts.ini:2: host 'cp-1': kube_override_hostname is the template "
                    + "'{{ name }}', which k8sim cannot evaluate; set the node name itself")
            #expect(failure("badvars").hasPrefix(root + "/badvars/group_vars/all.yml:1:1: a vars file holds a mapping"))
            #expect(failure("missing") == root + "/missing: cannot read the inventory: no such file or directory")
        }
    }

    private func roster(_ files: [String: String]) throws -> SimNodeRoster {
        try withTemporaryTree(text: files) { root in try SimNodeRoster.load(sources: [root]) }
    }
}
