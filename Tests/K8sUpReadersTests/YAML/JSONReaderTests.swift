import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The JSON reader follows Python's `json.loads` and Ansible's decoder hook.
@Suite struct JSONReaderTests {
    private func json(_ text: String) throws -> DataValue {
        try JSONReader.parse(text, file: "t.json").value
    }

    private func rejects(_ text: String) -> Bool {
        (try? JSONReader.parse(text, file: "t.json")) == nil
    }

    @Test func objectsKeepOrderAndDuplicatesKeepFirstPositionLastValue() throws {
        let node = try JSONReader.parse(#"{"b": 1, "a": 2, "b": 3}"#, file: "t.json")
        let entries = try #require(node.mappingEntries)
        #expect(entries.compactMap(\.key.stringValue) == ["b", "a"])
        #expect(entries.map(\.value.value) == [3, 2])
    }

    @Test func numbersAreIntegersUnlessTheyHaveAFractionOrExponent() throws {
        #expect(try json("[1, 1.0, 1e2, 1E+5, 1e-5, -0]") == [1, 1.0, 100.0, 100_000.0, 0.00001, 0])
        let negativeZero = try json("-0.0")
        #expect(negativeZero == .float(-0.0))
        if case .float(let number) = negativeZero { #expect(number.sign == .minus) }
    }

    @Test func bigIntegersKeepTheirDigits() throws {
        #expect(try json("123456789012345678901234567890") == .bigInt("123456789012345678901234567890"))
        #expect(try json("-123456789012345678901234567890") == .bigInt("-123456789012345678901234567890"))
        #expect(try json("9223372036854775807") == .int(Int.max))
        #expect(rejects(String(repeating: "9", count: 4301)))
    }

    @Test func pythonsNonStandardConstants() throws {
        let values = try #require(try json("[NaN, Infinity, -Infinity, 1E400]").listValue)
        guard case .float(let nan) = values[0] else { throw JSONTestFailure() }
        #expect(nan.isNaN)
        #expect(Array(values.dropFirst()) == [.float(.infinity), .float(-.infinity), .float(.infinity)])
    }

    @Test func stringEscapes() throws {
        #expect(
            try json(#""tab\t nl\n quote\" slash\/ back\\ \b\f\r""#)
                == "tab\t nl\n quote\" slash/ back\\ \u{8}\u{C}\r")
        #expect(try json(#""\u00e9\u00E9 \ud83d\ude00""#) == "éé 😀")
        #expect(try json("\"\u{7F} é\"") == "\u{7F} é")
    }

    @Test(arguments: [
        "[01]", "[1.]", "[.5]", "[+1]", "[1,]", #"{"a":1,}"#, "// c\n[1]", "['a']", "\u{FEFF}[1]", "[1] [2]",
        "\"a\tb\"", #""\x41""#, "[True]", "-", "[-]", "[nan]", "[-NaN]", "[- 1]", "", "   ", #"{"a" 1}"#, "{1: 2}",
        #""unterminated"#, #""\u12""#, "[1 2]", #""\ud800x""#,
    ])
    func strictSyntaxErrors(text: String) {
        #expect(rejects(text))
    }

    @Test func whitespaceIsOnlySpaceTabAndLineBreaks() throws {
        #expect(try json(" \r\n\t[1] \n") == [1])
        #expect(rejects("\u{A0}[1]"))
    }

    @Test func errorsHaveLineAndColumn() throws {
        let expected = YAMLError(
            "invalid JSON: expecting ',' delimiter",
            at: SourceLocation(file: "t.json", line: 2, column: 5))
        #expect(throws: expected) {
            _ = try JSONReader.parse("[1,\n  2 3]", file: "t.json")
        }
    }

    @Test func nodesHavePositions() throws {
        let node = try JSONReader.parse("{\n  \"é\": [1, \"x\"],\n  \"b\": null\n}", file: "t.json")
        #expect(node.location == SourceLocation(file: "t.json", line: 1, column: 1))
        let entries = try #require(node.mappingEntries)
        #expect(entries[0].key.location == SourceLocation(file: "t.json", line: 2, column: 3))
        #expect(entries[0].value.sequenceItems?.map(\.location.column) == [9, 12])
        #expect(entries[1].value.location == SourceLocation(file: "t.json", line: 3, column: 8))
    }

    @Test func ansibleUnsafeAndVaultObjectsBecomeTaggedStrings() throws {
        let node = try JSONReader.parse(
            #"{"u": {"__ansible_unsafe": "{{ x }}", "other": 1}, "v": {"__ansible_vault": "$ANSIBLE_VAULT"}}"#,
            file: "t.json")
        #expect(node["u"]?.content == .unsafeString("{{ x }}"))
        #expect(node["v"]?.content == .vaultString("$ANSIBLE_VAULT"))
        #expect(node.value == ["u": ["__ansible_unsafe": "{{ x }}"], "v": ["__ansible_vault": "$ANSIBLE_VAULT"]])
    }

    @Test func unsafeWinsOverVaultAndNonStringsAreRejected() throws {
        let both = try JSONReader.parse(#"{"__ansible_vault": "v", "__ansible_unsafe": "u"}"#, file: "t.json")
        #expect(both.content == .unsafeString("u"))
        #expect(rejects(#"{"a": {"__ansible_unsafe": 5}}"#))
        #expect(rejects(#"{"a": {"__ansible_vault": ["x"]}}"#))
        #expect(rejects(#"{"a": {"__ansible_type": "x"}}"#))
    }

    @Test func nestingIsLimited() throws {
        let depth = JSONReader.maximumDepth
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(!rejects(deep))
        #expect(rejects("[" + deep + "]"))
    }

    private struct JSONTestFailure: Error {}
}
