import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Streams and documents, directives, encodings, line breaks, tabs and forbidden characters.
@Suite struct YAMLDocumentTests {
    @Test(arguments: ["", "# only a comment\n", "\n\n", "---", "---\n", "--- # comment\n", "---\n...\n", "\u{FEFF}"])
    func emptyStreamsAndDocumentsGiveNil(text: String) throws {
        #expect(try YAMLTestSupport.node(text) == nil)
        #expect(try DataFileLoader.load(text: text, file: "t.yml") == nil)
    }

    @Test func explicitNullDocumentIsANullNode() throws {
        let node = try #require(try YAMLTestSupport.node("~\n"))
        #expect(node.isNull)
        #expect(node.location == SourceLocation(file: "t.yml", line: 1, column: 1))
    }

    @Test func documentMarkersAroundOneDocument() throws {
        #expect(try YAMLTestSupport.load("---\na: 1\n...\n") == ["a": 1])
        #expect(try YAMLTestSupport.load("a: 1\n...\n...\n# trailing\n") == ["a": 1])
        #expect(try YAMLTestSupport.load("--- text\n") == "text")
        #expect(try YAMLTestSupport.load("--- |\n  whole\n") == "whole\n")
        #expect(try YAMLTestSupport.load("---\n- a\n") == ["a"])
    }

    @Test func aSecondDocumentIsAnError() throws {
        let error = try #require(YAMLTestSupport.error("a: 1\n---\nb: 2\n"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 2, column: 1))
        #expect(error.message.contains("second YAML document"))
        #expect(YAMLTestSupport.error("--- |\n  x\n--- y\n") != nil)
        #expect(YAMLTestSupport.error("a: 1\n---\n") != nil)
    }

    @Test func contentAfterDocumentEndNeedsADocumentStart() throws {
        let error = try #require(YAMLTestSupport.error("a\n...\nb\n"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 3, column: 1))
        #expect(error.message.contains("found 'b' after the end of the document"))
    }

    @Test func documentEndAloneIsAnError() throws {
        #expect(YAMLTestSupport.error("...\n") != nil)
    }

    @Test func yamlDirectives() throws {
        #expect(try YAMLTestSupport.load("%YAML 1.1\n---\na: 1\n") == ["a": 1])
        #expect(try YAMLTestSupport.load("%YAML 1.2\n---\na: 1\n") == ["a": 1])
        let version = try #require(YAMLTestSupport.error("%YAML 2.0\n---\na\n"))
        #expect(version.message.contains("incompatible YAML version 2.0"))
        #expect(version.location == SourceLocation(file: "t.yml", line: 1, column: 1))
        #expect(YAMLTestSupport.error("%YAML 1.1\n%YAML 1.1\n---\na\n")?.message.contains("duplicate %YAML") == true)
        #expect(YAMLTestSupport.error("%YAML 1.1\na\n")?.message.contains("expected '---'") == true)
        let unknown = try #require(YAMLTestSupport.error("%FOO bar\n---\na\n"))
        #expect(unknown.message.contains("unknown directive '%FOO'"))
    }

    @Test func tagDirectivesMustBeUnique() throws {
        let error = try #require(YAMLTestSupport.error("%TAG !e! x:\n%TAG !e! y:\n---\na\n"))
        #expect(error.message.contains("duplicate %TAG"))
        #expect(error.location.line == 2)
    }

    @Test func leadingByteOrderMarkIsIgnored() throws {
        let node = try #require(try YAMLTestSupport.node("\u{FEFF}a: 1\nb: 2\n"))
        #expect(node.value == ["a": 1, "b": 2])
        #expect(node.location == SourceLocation(file: "t.yml", line: 1, column: 1))
    }

    @Test func byteOrderMarkLaterCountsAsIndentation() throws {
        #expect(YAMLTestSupport.error("a: 1\n\u{FEFF}b: 2\n") != nil)
        #expect(try YAMLTestSupport.load("a: \u{FEFF}1\n") == ["a": "\u{FEFF}1"])
    }

