import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct HostAddressTests {
    /// What `parse_address` returns or raises.
    enum Outcome: Sendable, Equatable {
        case address(String, Int?)
        case notAnAddress
    }

    /// Generated with ansible-core 2.19's `parse_address(text, allow_ranges=True)`.
    static let cases: [(String, Outcome)] = [
        ("host", .address("host", nil)),
        ("host:22", .address("host", 22)),
        ("host.example.com:2222", .address("host.example.com", 2222)),
        ("Host-1.Example.COM", .address("Host-1.Example.COM", nil)),
        ("192.0.2.1", .address("192.0.2.1", nil)),
        ("192.0.2.1:22", .address("192.0.2.1", 22)),
        ("256.1.1.1", .address("256.1.1.1", nil)),
        ("1.2.3", .address("1.2.3", nil)),
        ("::1", .address("::1", nil)),
        ("[::1]:22", .address("::1", 22)),
        ("[::1]", .notAnAddress),
        ("::", .address("::", nil)),
        ("fe80::1:22", .address("fe80::1:22", nil)),
        ("2001:db8::1", .address("2001:db8::1", nil)),
        ("2001:db8:0:0:0:0:0:1", .address("2001:db8:0:0:0:0:0:1", nil)),
        ("1:2:3:4:5:6:7:8", .address("1:2:3:4:5:6:7:8", nil)),
        ("1:2:3:4:5:6:7::", .notAnAddress),
        ("::2:3:4:5:6:7:8", .notAnAddress),
        ("1:2:3:4:5:6:7:8:9", .notAnAddress),
        ("1::2::3", .notAnAddress),
        ("::ffff:192.0.2.1", .address("::ffff:192.0.2.1", nil)),
        ("0:0:0:0:0:0:192.0.2.1", .address("0:0:0:0:0:0:192.0.2.1", nil)),
        ("0:0:0:0:0:ffff:1.2.3.4", .address("0:0:0:0:0:ffff:1.2.3.4", nil)),
        ("1:0:0:0:0:0:1.2.3.4", .notAnAddress),
        ("[2001:db8::1]:8080", .address("2001:db8::1", 8080)),
        ("ffff::", .address("ffff::", nil)),
        ("12345::", .notAnAddress),
        ("host_", .notAnAddress),
        ("_host", .address("_host", nil)),
        ("-host", .notAnAddress),
        ("host-", .notAnAddress),
        ("ho_st", .address("ho_st", nil)),
        ("ho st", .notAnAddress),
        ("h\u{E9}st", .address("h\u{E9}st", nil)),
        ("node[1:3]", .address("node[1:3]", nil)),
        ("node[01:10]:22", .address("node[01:10]", 22)),
        ("node-[a:f]", .address("node-[a:f]", nil)),
        ("node[A:F]", .address("node[A:F]", nil)),
        ("node[1:3:2]", .address("node[1:3:2]", nil)),
        ("node[x:z:2]", .address("node[x:z:2]", nil)),
        ("10.0.0.[1:5]", .address("10.0.0.[1:5]", nil)),
        ("10.0.[0:1].[1:254:2]", .address("10.0.[0:1].[1:254:2]", nil)),
        ("[10.0.0.1]:22", .address("10.0.0.1", 22)),
        ("[host]:22", .address("host", 22)),
        ("[a:5]:22", .address("a", 5)),
        ("h[1:2]]", .notAnAddress),
        ("x]y", .notAnAddress),
        ("h:", .notAnAddress),
        ("h:22x", .notAnAddress),
        ("2001:db8::[1:f]", .address("2001:db8::[1:f]", nil)),
        ("::ffff:[0:1].2.3.4", .address("::ffff:[0:1].2.3.4", nil)),
        ("a..b", .notAnAddress),
        (".a", .notAnAddress),
        ("a.", .notAnAddress),
        ("a.-b", .notAnAddress),
        ("a_.b", .notAnAddress),
        ("[]:22", .notAnAddress),
        ("h[ab:c]", .notAnAddress),
        ("h[1:]", .notAnAddress),
        ("h[:2]", .notAnAddress),
        ("host:99999", .address("host", 99999)),
        ("host:007", .address("host", 7)),
    ]

    @Test(arguments: cases)
    func parsesLikeAnsiblesParseAddress(text: String, expected: Outcome) {
        let result = Result { () throws(HostRangeError) in try HostAddress.parse(text, allowRanges: true) }
        switch result {
        case .success(let address): #expect(Outcome.address(address.host, address.port) == expected, "\(text)")
        case .failure(let error):
            #expect(expected == .notAnAddress, "\(text): \(error)")
            #expect(error == .notAnAddress(text))
        }
    }

    @Test func rangesAreRefusedWhenNotAllowed() throws {
        #expect(throws: HostRangeError.rangeNotAllowed("node[1:3]")) {
            try HostAddress.parse("node[1:3]:22", allowRanges: false)
        }
        #expect(try HostAddress.parse("node1:22", allowRanges: false) == HostAddress(host: "node1", port: 22))
    }

    @Test func aPortBeyondIntIsAnErrorNotAWrongNumber() {
        #expect(throws: HostRangeError.portOutOfRange(pattern: "h:99999999999999999999", port: "99999999999999999999"))
        {
            try HostAddress.parse("h:99999999999999999999", allowRanges: true)
        }
    }

    @Test func dollarAlsoMatchesBeforeAFinalNewlineAsInPython() throws {
        #expect(try HostAddress.parse("host:22\n", allowRanges: true) == HostAddress(host: "host", port: 22))
        #expect(try HostAddress.parse("10.0.0.1\n", allowRanges: true) == HostAddress(host: "10.0.0.1\n", port: nil))
        #expect(throws: HostRangeError.self) { try HostAddress.parse("[a\nb]:22", allowRanges: true) }
    }
}
