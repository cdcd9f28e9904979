import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Ansible's variable precedence, one rule per test, on the `precedence` corpus inventory (whose full
/// output is also checked byte for byte against ansible-inventory in AnsibleOracleTests).
@Suite struct VariablePrecedenceTests {
    let resolver: VariableResolver

    init() throws {
        resolver = VariableResolver(
            try InventoryLoader().load(sources: [TestPaths.fixtures + "/Inventories/precedence"]))
    }

    func value(_ key: String, of host: String) -> DataValue? {
        resolver.hostVariables(host)[key]
    }

    @Test func groupVarsAllFilesBeatInlineGroupVarsOfAnyDepth() {
        #expect(value("shadowed_by_all_file", of: "cp1") == "from group_vars/all.yml")
    }

    @Test func inlineGroupVarsOfDeeperGroupsWin() {
        #expect(value("inline_depth", of: "node1") == "kube_node-depth2-wins")
    }

    @Test func atTheSameDepthTheHigherPriorityWins() {
        #expect(value("same_depth", of: "node1") == "special-priority10-wins")
        #expect(value("same_depth", of: "node2") == "k8s_cluster-priority1")
    }

    @Test func groupFilesOfDeeperGroupsBeatShallowerOnesAndNAMEymlIsReadBeforeNAMEyaml() {
        // node3 is in zeta (depth 1) and kube_node (depth 2); kube_node.yml and kube_node.yaml both exist.
        #expect(value("layer", of: "node3") == "kube_node-yml-file")
    }

    @Test func hostInlineVarsBeatGroupFilesAndHostFilesBeatEverything() {
        #expect(value("layer", of: "cp1") == "host-inline")
        #expect(value("layer", of: "node1") == "node1-host-file")
        #expect(value("layer", of: "node2") == "node2-host-dir")
    }

    @Test func filesInAGroupDirectoryMergeInSortedOrderRecursivelyAndSkipHiddenBackupAndOtherExtensions() {
        #expect(value("order_probe", of: "node1") == "third-json")
        #expect(value("noext_loaded", of: "node1") == true)
        for ignored in ["ignored_backup", "ignored_hidden", "ignored_md"] {
            #expect(value(ignored, of: "node1") == nil)
        }
    }

    @Test func laterLayersReplaceMappingsWholeRatherThanMergingThem() {
        #expect(value("nested_map", of: "node1") == ["replaced": true])
    }

    @Test func jsonVarsFilesKeepJSONTyping() {
        #expect(value("json_float", of: "cp1") == .float(100000))
        #expect(value("json_int", of: "cp1") == .bigInt("12345678901234567890"))
    }

    @Test func aPortFromTheHostLineIsTheIntegerAnsiblePort() {
        #expect(value("ansible_port", of: "node2") == 2222)
        #expect(value("ansible_port", of: "node3") == 2200)
    }

    @Test func aLaterSourcesGroupVarsBeatAnEarlierSourcesDeeperGroup() throws {
        let multi = VariableResolver(
            try InventoryLoader().load(sources: [
                TestPaths.fixtures + "/Inventories/multi-a", TestPaths.fixtures + "/Inventories/multi-b/extra.ini",
            ]))
        #expect(multi.hostVariables("w1")["source"] == "b-k8s_cluster-depth1-but-later-source")
        #expect(multi.hostVariables("w1")["a_only"] == true)
    }
}
