import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `split_host_pattern` and `order_patterns`. Expected splits were checked against Ansible through the
/// "Could not match supplied host pattern, ignoring: …" warnings it prints for each piece.
@Suite struct HostPatternSplitterTests {
    @Test func splitsAtCommasTrimsPiecesAndDropsEmptyOnes() throws {
        #expect(try HostPatternSplitter.split(" cp1 , node03 ,, ") == ["cp1", "node03"])
    }

    @Test func commasWinOverColonsAndWhitespace() throws {
        #expect(try HostPatternSplitter.split("a:b c,d") == ["a:b c", "d"])
    }

    @Test func splitsAtColonsWhenThereIsNoComma() throws {
        #expect(try HostPatternSplitter.split("kube_node:&edge-site:!etcd") == ["kube_node", "&edge-site", "!etcd"])
    }

    @Test func splitsAtWhitespaceWhenThereIsNoComma() throws {
        #expect(try HostPatternSplitter.split("a b\tc:d") == ["a", "b", "c", "d"])
    }

    @Test func usesPythonsWhitespaceIncludingTheAsciiSeparators() throws {
        #expect(try HostPatternSplitter.split("a\u{1F}b") == ["a", "b"])
        #expect(try HostPatternSplitter.split("\u{A0}cp1\u{A0},x") == ["cp1", "x"])
    }

    @Test func splitsAtACommaEvenWhenACombiningMarkFollowsIt() throws {
        #expect(try HostPatternSplitter.split("a,\u{301}b") == ["a", "\u{301}b"])
    }

    @Test(arguments: [
        "fe80::1", "2001:db8::1", "1:2:3:4:5:6:7:8", "::", "::ffff:10.0.0.1", "cp1:22", "[cp1]:22",
        "node[1:3]", "node[a:f]", "10.0.0.[1:9]", "cp[1:3]:22", "web-1.example.com:2222",
        "cp1:99999999999999999999", "x\u{661}:22",
    ])
    func keepsAPatternThatReadsAsOneHostAddressWhole(pattern: String) throws {
        #expect(try HostPatternSplitter.split(pattern) == [pattern])
    }

    @Test(arguments: [
        ("dead:beef", ["dead", "beef"]), ("fe80::1:cp1", ["fe80", "1", "cp1"]), ("x1:x2", ["x1", "x2"]),
        ("ab-:x", ["ab-", "x"]), ("_a:x", ["_a", "x"]), ("10.0.0.[1:9]:x", ["10.0.0.[1:9]", "x"]),
    ])
    func splitsWhatDoesNotReadAsAnAddress(pattern: String, pieces: [String]) throws {
        #expect(try HostPatternSplitter.split(pattern) == pieces)
    }

    /// Python's `int()` refuses a port of more than 4300 digits, so `parse_address` raises and Ansible splits.
    @Test func splitsAtColonsWhenThePortIsBeyondPythonsDigitLimit() throws {
        let port = String(repeating: "9", count: 4301)
        #expect(try HostPatternSplitter.split("cp1:" + port) == ["cp1", port])
    }

    @Test func keepsBracketExpressionsTogetherWhenSplittingAtColons() throws {
        #expect(try HostPatternSplitter.split("etcd:kube_node[1:3]:gpu[2:]") == ["etcd", "kube_node[1:3]", "gpu[2:]"])
        #expect(try HostPatternSplitter.split("a[x y:z]:b") == ["a[x y:z]", "b"])
    }

    /// Ansible drops the bracket and reads `kube_node[0` as `kube_node` and `0`: the whole group.
    @Test(arguments: [
        ("kube_node[0", "has a '[' without a matching ']'"), ("~node0[", "has a '[' without a matching ']'"),
        ("kube_node[0]]", "has a ']' without a matching '['"), ("x]:y", "has a ']' without a matching '['"),
    ])
    func refusesAnUnbalancedBracketWhenSplittingAtColons(pattern: String, problem: String) {
        #expect(throws: InventoryError.pattern(pattern, problem: problem)) {
            try HostPatternSplitter.split(pattern)
        }
    }

    @Test func leavesUnbalancedBracketsAloneWhenSplittingAtCommas() throws {
        #expect(try HostPatternSplitter.split("kube_node[0,x") == ["kube_node[0", "x"])
    }

    @Test(arguments: ["", "  ", ",", " , ,", ":", " : "])
    func givesNothingForAnEmptyPattern(pattern: String) throws {
        #expect(try HostPatternSplitter.split(pattern) == [])
    }

    @Test func ordersPlainPatternsThenIntersectionsThenExclusions() {
        let ordered = HostPatternSplitter.ordered(["!a", "b", "&c", "", "d", "!e", "&f"], text: { $0 }, all: "all")
        #expect(ordered == ["b", "d", "&c", "&f", "!a", "!e"])
    }

    @Test func startsFromAllWhenThereIsNoPlainPattern() {
        #expect(HostPatternSplitter.ordered(["!a", "&b"], text: { $0 }, all: "all") == ["all", "&b", "!a"])
    }
}
