import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

/// The byte writer behind every JSON k8sup prints the way Python's `json.dumps` does.
@Suite struct PythonJSONOutputTests {
    @Test func ansibleInventoryKeepsUTF8AndEscapesOnlyQuotesBackslashesAndControls() {
        let text = PythonJSONWriter.ansibleInventory(["k": "aé😀\u{7f}\u{1}\t\"\\/€z"])
        #expect(text == "{\n    \"k\": \"aé😀\u{7f}\\u0001\\t\\\"\\\\/€z\"\n}")
    }

    @Test func asciiOnlyEscapesTwoThreeAndFourByteCharactersBetweenPlainRuns() {
        #expect(PythonJSONWriter.compact(["aé b€c😀d"]) == #"["a\u00e9 b\u20acc\ud83d\ude00d"]"#)
        #expect(PythonJSONWriter.compact(["\u{8}\u{c}\r\n\u{1f}"]) == #"["\b\f\r\n\u001f"]"#)
    }

    @Test func indentsDeeperThanTheSpaceBlockItCopiesFrom() {
        var value: DataValue = "leaf"
        for _ in 0..<40 { value = [value] }
        let lines = PythonJSONWriter.pretty(value).split(separator: "\n")
        #expect(lines[40] == Substring(String(repeating: " ", count: 160) + "\"leaf\""))
        #expect(lines.last == "]")
    }

    @Test func pythonOrderComparesCodePointsNotCanonicalEquivalence() {
        let names = ["b", "a", "é", "z", "ab", "", "Z", "e\u{301}", "a\u{0}"]
        #expect(names.sorted(by: String.pythonOrder) == ["", "Z", "a", "a\u{0}", "ab", "b", "e\u{301}", "z", "é"])
        #expect(!String.pythonOrder("é", "e\u{301}") && String.pythonOrder("e\u{301}", "é"))
        #expect(!String.pythonOrder("same", "same"))
    }
}
