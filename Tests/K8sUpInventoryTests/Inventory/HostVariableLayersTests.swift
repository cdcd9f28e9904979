import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The shared group layers behind `inventory --list`: hosts in the same groups read one merged layer,
/// their own vars sit on top of it, and the precedence inside a layer is Ansible's.
@Suite struct HostVariableLayersTests {
    static let inventoryText = """
        [all:vars]
        shared=from-all
        level=all

        [kube_node]
        w1 own=w1 level=host-w1
        w2
        w3 ansible_host=10.0.0.3

        [zone_a]
        w1
        w2

        [zone_b]
        w3

        [special]
        w2

        [special:vars]
        ansible_group_priority=10
        same_depth=special-priority10

        [zone_a:vars]
        level=zone_a
        same_depth=zone_a-priority1
        name_order=zone_a

        [zone_b:vars]
        name_order=zone_b

        [kube_node:vars]
        level=kube_node
        inventory_dir=internal-names-are-dropped

        [k8s_cluster:children]
        kube_node

        [k8s_cluster:vars]
        level=k8s_cluster
        name_order=k8s_cluster
        """

    func layered(_ hosts: [String]? = nil) throws -> (layers: HostVariableLayers, resolver: VariableResolver) {
        try withTemporaryTree(text: ["hosts.ini": Self.inventoryText]) { root in
            let loaded = try InventoryLoader().load(sources: [root + "/hosts.ini"])
            let resolver = VariableResolver(loaded)
            return (resolver.layeredHostVariables(hosts ?? loaded.inventory.hostOrder), resolver)
        }
    }

    @Test func hostsInTheSameGroupsShareOneLayerAndOthersGetTheirOwn() throws {
        let (layers, _) = try layered()
        let w1 = try #require(layers.hosts["w1"]), w2 = try #require(layers.hosts["w2"])
        let w3 = try #require(layers.hosts["w3"])
        // w1: kube_node, zone_a; w2: kube_node, zone_a, special; w3: kube_node, zone_b.
        #expect(Set([w1.groupLayer, w2.groupLayer, w3.groupLayer]).count == 3)
        let again = try layered(["w1", "w2", "w3", "w1"]).layers
        #expect(again.groupLayers.count == 3)
        #expect(again.hosts.count == 3)
    }

    @Test func ownVarsOverrideTheLayerWithoutChangingItForOtherHosts() throws {
        let (layers, _) = try layered()
        #expect(layers.variables(of: "w1")?["level"] == "host-w1")
        #expect(layers.variables(of: "w1")?["own"] == "w1")
        let w1 = try #require(layers.hosts["w1"])
        #expect(layers.groupLayers[w1.groupLayer]["level"] == "kube_node")
        #expect(layers.groupLayers[w1.groupLayer]["own"] == nil)
        #expect(layers.variables(of: "w2")?["own"] == nil)
    }

    @Test func insideALayerDeeperGroupsBeatParentsThenPriorityThenName() throws {
        let (layers, _) = try layered()
        // kube_node (depth 2, child of k8s_cluster) beats its parent and zone_a (both depth 1).
        #expect(layers.variables(of: "w2")?["level"] == "kube_node")
        // Same depth: priority 10 (special) beats priority 1 (zone_a).
        #expect(layers.variables(of: "w2")?["same_depth"] == "special-priority10")
        #expect(layers.variables(of: "w1")?["same_depth"] == "zone_a-priority1")
        // Same depth and priority: the name that sorts last wins.
        #expect(layers.variables(of: "w1")?["name_order"] == "zone_a")
        #expect(layers.variables(of: "w3")?["name_order"] == "zone_b")
        #expect(layers.variables(of: "w3")?["ansible_host"] == "10.0.0.3")
        #expect(layers.variables(of: "w3")?["shared"] == "from-all")
    }

    @Test func theLayeredViewIsWhatEveryOtherCallerResolves() throws {
        let (layers, resolver) = try layered()
        let all = resolver.allHostVariables(["w1", "w2", "w3", "nobody"])
        #expect(all.keys.sorted() == ["w1", "w2", "w3"])
        for host in ["w1", "w2", "w3"] {
            #expect(all[host] == layers.variables(of: host))
            #expect(resolver.hostVariables(host) == layers.variables(of: host))
            #expect(layers.variables(of: host)?["inventory_dir"] == nil)
        }
        #expect(layers.variables(of: "nobody") == nil)
    }
}
