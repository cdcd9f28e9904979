import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Syntax errors: where they are reported and what they say.
@Suite struct YAMLErrorTests {
    private func error(_ text: String, file: String = "t.yml") throws -> YAMLError {
        try #require(YAMLTestSupport.error(text, file: file), "expected an error for \(text.debugDescription)")
    }

    @Test func descriptionIsFileLineColumnAndMessage() throws {
        let error = try error("a: b: c\n", file: "inventory/hosts.yaml")
        #expect(error.description.hasPrefix("inventory/hosts.yaml:1:5: mapping values are not allowed here"))
    }

    @Test(arguments: [
        // (document, line, column, fragment of the message)
        ("a: b: c\n", 1, 5, "mapping values are not allowed here"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "expected a mapping key at this indentation (the mapping starts at line 1"),
        ("a: - b\n", 1, 4, "'- ' list item is not allowed here"),
        ("a: 1\nb\n", 2, 1, "could not find the ':' that must follow this mapping key"),
        ("a:\n- b\nc\n", 3, 1, "could not find the ':'"),
        ("a:\n  - b\n  c: d\n", 3, 3, "expected a '- ' list item at this indentation (the list starts at line 2"),
        ("- a\nb: 1\n", 2, 1, "expected a '- ' list item"),
        ("a: [1, 2\n", 2, 1, "expected ',' or ']' in the flow sequence that starts at line 1, column 4"),
        ("a: {b: 1\n", 2, 1, "expected ',' or '}' in the flow mapping that starts at line 1, column 4"),
        ("a: [b]]\n", 1, 7, "expected a mapping key"),
        ("a: \"abc\n", 1, 4, "double-quoted string is never closed"),
        ("a: 'abc\n", 1, 4, "single-quoted string is never closed"),
        ("\"a\n---\n\"", 2, 1, "document marker"),
        ("[x:,]\n", 1, 3, "found ':' directly followed by ','"),
        ("a: @x\n", 1, 4, "character '@' that cannot start any token"),
        ("a: `x\n", 1, 4, "character '`' that cannot start any token"),
        ("a: 1\n%x\n", 2, 3, "unknown directive '%x'"),
        ("a: &?x b\n", 1, 5, "name of an anchor"),
        ("*\n", 1, 2, "name of an alias"),
        ("a: !<x y\n", 1, 7, "expected '>' to close the verbatim tag"),
        ("{a: 1} x\n", 1, 8, "found 'x' after the end of the document"),
        ("- [a, b]: c\n  - d\n", 2, 3, "expected a mapping key"),
        ("a: |0\n  x\n", 1, 5, "indentation indicator"),
        ("key: [a, -b, - c]\n", 1, 14, "expected a value, found '-'"),
    ])
    func syntaxErrorsAreReportedWhereTheProblemIs(text: String, line: Int, column: Int, fragment: String) throws {
        let error = try error(text)
        #expect(error.location == SourceLocation(file: "t.yml", line: line, column: column), "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }

    @Test func commonInventoryMistakesGetHints() throws {
        let jinja = try error("all:\n  vars:\n    x: {{ var }}\n")
        #expect(jinja.location == SourceLocation(file: "t.yml", line: 3, column: 9))
        #expect(jinja.message.contains("an unquoted '{{ ... }}' is read as a mapping, quote it"))
        let windowsPath = try error("all:\n  vars:\n    path: \"C:\\Users\"\n")
        #expect(windowsPath.location == SourceLocation(file: "t.yml", line: 3, column: 14))
        #expect(windowsPath.message.contains("or use single quotes"))
        let colon = try error("all:\n  vars:\n    msg: hello: world\n")
        #expect(colon.message.contains("quote the value"))
        let mixed = try error("all:\n  hosts:\n    - node1\n    node2:\n")
        #expect(mixed.message.hasSuffix("found a mapping key"))
    }

    @Test func simpleKeysLongerThan1024CharactersAreNotKeys() throws {
        let key = String(repeating: "k", count: 1100)
        let error = try error("\"\(key)\": 1\n")
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 1103))
        #expect(error.message.contains("mapping values are not allowed"))
        #expect(
            try YAMLTestSupport.load("\"\(String(repeating: "k", count: 1000))\": 1\n")
                .mappingValue?.count == 1)
    }

    @Test func multiLineSimpleKeysAreNotKeys() throws {
        let error = try error("a: 1\n\"multi\n line\": 2\n")
        #expect(error.location.line == 2)
    }

    @Test func errorsNameTheFileTheCallerGave() throws {
        let error = try error("a: *x\n", file: "group_vars/all/all.yml")
        #expect(error.location.file == "group_vars/all/all.yml")
        #expect(error.description.hasPrefix("group_vars/all/all.yml:1:4: undefined alias '*x'"))
    }
}
