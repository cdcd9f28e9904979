import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `PATTERN_WITH_SUBSCRIPT`, `_split_subscript` and `_apply_subscript`, with k8sup's stricter errors.
@Suite struct HostPatternSubscriptTests {
    typealias Selection = HostPatternSubscript.Selection

    @Test(arguments: [
        ("kube_node[0]", "kube_node", Selection.index(0)), ("kube_node[-1]", "kube_node", .index(-1)),
        ("kube_node[-0]", "kube_node", .index(0)), ("kube_node[01]", "kube_node", .index(1)),
        ("g[1:3]", "g", .range(start: 1, end: 3)), ("g[1:]", "g", .range(start: 1, end: nil)),
        ("g[1-3]", "g", .range(start: 1, end: 3)), ("g[1-]", "g", .range(start: 1, end: nil)),
        ("node0[135]", "node0", .index(135)), ("g[x][1]", "g[x]", .index(1)), ("*[0]", "*", .index(0)),
        ("g[99999999999999999999]", "g", .index(Int.max)),
    ])
    func splitsOffATrailingSubscript(pattern: String, base: String, selection: Selection) {
        let (splitBase, subscriptPart) = HostPatternSubscript.split(pattern)
        #expect(splitBase == base)
        #expect(subscriptPart?.selection == selection)
    }

    @Test func keepsTheSubscriptAsWrittenForMessages() {
        #expect(HostPatternSubscript.split("g[1-]").subscript?.text == "[1-]")
    }

    @Test(arguments: ["~g[1]", "[1]", "g[a]", "g[1:2:3]", "g[-1:2]", "g[]", "g[1]x", "g[1", "g[!1]", "g[:2]"])
    func leavesPatternsWithoutASubscriptAlone(pattern: String) {
        let (base, subscriptPart) = HostPatternSubscript.split(pattern)
        #expect(base == pattern)
        #expect(subscriptPart == nil)
    }

    private let hosts = ["a", "b", "c", "d"]

    private func apply(_ pattern: String) throws -> [String] {
        let subscriptPart = try #require(HostPatternSubscript.split(pattern).subscript)
        return try subscriptPart.apply(to: hosts)
    }

    @Test(arguments: [
        ("g[0]", ["a"]), ("g[3]", ["d"]), ("g[-1]", ["d"]), ("g[-4]", ["a"]), ("g[1:2]", ["b", "c"]),
        ("g[1:]", ["b", "c", "d"]), ("g[0:0]", ["a"]), ("g[2:99]", ["c", "d"]), ("g[1-2]", ["b", "c"]),
    ])
    func selectsHostsByPosition(pattern: String, expected: [String]) throws {
        #expect(try apply(pattern) == expected)
    }

    @Test(arguments: ["g[4]", "g[-5]", "g[4:]", "g[9:12]", "g[99999999999999999999]"])
    func rejectsAPositionPastTheEnd(pattern: String) {
        #expect(throws: HostPatternSubscript.Problem.outOfRange) { try apply(pattern) }
    }

    /// Ansible returns nothing for `[3:1]` and reads `[2:0]` as `[2]` (it tests the end for truth).
    @Test(arguments: ["g[3:1]", "g[2:0]", "g[1:00]"])
    func rejectsARangeThatRunsBackwards(pattern: String) {
        #expect(throws: HostPatternSubscript.Problem.backwards) { try apply(pattern) }
    }

    @Test func rejectsAnySubscriptOfAnEmptyList() throws {
        let subscriptPart = try #require(HostPatternSubscript.split("g[0:]").subscript)
        #expect(throws: HostPatternSubscript.Problem.outOfRange) { try subscriptPart.apply(to: []) }
    }
}
