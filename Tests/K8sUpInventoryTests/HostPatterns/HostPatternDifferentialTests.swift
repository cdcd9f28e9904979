import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Host lists (space-separated) captured from the real Ansible (ansible-core 2.19.14, in an empty directory so no
/// `ansible.cfg` applies) against `Fixtures/HostPatterns/*.ini`, pasted here as expectations:
///
///     ansible -i kubespray.ini 'PATTERN' --list-hosts               → `pattern` (the pattern's own order)
///     ansible -i kubespray.ini all --limit 'PATTERN' --list-hosts   → `limit` (the order of `all`)
///
/// Both fixtures are shaped so that Ansible's order is deterministic (at each depth below `all` at most
/// one group has child groups; deeper levels are otherwise walked in Python set order), so the lists are
/// compared in order, not as sets. Patterns where k8sup deliberately differs from Ansible are tested in
/// `HostPatternAnsibleDifferenceTests` instead.
@Suite struct HostPatternDifferentialTests {
    @Test(arguments: [
        (
            "all", "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        (
            "*", "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        (
            "**", "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        (
            "k8s_cluster", "cp1 cp2 cp3 node01 node02 node03 node04 node05 node06",
            "cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        ("kube_control_plane", "cp1 cp2 cp3", "cp1 cp2 cp3"),
        ("kube_node", "node01 node02 node03 node04 cp3 node05 node06", "cp3 node04 node06 node01 node02 node03 node05"),
        ("etcd", "cp1 cp2 cp3", "cp1 cp2 cp3"),
        ("gpu_node", "node05 node06", "node06 node05"),
        ("ungrouped", "10.0.0.5 standalone", "10.0.0.5 standalone"),
        ("bastion", "bastion.example.com", "bastion.example.com"),
        ("edge-site", "node04 node06", "node04 node06"),
        ("cp1", "cp1", "cp1"),
        ("10.0.0.5", "10.0.0.5", "10.0.0.5"),
        ("bastion.example.com", "bastion.example.com", "bastion.example.com"),
        ("cp1,node02", "cp1 node02", "cp1 node02"),
        ("node02,cp1", "node02 cp1", "cp1 node02"),
        ("node02:cp1", "node02 cp1", "cp1 node02"),
        ("10.0.0.5:cp1", "10.0.0.5 cp1", "10.0.0.5 cp1"),
        ("bastion.example.com:cp1", "bastion.example.com cp1", "bastion.example.com cp1"),
        ("cp1 cp2", "cp1 cp2", "cp1 cp2"),
        (" cp1 , node03 ", "cp1 node03", "cp1 node03"),
        ("kube_node:!gpu_node", "node01 node02 node03 node04 cp3", "cp3 node04 node01 node02 node03"),
        ("kube_node:&edge-site", "node04 node06", "node04 node06"),
        (
            "k8s_cluster:!kube_control_plane", "node01 node02 node03 node04 node05 node06",
            "node04 node06 node01 node02 node03 node05"
        ),
        (
            "!kube_control_plane", "10.0.0.5 standalone bastion.example.com node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com node04 node06 node01 node02 node03 node05"
        ),
        ("&etcd", "cp1 cp2 cp3", "cp1 cp2 cp3"),
        ("&kube_node:!gpu_node", "cp3 node04 node01 node02 node03", "cp3 node04 node01 node02 node03"),
        ("etcd:&kube_node", "cp3", "cp3"),
        ("kube_node:!etcd:&edge-site", "node04 node06", "node04 node06"),
        ("!etcd:kube_node", "node01 node02 node03 node04 node05 node06", "node04 node06 node01 node02 node03 node05"),
        ("edge-site:&gpu_node", "node06", "node06"),
        ("k8s_cluster:!kube_node:!calico_rr", "cp1 cp2", "cp1 cp2"),
        (
            "all:!ungrouped:!bastion", "cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        ("calico_rr:cp1", "cp1", "cp1"),
        ("gpu_node:edge-site", "node05 node06 node04", "node04 node06 node05"),
        ("node0*", "node01 node02 node03 node04 node05 node06", "node04 node06 node01 node02 node03 node05"),
        ("node0?", "node01 node02 node03 node04 node05 node06", "node04 node06 node01 node02 node03 node05"),
        ("?p?", "cp1 cp2 cp3", "cp1 cp2 cp3"),
        ("*site", "node04 node06", "node04 node06"),
        ("node0[!1-4]", "node05 node06", "node06 node05"),
        ("node0[1-3]*", "node01 node02 node03", "node01 node02 node03"),
        ("cp[!1]", "cp2 cp3", "cp2 cp3"),
        ("[cn]*1", "cp1 node01", "cp1 node01"),
        (
            "[!c]*", "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        ("*.example.com", "bastion.example.com", "bastion.example.com"),
        ("10.0.0.*", "10.0.0.5", "10.0.0.5"),
        ("ungr*", "10.0.0.5 standalone", "10.0.0.5 standalone"),
        (
            "al?", "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        (
            "kube*", "cp1 cp2 cp3 node01 node02 node03 node04 node05 node06",
            "cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        (
            "~", "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05",
            "10.0.0.5 standalone bastion.example.com cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        ("~node0[1-3]", "node01 node02 node03", "node01 node02 node03"),
        ("~node0[13]", "node01 node03", "node01 node03"),
        ("~cp", "cp1 cp2 cp3", "cp1 cp2 cp3"),
        ("~^cp[23]$", "cp2 cp3", "cp2 cp3"),
        ("~.*0[56]", "node05 node06", "node06 node05"),
        (
            "~kube", "cp1 cp2 cp3 node01 node02 node03 node04 node05 node06",
            "cp1 cp2 cp3 node04 node06 node01 node02 node03 node05"
        ),
        ("~(cp|node0)1", "cp1 node01", "cp1 node01"),
        ("kube_node:&~node0[4-6]", "node04 node05 node06", "node04 node06 node05"),
        ("k8s_cluster:!~node.*", "cp1 cp2 cp3", "cp1 cp2 cp3"),
        ("kube_node[0]", "node01", "node01"),
        ("kube_node[-1]", "node06", "node06"),
        ("kube_node[-0]", "node01", "node01"),
        ("kube_node[01]", "node02", "node02"),
        ("kube_node[1:3]", "node02 node03 node04", "node04 node02 node03"),
        ("kube_node[2:]", "node03 node04 cp3 node05 node06", "cp3 node04 node06 node03 node05"),
        ("kube_node[0:0]", "node01", "node01"),
        ("kube_node[00:01]", "node01 node02", "node01 node02"),
        ("kube_node[5:99]", "node05 node06", "node06 node05"),
        ("kube_node[1-2]", "node02 node03", "node02 node03"),
        ("kube_node[1-]", "node02 node03 node04 cp3 node05 node06", "cp3 node04 node06 node02 node03 node05"),
        ("k8s_cluster[0:1]", "cp1 cp2", "cp1 cp2"),
        ("edge-site[1]", "node06", "node06"),
        ("kube*[7]", "cp3", "cp3"),
        ("*[0]", "10.0.0.5", "10.0.0.5"),
        ("*[7]", "node06", "node06"),
        ("cp1[0]", "cp1", "cp1"),
        ("kube_node[0]:kube_control_plane[-1]", "node01 cp3", "cp3 node01"),
        ("etcd[0],kube_node[0]", "cp1 node01", "cp1 node01"),
    ])
    func kubesprayFixtureMatchesAnsible(pattern: String, expected: String, limitExpected: String) throws {
        let resolver = HostPatternResolver(inventory: try HostPatternFixtures.kubespray())
        #expect(try resolver.hosts(matching: pattern) == Self.names(expected))
        #expect(try resolver.select(pattern) == Self.names(limitExpected))
    }

    /// With the operator aliases switched on: `workers` is a real group here, so it keeps its Ansible meaning.
    @Test(arguments: [
        ("all", "etcd cp1 cp2 w1 w2", "etcd cp1 cp2 w1 w2"),
        ("etcd", "etcd", "etcd"),
        ("!etcd", "etcd w1 w2", "etcd w1 w2"),
        ("&etcd", "cp1 cp2", "cp1 cp2"),
        ("etcd[0]", "cp1", "cp1"),
        ("etcd[-1]", "cp2", "cp2"),
        ("etc*", "cp1 cp2 etcd", "etcd cp1 cp2"),
        ("etcd,cp1", "etcd cp1", "etcd cp1"),
        ("cp1,etcd", "cp1 etcd", "etcd cp1"),
        ("workers:!etcd", "w1 w2", "w1 w2"),
        ("workers:etcd", "w1 w2 etcd", "etcd w1 w2"),
        ("ungrouped", "etcd", "etcd"),
        ("etcd:&ungrouped", "etcd", "etcd"),
        ("~etcd", "cp1 cp2 etcd", "etcd cp1 cp2"),
    ])
    func hostAndGroupSharingANameMatchAnsible(pattern: String, expected: String, limitExpected: String) throws {
        let aliases = PatternAliases(controlPlane: ["cp1"], workers: ["cp2"])
        let resolver = HostPatternResolver(inventory: try HostPatternFixtures.sameName(), aliases: aliases)
        #expect(try resolver.hosts(matching: pattern) == Self.names(expected))
        #expect(try resolver.select(pattern) == Self.names(limitExpected))
    }

    /// Host names as Ansible lists them, one per line, pasted here space-separated.
    private static func names(_ list: String) -> [String] {
        list.split(separator: " ").map(String.init)
    }

    /// `ansible -i kubespray.ini 'kube_node' --limit 'edge-site:cp3' --list-hosts`: the pattern's order.
    @Test func patternWithLimitKeepsThePatternsOrder() throws {
        let resolver = HostPatternResolver(inventory: try HostPatternFixtures.kubespray())
        #expect(try resolver.hosts(matching: "kube_node", limit: "edge-site:cp3") == ["node04", "cp3", "node06"])
    }
}
