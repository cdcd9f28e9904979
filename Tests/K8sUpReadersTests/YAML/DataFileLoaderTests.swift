import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `DataFileLoader` does what Ansible's `from_yaml` does: JSON first, then YAML.
@Suite struct DataFileLoaderTests {
    @Test func validJSONIsReadWithJSONRules() throws {
        let value = try YAMLTestSupport.load(#"{"a": NaN, "b": 1E400, "c": 1e5}"#)
        guard case .float(let nan)? = value.mappingValue?["a"] else {
            Issue.record("NaN should be a float, got \(value)")
            return
        }
        #expect(nan.isNaN)
        #expect(value.mappingValue?["b"] == .float(.infinity))
        #expect(value.mappingValue?["c"] == 100_000.0)
    }

    @Test func textThatIsNotJSONIsReadAsYAML() throws {
        #expect(try YAMLTestSupport.load(#"{"a": 1, b: yes}"#) == ["a": 1, "b": true])
        #expect(try YAMLTestSupport.load(#"{"a": 1,}"#) == ["a": 1])
        #expect(try YAMLTestSupport.load(#"{"a": 1} # comment"#) == ["a": 1])
        // YAML reads NaN and 1e5 as strings: the same document types differently through each path.
        #expect(try YAMLTestSupport.load("\u{FEFF}{\"a\": NaN, \"b\": 1e5}") == ["a": "NaN", "b": "1e5"])
    }

    @Test func whenBothFailTheYAMLErrorIsReported() throws {
        let error = try #require(YAMLTestSupport.error(#"{"a": "\ud800"}"#))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 8))
        #expect(error.message.contains("not a valid Unicode character"))
    }

    @Test func emptyTextIsNilButJSONNullIsANullNode() throws {
        #expect(try DataFileLoader.load(text: "", file: "t") == nil)
        let null = try #require(try DataFileLoader.load(text: "null", file: "t"))
        #expect(null.isNull)
    }

    @Test func jsonAndYAMLGiveTheSameTreeShape() throws {
        let json = #"{"all": {"hosts": {"h1": {"port": 22}}}}"#
        let fromJSON = try #require(try DataFileLoader.load(text: json, file: "j"))
        let yaml = "all:\n  hosts:\n    h1:\n      port: 22\n"
        let fromYAML = try #require(try DataFileLoader.load(text: yaml, file: "y"))
        #expect(fromJSON.value == fromYAML.value)
        #expect(fromJSON["all"]?["hosts"]?["h1"]?["port"]?.location == SourceLocation(file: "j", line: 1, column: 35))
        #expect(fromYAML["all"]?["hosts"]?["h1"]?["port"]?.location == SourceLocation(file: "y", line: 4, column: 13))
    }
}
