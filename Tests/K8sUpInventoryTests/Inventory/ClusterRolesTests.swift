import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct ClusterRolesTests {
    func roles(_ text: [String: String], source: String) throws -> ClusterRoles {
        try withTemporaryTree(text: text) { root in
            try ClusterRoles(InventoryLoader().load(sources: [root + "/" + source]))
        }
    }

    @Test func theSampleHasThreeControlPlaneNodesFirstCp1AndFiveWorkers() throws {
        let roles = try ClusterRoles(InventoryLoader().load(sources: [TestPaths.inventories + "/sample"]))
        #expect(roles.controlPlaneGroup == "kube_control_plane")
        #expect(roles.controlPlane.map(\.host) == ["cp-1", "cp-2", "cp-3"])
        #expect(roles.firstControlPlane?.host == "cp-1")
        #expect(roles.workers.map(\.host) == ["worker-1", "worker-2", "worker-3", "worker-4", "worker-5"])
        #expect(roles.controlPlane.allSatisfy { $0.isEtcdMember })
        #expect(roles.workers.last?.nodeName == "worker-5.prod.example")
        #expect(roles.etcdHosts == ["cp-1", "cp-2", "cp-3"])
    }

    @Test func theOldGroupNamesWork() throws {
        let roles = try ClusterRoles(InventoryLoader().load(sources: [TestPaths.inventories + "/legacy/inventory.ini"]))
        #expect(roles.controlPlaneGroup == "kube-master")
        #expect(roles.controlPlane.map(\.host) == ["master1", "master2", "master3"])
        #expect(roles.workers.map(\.host) == ["node01", "node02", "node03", "node04"])
    }

    @Test func aHostInBothGroupsIsAControlPlaneNodeOnly() throws {
        let roles = try roles(["h.ini": "[kube_control_plane]\ncp1\n[kube_node]\ncp1\nw1\n"], source: "h.ini")
        #expect(roles.controlPlane.map(\.host) == ["cp1"])
        #expect(roles.workers.map(\.host) == ["w1"])
    }

    @Test func bothGenerationsOfNamesAreMergedNewNamesFirst() throws {
        let roles = try roles(
            ["h.ini": "[kube-master]\nold1\ncp1\n[kube_control_plane]\ncp1\n[kube-node]\nw1\n"], source: "h.ini")
        #expect(roles.controlPlane.map(\.host) == ["cp1", "old1"])
        #expect(roles.workers.map(\.host) == ["w1"])
    }

    @Test func nodeNamesComeFromKubeOverrideHostnameWithTheCommonTemplateUnderstood() throws {
        let roles = try roles(
            [
                "h.ini": "[kube_control_plane]\ncp1 kube_override_hostname=cp1.example\n[kube_node]\nw1\n",
                "group_vars/kube_node.yml": "kube_override_hostname: '{{ inventory_hostname }}'\n",
            ], source: "h.ini")
        #expect(roles.controlPlane.first?.nodeName == "cp1.example")
        #expect(roles.workers.first?.nodeName == "w1")
    }

    @Test func otherTemplatesInNodeNamesAreRefusedWithTheFix() throws {
        #expect {
            _ = try roles(
                ["h.ini": "[kube_control_plane]\ncp1 kube_override_hostname='{{ ansible_fqdn }}'\n"], source: "h.ini")
        } throws: { error in
            "\(error)".contains("h.ini:2:1: kube_override_hostname of 'cp1' is the template '{{ ansible_fqdn }}'")
                && "\(error)".contains("set the literal Kubernetes node name in host_vars/cp1.yml")
        }
    }

    @Test func noControlPlaneGroupIsRefusedNamingTheGroupsFound() throws {
        #expect(throws: InventoryError.noControlPlaneGroup(groups: ["kube_node", "etcd"])) {
            _ = try roles(["h.ini": "[kube_node]\nw1\n[etcd]\nw1\n"], source: "h.ini")
        }
    }

    @Test func anEmptyControlPlaneGroupIsRefused() throws {
        #expect(throws: InventoryError.emptyControlPlaneGroup("kube_control_plane")) {
            _ = try roles(["h.ini": "[kube_control_plane]\n[kube_node]\nw1\n"], source: "h.ini")
        }
        #expect(
            InventoryError.emptyControlPlaneGroup("kube-master").description
                == "the control-plane group 'kube-master' has no hosts: list the control-plane hosts under it")
    }
}
