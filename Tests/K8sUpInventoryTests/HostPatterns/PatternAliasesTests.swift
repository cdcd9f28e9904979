import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// k8sup's operator aliases `masters`, `control-plane`, `nodes`, `workers` (not in Ansible).
@Suite struct PatternAliasesTests {
    private let inventory: Inventory
    private let resolver: HostPatternResolver

    init() throws {
        inventory = try HostPatternFixtures.kubespray()
        // As the roles code would compute them: cp3 is in both groups, so it is a control-plane node.
        let aliases = PatternAliases(
            controlPlane: inventory.hosts(inGroup: "kube_control_plane"),
            workers: inventory.hosts(inGroup: "kube_node"))
        resolver = HostPatternResolver(inventory: inventory, aliases: aliases)
    }

    @Test(arguments: ["masters", "control-plane"])
    func namesTheControlPlaneHosts(alias: String) throws {
        #expect(try resolver.hosts(matching: alias) == ["cp1", "cp2", "cp3"])
    }

    @Test(arguments: ["nodes", "workers"])
    func namesTheWorkersThatAreNotControlPlaneHosts(alias: String) throws {
        #expect(try resolver.hosts(matching: alias) == ["node01", "node02", "node03", "node04", "node05", "node06"])
    }

    @Test func worksInEveryPositionOfAPattern() throws {
        #expect(try resolver.hosts(matching: "masters[0]") == ["cp1"])
        #expect(try resolver.hosts(matching: "workers[-1]") == ["node06"])
        let workersInInventoryOrder = ["node04", "node06", "node01", "node02", "node03", "node05"]
        #expect(try resolver.select("k8s_cluster:!masters") == workersInInventoryOrder)
        #expect(try resolver.select("edge-site:&nodes") == ["node04", "node06"])
        #expect(try resolver.select("control-plane,workers[0]") == ["cp1", "cp2", "cp3", "node01"])
    }

    @Test func givesWayToAGroupOfTheSameName() throws {
        let sameName = try HostPatternFixtures.sameName()
        let aliases = PatternAliases(controlPlane: ["cp1"], workers: ["cp2"])
        let aliased = HostPatternResolver(inventory: sameName, aliases: aliases)
        #expect(try aliased.hosts(matching: "workers") == ["w1", "w2"])
        #expect(try aliased.hosts(matching: "masters") == ["cp1"])
    }

    @Test func givesWayToAHostOfTheSameName() throws {
        let inventory = try HostPatternFixtures.inventory(ini: "[kube_control_plane]\ncp1\n[ungrouped]\nmasters\n")
        let aliases = PatternAliases(controlPlane: ["cp1"], workers: [])
        let aliased = HostPatternResolver(inventory: inventory, aliases: aliases)
        #expect(try aliased.hosts(matching: "masters") == ["masters"])
        #expect(try aliased.hosts(matching: "!masters") == ["cp1"])
    }

    @Test(arguments: ["mast*", "~masters", "master", "Masters"])
    func matchesOnlyItsExactName(pattern: String) {
        #expect(throws: InventoryError.pattern(pattern, problem: "matches no host or group in the inventory")) {
            try resolver.select(pattern)
        }
    }

    @Test func countsAsAMatchEvenWithNoHosts() throws {
        let allControlPlane = HostPatternResolver(
            inventory: inventory, aliases: PatternAliases(controlPlane: ["cp1", "cp2"], workers: ["cp1"]))
        #expect(try allControlPlane.select("etcd:!workers") == ["cp1", "cp2", "cp3"])
        #expect(throws: InventoryError.pattern("workers", problem: "selects no hosts: 'workers' has no hosts")) {
            try allControlPlane.select("workers")
        }
    }

    @Test func dropsHostsThatAreNotInTheInventory() throws {
        let aliased = HostPatternResolver(inventory: inventory, aliases: PatternAliases(["masters": ["ghost", "cp2"]]))
        #expect(try aliased.hosts(matching: "masters") == ["cp2"])
    }

    @Test func keepsTheOrderItWasGiven() throws {
        let aliased = HostPatternResolver(inventory: inventory, aliases: PatternAliases(["masters": ["cp3", "cp1"]]))
        #expect(try aliased.hosts(matching: "masters") == ["cp3", "cp1"])
        #expect(try aliased.select("masters") == ["cp1", "cp3"])
    }

    @Test func reportsTheAliasInASubscriptError() {
        let problem = "subscript [3] is out of range: 'masters' has 3 hosts"
        #expect(throws: InventoryError.pattern("masters[3]", problem: problem)) {
            try resolver.select("masters[3]")
        }
    }

    @Test func isAbsentByDefault() throws {
        let plain = HostPatternResolver(inventory: inventory)
        #expect(throws: InventoryError.pattern("masters", problem: "matches no host or group in the inventory")) {
            try plain.select("masters")
        }
    }
}
