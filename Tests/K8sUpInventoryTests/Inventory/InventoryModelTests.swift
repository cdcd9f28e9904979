import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct InventoryModelTests {
    let here = SourceLocation(file: "test.ini", line: 1, column: 1)

    @Test func hostsOnlyInAllBecomeUngroupedAndLeaveItWhenTheyJoinAGroup() throws {
        var inventory = Inventory()
        try inventory.addHost("lonely", toGroup: "all", port: nil, at: here)
        try inventory.addHost("early", toGroup: "ungrouped", port: nil, at: here)
        inventory.addGroup("kube_node", at: here)
        try inventory.addHost("early", toGroup: "kube_node", port: nil, at: here)
        inventory.reconcile()
        #expect(inventory.groups["ungrouped"]?.hosts == ["lonely"])
        #expect(inventory.hosts["early"]?.groupSet == ["all", "kube_node"])
        #expect(inventory.groups["all"]?.children == ["ungrouped", "kube_node"])
    }

    @Test func refusesChildGroupLoopsNamingBothGroups() throws {
        var inventory = Inventory()
        inventory.addGroup("a", at: here)
        inventory.addGroup("b", at: here)
        try inventory.addChild("b", to: "a", at: here)
        #expect(
            throws: InventoryError.invalid(
                here, "adding group 'a' as a child of 'b' creates a loop: 'a' is already above 'b'")
        ) {
            try inventory.addChild("a", to: "b", at: here)
        }
        #expect(throws: InventoryError.invalid(here, "group 'a' cannot be a child of itself")) {
            try inventory.addChild("a", to: "a", at: here)
        }
    }

    @Test func depthIsTheLongestPathFromAllAndPropagatesToDescendants() throws {
        var inventory = Inventory()
        for name in ["k8s_cluster", "kube_node", "gpu", "top"] { inventory.addGroup(name, at: here) }
        try inventory.addChild("gpu", to: "kube_node", at: here)
        try inventory.addChild("kube_node", to: "k8s_cluster", at: here)
        try inventory.addChild("k8s_cluster", to: "top", at: here)
        inventory.reconcile()
        #expect(inventory.groups["top"]?.depth == 1)
        #expect(inventory.groups["k8s_cluster"]?.depth == 2)
        #expect(inventory.groups["gpu"]?.depth == 4)
    }

    @Test func hostsRecordEveryAncestorEvenWhenGroupsAreLinkedLater() throws {
        var inventory = Inventory()
        inventory.addGroup("kube_node", at: here)
        try inventory.addHost("w1", toGroup: "kube_node", port: nil, at: here)
        inventory.addGroup("k8s_cluster", at: here)
        try inventory.addChild("kube_node", to: "k8s_cluster", at: here)
        inventory.reconcile()
        #expect(inventory.hosts["w1"]?.groupSet == ["all", "k8s_cluster", "kube_node"])
        #expect(inventory.hosts(inGroup: "all") == ["w1"])
    }

    @Test func aVarForANameThatIsBothGroupAndHostGoesToTheGroupAsInAnsible() throws {
        var inventory = Inventory()
        inventory.addGroup("bastion", at: here)
        try inventory.addHost("bastion", toGroup: "bastion", port: nil, at: here)
        try inventory.setVariable("ansible_host", to: "203.0.113.10", on: "bastion", at: here)
        #expect(inventory.groups["bastion"]?.vars["ansible_host"] == "203.0.113.10")
        #expect(inventory.hosts["bastion"]?.vars.isEmpty == true)
    }

    @Test func thePortOfAHostIsOnlyTakenFromItsFirstDefinition() throws {
        var inventory = Inventory()
        try inventory.addHost("h", toGroup: nil, port: 2222, at: here)
        try inventory.addHost("h", toGroup: nil, port: 3333, at: here)
        #expect(inventory.hosts["h"]?.vars["ansible_port"] == 2222)
    }

    @Test func groupPriorityComesFromItsVariableAndBadValuesAreErrors() throws {
        var inventory = Inventory()
        inventory.addGroup("g", at: here)
        try inventory.setVariable("ansible_group_priority", to: "7", on: "g", at: here)
        #expect(inventory.groups["g"]?.priority == 7)
        #expect(inventory.groups["g"]?.vars.isEmpty == true)
        #expect(throws: InventoryError.self) {
            try inventory.setVariable("ansible_group_priority", to: "high", on: "g", at: here)
        }
    }

    @Test func groupHostsComeInBreadthFirstDefinitionOrderWithoutRepeats() throws {
        var inventory = Inventory()
        for name in ["p", "c1", "c2", "g1"] { inventory.addGroup(name, at: here) }
        try inventory.addChild("c1", to: "p", at: here)
        try inventory.addChild("c2", to: "p", at: here)
        try inventory.addChild("g1", to: "c1", at: here)
        try inventory.addHost("deep", toGroup: "g1", port: nil, at: here)
        try inventory.addHost("two", toGroup: "c2", port: nil, at: here)
        try inventory.addHost("one", toGroup: "c1", port: nil, at: here)
        try inventory.addHost("two", toGroup: "c1", port: nil, at: here)
        try inventory.addHost("own", toGroup: "p", port: nil, at: here)
        #expect(inventory.hosts(inGroup: "p") == ["own", "one", "two", "deep"])
    }
}