    @Test func crlfAndOtherLineBreaks() throws {
        let crlf = "a: 1\r\nb:\r\n  - x\r\nc: |\r\n  l1\r\n  l2\r\nd: \"fold\r\n  ed\"\r\n"
        #expect(try YAMLTestSupport.load(crlf) == ["a": 1, "b": ["x"], "c": "l1\nl2\n", "d": "fold ed"])
        #expect(try YAMLTestSupport.load("a: b\rc: d") == ["a": "b", "c": "d"])
        #expect(try YAMLTestSupport.load("a: b\u{85}c: d") == ["a": "b", "c": "d"])
        #expect(try YAMLTestSupport.load("a: b\u{2028}c: d") == ["a": "b", "c": "d"])
        #expect(try YAMLTestSupport.load("a: \"x\u{2028}y\"") == ["a": "x\u{2028}y"])
        let root = try #require(try YAMLTestSupport.node("a: 1\r\nb: 2\r\n"))
        #expect(root["b"]?.location == SourceLocation(file: "t.yml", line: 2, column: 4))
    }

    @Test func tabsAreAllowedAsSeparatorsWhereLibyamlAllowsThem() throws {
        #expect(try YAMLTestSupport.load("a:\tb\n") == ["a": "b"])
        #expect(try YAMLTestSupport.load("a: [1,\t2]\nb: {\tc: d}\n") == ["a": [1, 2], "b": ["c": "d"]])
        #expect(try YAMLTestSupport.load("a: 1\t# comment\nb: 2\t\n") == ["a": 1, "b": 2])
        #expect(try YAMLTestSupport.load("a: [\n\tb]\n") == ["a": ["b"]])
        #expect(try YAMLTestSupport.load("a: \"tab\there\"\n") == ["a": "tab\there"])
    }

    @Test(arguments: [
        ("a:\n\tb: 1\n", 2, 1), ("\ta: 1\n", 1, 1), ("- \ta\n", 1, 3), ("? \ta\n", 1, 3), ("a:\n  -\tb\n", 2, 4),
    ])
    func tabsCannotIndent(text: String, line: Int, column: Int) throws {
        let error = try #require(YAMLTestSupport.error(text))
        #expect(error.location == SourceLocation(file: "t.yml", line: line, column: column))
        #expect(error.message.contains("tab"))
    }

    @Test func tabOnAContinuationLineOfAPlainScalarIsAnError() throws {
        let error = try #require(YAMLTestSupport.error("a: b\n\t\nc: d\n"))
        #expect(error.message.contains("tab character that violates indentation"))
    }

    @Test(arguments: [
        ("a: \"\u{1}\"\n", 1, 5, "U+0001"), ("a: b\u{7F}\n", 1, 5, "U+007F"), ("x: 1\ny: é\u{90}\n", 2, 5, "U+0090"),
        ("k: \u{FFFE}\n", 1, 4, "U+FFFE"), ("\u{0}", 1, 1, "U+0000"), ("a: 1\r\nb: \u{1B}\n", 2, 4, "U+001B"),
    ])
    func controlCharactersAreRejectedAnywhere(text: String, line: Int, column: Int, code: String) throws {
        let error = try #require(YAMLTestSupport.error(text))
        #expect(error.location == SourceLocation(file: "t.yml", line: line, column: column))
        #expect(error.message.contains("control character \(code)"))
    }

    @Test func escapedControlCharactersAreFine() throws {
        #expect(try YAMLTestSupport.load("a: \"\\x01\\x7F\"\n") == ["a": "\u{1}\u{7F}"])
    }

    @Test func nonASCIITextIsKept() throws {
        let text = "name: \"héllo wörld\"\nemoji: 😀\ncjk: 日本語\nkey_é: value\n"
        #expect(
            try YAMLTestSupport.load(text)
                == ["name": "héllo wörld", "emoji": "😀", "cjk": "日本語", "key_é": "value"])
    }

    @Test func topLevelScalarsAndSequences() throws {
        #expect(try YAMLTestSupport.load("plain scalar\n") == "plain scalar")
        #expect(try YAMLTestSupport.load("- 1\n- two\n- 3.0\n") == [1, "two", 3.0])
        #expect(try YAMLTestSupport.load("'quoted'") == "quoted")
    }
}
