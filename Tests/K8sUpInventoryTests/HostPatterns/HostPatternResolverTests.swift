import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// One test per rule of Ansible's `InventoryManager` pattern evaluation, on the `kubespray.ini` fixture
/// (see `HostPatternFixtures`) unless a rule needs another shape.
@Suite struct HostPatternResolverTests {
    private let resolver: HostPatternResolver

    init() throws {
        resolver = HostPatternResolver(inventory: try HostPatternFixtures.kubespray())
    }

    @Test func givesAGroupsOwnHostsThenThoseOfItsDescendants() throws {
        let expected = ["node01", "node02", "node03", "node04", "cp3", "node05", "node06"]
        #expect(try resolver.hosts(matching: "kube_node") == expected)
    }

    @Test func limitKeepsTheOrderOfAllWhateverThePatternsOrder() throws {
        #expect(try resolver.hosts(matching: "node02,cp1") == ["node02", "cp1"])
        #expect(try resolver.select("node02,cp1") == ["cp1", "node02"])
    }

    @Test func takesAnExactHostNameBeforeAGroupOfTheSameName() throws {
        let sameName = HostPatternResolver(inventory: try HostPatternFixtures.sameName())
        #expect(try sameName.hosts(matching: "etcd") == ["etcd"])
        // Only a plain part is looked up as a host first; `&etcd` and `etcd[0]` go through group matching.
        #expect(try sameName.hosts(matching: "&etcd") == ["cp1", "cp2"])
        #expect(try sameName.hosts(matching: "etcd[0]") == ["cp1"])
    }

    @Test func matchesHostNamesWithAPlainWordOnlyWhenNoGroupMatched() throws {
        let sameName = HostPatternResolver(inventory: try HostPatternFixtures.sameName())
        #expect(try sameName.hosts(matching: "workers:!etcd") == ["w1", "w2"])
    }

    @Test(arguments: ["etc*", "et?d", "etc[d]", "~etc"])
    func matchesBothGroupsAndHostsWithAWildcardOrRegex(pattern: String) throws {
        let sameName = HostPatternResolver(inventory: try HostPatternFixtures.sameName())
        #expect(try sameName.hosts(matching: pattern) == ["cp1", "cp2", "etcd"])
    }

    /// Checked with Ansible on the same shape: `[web.prod] a`, `[webprod] b`, `[ungrouped] web.prod webprod`.
    @Test func treatsADotAsAskingForHostMatchingToo() throws {
        let inventory = try HostPatternFixtures.inventory(
            ini: "[web.prod]\na\n[webprod]\nb\n[ungrouped]\nweb.prod\nwebprod\n")
        let resolver = HostPatternResolver(inventory: inventory)
        // Not an exact-host lookup (the `&`, the subscript), so the group matches; the `.` adds the host.
        #expect(try resolver.hosts(matching: "web.prod[0:]") == ["a", "web.prod"])
        #expect(try resolver.hosts(matching: "&web.prod") == ["web.prod", "a"])
        #expect(try resolver.hosts(matching: "&webprod") == ["b"])
    }

    @Test func appliesUnionsThenIntersectionsThenExclusionsWhateverTheirOrder() throws {
        #expect(try resolver.hosts(matching: "!etcd:kube_node:&edge-site") == ["node04", "node06"])
        #expect(try resolver.hosts(matching: "&edge-site,!etcd,kube_node") == ["node04", "node06"])
    }

    @Test func startsFromAllWhenThePatternOnlyExcludesOrIntersects() throws {
        #expect(try resolver.hosts(matching: "!k8s_cluster") == ["10.0.0.5", "standalone", "bastion.example.com"])
    }

    @Test func listsEachHostOnceInFirstSeenOrder() throws {
        #expect(try resolver.hosts(matching: "cp1,etcd,cp1,kube_control_plane") == ["cp1", "cp2", "cp3"])
    }

    /// `kube*` gives kube_control_plane's hosts then kube_node's, cp3 twice; Ansible indexes that list.
    @Test func indexesTheListWithRepeatsWhenSeveralGroupsMatch() throws {
        #expect(try resolver.hosts(matching: "kube*[7]") == ["cp3"])
        #expect(try resolver.hosts(matching: "kube*[8]") == ["node05"])
    }

    @Test func matchesTheBuiltInGroupsByWildcard() throws {
        #expect(try resolver.hosts(matching: "ungr*") == ["10.0.0.5", "standalone"])
    }

    @Test func readsANumericBracketAtTheEndAsASubscriptNotACharacterSet() throws {
        let hint =
            "matches no host or group in the inventory ('node0[1-3]' reads as 'node0' followed by the "
            + "subscript [1-3]; to match characters, use a regular expression such as '~node0[1-3]$')"
        #expect(throws: InventoryError.pattern("node0[1-3]", problem: hint)) {
            try resolver.hosts(matching: "node0[1-3]")
        }
        #expect(try resolver.hosts(matching: "~node0[1-3]$") == ["node01", "node02", "node03"])
        let noSuggestion =
            "matches no host or group in the inventory ('*0[56]' reads as '*0' followed by the "
            + "subscript [56])"
        #expect(throws: InventoryError.pattern("*0[56]", problem: noSuggestion)) {
            try resolver.hosts(matching: "*0[56]")
        }
    }

    @Test func readsAHostAndPortAsOnePatternLikeAnsible() {
        #expect(throws: InventoryError.pattern("cp1:22", problem: "matches no host or group in the inventory")) {
            try resolver.hosts(matching: "cp1:22")
        }
    }

    @Test func matchesNamesCaseSensitively() {
        #expect(throws: InventoryError.pattern("KUBE_NODE", problem: "matches no host or group in the inventory")) {
            try resolver.select("KUBE_NODE")
        }
    }

    @Test(arguments: ["localhost", "127.0.0.1"])
    func hasNoImplicitLocalhost(pattern: String) {
        #expect(throws: InventoryError.pattern(pattern, problem: "matches no host or group in the inventory")) {
            try resolver.select(pattern)
        }
    }

    @Test func appliesALimitToAPattern() throws {
        #expect(try resolver.hosts(matching: "k8s_cluster", limit: "gpu_node:cp1") == ["cp1", "node05", "node06"])
        #expect(throws: InventoryError.pattern("etcd", problem: "selects no hosts within the limit 'gpu_node'")) {
            try resolver.hosts(matching: "etcd", limit: "gpu_node")
        }
    }

    @Test func reportsTheInvalidRegexByName() {
        let problem = "'~node[' is not a valid regular expression"
        #expect(throws: InventoryError.pattern("~node[,cp1", problem: problem)) {
            try resolver.select("~node[,cp1")
        }
    }

    @Test func rendersTheListLikeAnsibleListHosts() throws {
        let listing = HostListRenderer.listHosts(try resolver.select("gpu_node,cp1"))
        #expect(listing == "  hosts (3):\n    cp1\n    node06\n    node05\n")
        #expect(HostListRenderer.listHosts([]) == "  hosts (0):\n")
    }
}
