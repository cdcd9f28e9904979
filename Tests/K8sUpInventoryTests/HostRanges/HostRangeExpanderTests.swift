import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct HostRangeExpanderTests {
    /// Generated with ansible-core 2.19's `BaseInventoryPlugin._expand_hostpattern`.
    static let cases: [(String, [String], Int?)] = [
        ("node1", ["node1"], nil),
        ("node1:22", ["node1"], 22),
        ("node[1:3]", ["node1", "node2", "node3"], nil),
        ("node[01:03]:2222", ["node01", "node02", "node03"], 2222),
        ("node[1:3]-[a:b]", ["node1-a", "node1-b", "node2-a", "node2-b", "node3-a", "node3-b"], nil),
        (
            "db[01:10:3]node-[01:02]",
            [
                "db01node-01", "db01node-02", "db04node-01", "db04node-02", "db07node-01", "db07node-02", "db10node-01",
                "db10node-02",
            ], nil
        ),
        ("n[5:1:-1]", ["n5", "n4", "n3"], nil),
        ("n[ab:d]", ["na", "nb", "nc", "nd"], nil),
        ("n[y:B]", ["ny", "nz", "nA", "nB"], nil),
        ("n[:2]", ["n0", "n1", "n2"], nil),
        ("n[08:11]", ["n08", "n09", "n10", "n11"], nil),
        ("n[001:003:2]", ["n001", "n003"], nil),
        ("n[-1:1]", ["n-1", "n0", "n1"], nil),
        ("n[ 1: 3]", ["n1", "n2", "n3"], nil),
        ("n[1_0:1_2]", ["n10", "n11", "n12"], nil),
        ("n[\u{661}:\u{663}]", ["n1", "n2", "n3"], nil),
        ("host_:22", ["host_:22"], nil),
        ("h[1:2]]", ["h1]", "h2]"], nil),
        ("10.0.[0:1].[1:2]", ["10.0.0.1", "10.0.0.2", "10.0.1.1", "10.0.1.2"], nil),
        ("[::1]:22", ["::1"], 22),
        ("x[1:1][1:1][1:1]", ["x111"], nil),
        ("a[0:2]b[0:1]c", ["a0b0c", "a0b1c", "a1b0c", "a1b1c", "a2b0c", "a2b1c"], nil),
        ("n[z:A]", ["nz", "nA"], nil),
        ("n[-3:-1]", ["n-3", "n-2", "n-1"], nil),
        ("n[-05:-03]", ["n-5", "n-4", "n-3"], nil),
        ("n[0:4:+2]", ["n0", "n2", "n4"], nil),
    ]

    @Test(arguments: cases)
    func expandsLikeAnsiblesExpandHostpattern(pattern: String, names: [String], port: Int?) throws {
        let expanded = try HostRangeExpander.expandHostPattern(pattern)
        #expect(expanded.names == names)
        #expect(expanded.port == port)
    }

    /// Patterns Ansible rejects, with the problem k8sup names.
    @Test(arguments: [
        ("n[1:3", "has no matching ']'"), ("n[1]", "must be [begin:end] or [begin:end:step]"),
        ("n[1:2:3:4]", "must be [begin:end] or [begin:end:step]"), ("n[1:]", "has no end value"),
        ("n[01:100]", "begin and end of the same length"), ("n[a:5]", "the begin 'a' is not a number"),
        ("n[1:b]", "the end 'b' is not a number"), ("n[Z:a]", "begin <= end"), ("n[1:5:x]", "the step 'x' is not"),
        ("n[1:5:]", "the step '' is not"), ("n|x[1:2]", "cannot contain '|'"), ("[::1]", "has no end value"),
        ("n[1:9:0]", "the step must not be 0"), ("n[a:c:0]", "the step must not be 0"),
        ("n[0:99999999999999999999]", "the end value is too large"),
    ])
    func malformedRangesAreErrors(pattern: String, problem: String) {
        #expect {
            try HostRangeExpander.expandHostPattern(pattern)
        } throws: { error in
            guard let error = error as? HostRangeError, case .badRange(let named, let message) = error else {
                return false
            }
            return named == pattern && message.contains(problem)
        }
    }

    /// Deliberate difference: Ansible silently defines no hosts for these.
    @Test(arguments: ["n[5:1]", "n[a:e:-1]", "n[3:2:-1]", "x[1:2]y[9:8]"])
    func rangesSelectingNothingAreErrors(pattern: String) {
        #expect {
            try HostRangeExpander.expandHostPattern(pattern)
        } throws: { error in
            guard case .emptyRange(let named, _)? = error as? HostRangeError else { return false }
            return named == pattern
        }
    }

    @Test func absurdExpansionsAreRefusedQuickly() {
        for pattern in ["n[0:100000000]", "n[0:999][0:999]", "n[0:99999][0:1][0:1][0:1]"] {
            #expect(throws: HostRangeError.tooManyHosts(pattern: pattern, limit: HostRangeExpander.maximumHosts)) {
                try HostRangeExpander.expandHostPattern(pattern)
            }
        }
    }

    @Test func manyRangesInOneNameExpandWithoutRecursion() throws {
        let pattern = "h" + String(repeating: "[1:1]", count: HostRangeExpander.maximumRanges)
        #expect(
            try HostRangeExpander.expand(pattern) == [
                "h" + String(repeating: "1", count: HostRangeExpander.maximumRanges)
            ])
    }

    @Test func expansionsBuildingTooMuchTextAreRefusedQuickly() {
        let manyRanges = "h" + String(repeating: "[1:1]", count: HostRangeExpander.maximumRanges + 1)
        let longName = String(repeating: "x", count: 300_000) + "[1:99]"
        for pattern in [manyRanges, longName] {
            #expect(throws: HostRangeError.tooLarge(pattern: pattern)) { try HostRangeExpander.expand(pattern) }
        }
    }

    @Test func namesWithoutRangesAreReturnedAsTheyAre() throws {
        #expect(try HostRangeExpander.expand("plain") == ["plain"])
        #expect(try HostRangeExpander.expandHostPattern("host_:22") == (["host_:22"], nil))
    }
}
